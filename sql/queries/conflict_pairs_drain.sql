-- conflict_pairs_drain: one chunk of the whole-register pair tables brought up to date (kq_conflict_pairs_drain,
-- sql/functions/conflict_pairs.sql). $1 text[] the protected-area categories a pipeline crossing counts.
-- One row: remaining (int), the work left after this chunk (0: the pair tables are the register as it stands).
SELECT kq_conflict_pairs_drain($1::text[]) AS remaining

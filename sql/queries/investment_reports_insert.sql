-- investment_reports_insert: one filing of a year's exploration investment, the next revision of (block, year).
-- $1 block id, $2 year, $3 amount_cny, $4 physical_and_research_cny, $5 breakdown (jsonb text), $6 note, $7 document_no,
-- $8 submitted_by, $9 submitted_by_user_id, $10 role, $11 submitted_at (NULL: now; the demo's filings carry their day),
-- $12 synthetic. Run after investment_block_lock in the same transaction.
INSERT INTO investment_reports (block_id, year, revision, amount_cny, physical_and_research_cny, breakdown, note, document_no,
                                submitted_by, submitted_by_user_id, role, submitted_at, synthetic)
SELECT $1::text, $2::integer,
       COALESCE((SELECT max(r.revision) FROM investment_reports r WHERE r.block_id = $1::text AND r.year = $2::integer), 0) + 1,
       $3::double precision, $4::double precision, $5::jsonb, $6::text, $7::text, $8::text, $9::bigint, $10::text,
       COALESCE($11::timestamptz, clock_timestamp()), $12::boolean
RETURNING id::text AS id, block_id, year, revision, amount_cny, physical_and_research_cny, breakdown, note, document_no,
          submitted_by, role, to_char(submitted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS submitted_at, synthetic

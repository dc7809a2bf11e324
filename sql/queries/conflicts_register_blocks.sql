-- conflicts_register_blocks: the whole register, every block against every other block it overlaps, one page read by
-- key from conflict_pairs (023; brought up to date by kq_conflict_pairs_drain before the page is read).
-- Each ordered pair (subject block, other block) is a row: outcomes are judged for the subject.
-- $1 int limit, $2 int offset. Rows ordered by subject id, then feature id.
-- Returns matched (pairs before paging), the subject's id, name, holder, kind, mineral, status, the other
-- block's properties (as they stand), overlap_km2 (ellipsoidal, as the check of the subject block measures it) and both
-- areas (km²). Touching is not overlapping (polygonal intersection > 1e-9 km²). No geometry (use POST /api/checks or
-- the block endpoint for it).
WITH page AS MATERIALIZED (
  SELECT subject_id, feature_id, overlap_km2 FROM conflict_pairs WHERE collection = 'blocks'
  ORDER BY subject_id, feature_id LIMIT $1 OFFSET $2
)
SELECT (SELECT count(*) FROM conflict_pairs WHERE collection = 'blocks') AS matched,
       a.id AS subject_id, a.name AS subject_name, a.holder AS subject_holder, a.kind AS subject_kind,
       a.mineral AS subject_mineral, a.status AS subject_status, a.area_km2 AS subject_area_km2,
       b.id, b.name, b.holder, b.kind, b.mineral, b.status, b.valid_to::text AS valid_to,
       b.area_km2 AS feature_area_km2, p.overlap_km2
FROM page p JOIN blocks a ON a.id = p.subject_id JOIN blocks b ON b.id = p.feature_id
ORDER BY p.subject_id, p.feature_id

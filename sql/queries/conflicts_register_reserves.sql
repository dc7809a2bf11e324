-- conflicts_register_reserves: every block against the reserve polygons of other blocks it overlaps, one page read by
-- key from conflict_pairs (023; brought up to date by kq_conflict_pairs_drain before the page is read).
-- $1 int limit, $2 int offset. Rows ordered by subject (block) id, then reserve id.
-- Returns matched, the subject block's properties, the reserve (kind, parent block and the parent's
-- holder, kind, mineral, status, valid_to), its area and overlap_km2 (ellipsoidal; > 1e-9 km² only).
WITH page AS MATERIALIZED (
  SELECT subject_id, feature_id, overlap_km2 FROM conflict_pairs WHERE collection = 'reserves'
  ORDER BY subject_id, feature_id LIMIT $1 OFFSET $2
)
SELECT (SELECT count(*) FROM conflict_pairs WHERE collection = 'reserves') AS matched,
       a.id AS subject_id, a.name AS subject_name, a.holder AS subject_holder, a.kind AS subject_kind,
       a.mineral AS subject_mineral, a.status AS subject_status, a.area_km2 AS subject_area_km2,
       r.id, r.name, r.kind AS reserve_kind, r.block_id, r.area_km2 AS feature_area_km2, p.overlap_km2,
       b.holder, b.kind, b.mineral, b.status, b.valid_to::text AS valid_to
FROM page p JOIN blocks a ON a.id = p.subject_id JOIN reserves r ON r.id = p.feature_id
LEFT JOIN blocks b ON b.id = r.block_id
ORDER BY p.subject_id, p.feature_id

-- conflicts_register_redlines: every block against every red line it overlaps, one page read by key from
-- conflict_pairs (023; measured through the subdivided twin as the check does, kq_pairs_subdivided).
-- $1 int limit, $2 int offset. Rows ordered by subject (block) id, then red-line id.
-- Returns matched (pairs before paging), the subject block's properties, the red line's status and
-- version date, its area and overlap_km2 (ellipsoidal). Touching is not overlapping (> 1e-9 km²).
WITH page AS MATERIALIZED (
  SELECT subject_id, feature_id, overlap_km2 FROM conflict_pairs WHERE collection = 'redlines'
  ORDER BY subject_id, feature_id LIMIT $1 OFFSET $2
)
SELECT (SELECT count(*) FROM conflict_pairs WHERE collection = 'redlines') AS matched,
       a.id AS subject_id, a.name AS subject_name, a.holder AS subject_holder, a.kind AS subject_kind,
       a.mineral AS subject_mineral, a.status AS subject_status, a.area_km2 AS subject_area_km2,
       f.id, f.name, f.status, f.version_date::text AS version_date, f.area_km2 AS feature_area_km2, p.overlap_km2
FROM page p JOIN blocks a ON a.id = p.subject_id JOIN redlines f ON f.id = p.feature_id
ORDER BY p.subject_id, p.feature_id

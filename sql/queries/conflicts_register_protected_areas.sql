-- conflicts_register_protected_areas: every block against every protected area it overlaps, one page read by key from
-- conflict_pairs (023; measured through the subdivided twin as the check does, kq_pairs_subdivided).
-- $1 int limit, $2 int offset. Rows ordered by subject (block) id, then protected-area id.
-- Returns matched (pairs before paging), the subject block's properties, the protected area's
-- category, zone, level, its area and overlap_km2 (ellipsoidal). Touching is not overlapping (> 1e-9 km²).
WITH page AS MATERIALIZED (
  SELECT subject_id, feature_id, overlap_km2 FROM conflict_pairs WHERE collection = 'protected_areas'
  ORDER BY subject_id, feature_id LIMIT $1 OFFSET $2
)
SELECT (SELECT count(*) FROM conflict_pairs WHERE collection = 'protected_areas') AS matched,
       a.id AS subject_id, a.name AS subject_name, a.holder AS subject_holder, a.kind AS subject_kind,
       a.mineral AS subject_mineral, a.status AS subject_status, a.area_km2 AS subject_area_km2,
       f.id, f.name, f.category, f.zone, f.level, f.area_km2 AS feature_area_km2, p.overlap_km2
FROM page p JOIN blocks a ON a.id = p.subject_id JOIN protected_areas f ON f.id = p.feature_id
ORDER BY p.subject_id, p.feature_id

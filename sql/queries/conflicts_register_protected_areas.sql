-- conflicts_register_protected_areas: every block against every protected area it overlaps, through the
-- subdivided twin (pieces re-merged per original protected-area id, as kq_overlay_subdivided does).
-- $1 int limit, $2 int offset. Rows ordered by subject (block) id, then protected-area id.
-- Returns matched (pairs before paging), the subject block's properties, the protected area's
-- category, zone, level, its area and overlap_km2 (ellipsoidal). Touching is not overlapping (> 1e-9 km²).
WITH pieces AS MATERIALIZED (
  SELECT a.id AS subject_id, s.id AS feature_id,
         ST_CollectionExtract(ST_Intersection(a.geom, s.geom), 3) AS g
  FROM blocks a JOIN protected_areas_sub s ON s.geom && a.geom AND ST_Intersects(s.geom, a.geom)
),
pairs AS MATERIALIZED (
  SELECT subject_id, feature_id, ST_Area(kq_merge_pieces(ST_Union(g))::geography) / 1e6 AS overlap_km2
  FROM pieces WHERE NOT ST_IsEmpty(g) GROUP BY 1, 2
)
SELECT count(*) OVER () AS matched,
       a.id AS subject_id, a.name AS subject_name, a.holder AS subject_holder, a.kind AS subject_kind,
       a.mineral AS subject_mineral, a.status AS subject_status, a.area_km2 AS subject_area_km2,
       f.id, f.name, f.category, f.zone, f.level, f.area_km2 AS feature_area_km2, p.overlap_km2
FROM pairs p JOIN blocks a ON a.id = p.subject_id JOIN protected_areas f ON f.id = p.feature_id
WHERE p.overlap_km2 > 1e-9
ORDER BY p.subject_id, p.feature_id
LIMIT $1 OFFSET $2

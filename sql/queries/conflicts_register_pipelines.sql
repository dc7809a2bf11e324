-- conflicts_register_pipelines: every block against the pipelines that, inside it, cross protected
-- (CTEs are MATERIALIZED: an inlined CTE would recompute ST_Intersection at every reference.)
-- areas of the given categories (PA-11).
-- $1 int limit, $2 int offset, $3 text[] protected-area categories (273号令 第三十一条第二款 kinds).
-- Returns matched, the subject block's properties, the pipeline's properties, the crossing length inside
-- the block (km, ellipsoidal; overlapping protected areas counted once) and the ids crossed.
WITH crossings AS MATERIALIZED (
  SELECT a.id AS subject_id, p.id AS feature_id, s.id AS pa_id,
         ST_CollectionExtract(kq_intersection(kq_intersection(p.geom, a.geom), s.geom), 2) AS g
  FROM blocks a
  JOIN pipelines p ON p.geom && a.geom AND ST_Intersects(p.geom, a.geom)
  JOIN protected_areas_sub s ON s.geom && p.geom AND s.geom && a.geom AND ST_Intersects(s.geom, p.geom)
  JOIN protected_areas pa ON pa.id = s.id AND pa.category = ANY ($3::text[])
),
pairs AS MATERIALIZED (
  SELECT subject_id, feature_id, array_agg(DISTINCT pa_id ORDER BY pa_id) AS crosses,
         ST_Length(kq_union(ST_Collect(g))::geography) / 1e3 AS crossing_km
  FROM crossings WHERE NOT ST_IsEmpty(g) GROUP BY 1, 2
)
SELECT count(*) OVER () AS matched,
       a.id AS subject_id, a.name AS subject_name, a.holder AS subject_holder, a.kind AS subject_kind,
       a.mineral AS subject_mineral, a.status AS subject_status, a.area_km2 AS subject_area_km2,
       p.id, p.name, p.type, p.status, p.holder, p.length_km AS feature_length_km, x.crossing_km, x.crosses
FROM pairs x JOIN blocks a ON a.id = x.subject_id JOIN pipelines p ON p.id = x.feature_id
WHERE x.crossing_km > 0
ORDER BY x.subject_id, x.feature_id
LIMIT $1 OFFSET $2

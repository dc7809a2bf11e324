-- conflicts_pipelines: pipelines that, inside the input, cross protected areas of the given categories
-- (CTEs are MATERIALIZED: an inlined CTE would recompute ST_Intersection at every reference.)
-- (PA-11: the four kinds named in 273号令 第三十一条第二款).
-- $1 text    input geometry as GeoJSON (Polygon | MultiPolygon, CGCS2000 lon/lat, SRID 4490)
-- $2 text[]  protected-area categories a pipeline may only cross harmlessly
-- $3 timestamptz  the register as at this instant (pipelines and protected areas as they stood: current rows
--                 and <layer>_history, 012; the twin keeps no history, so the areas' full geometries are
--                 crossed), or NULL: today's
-- One row per pipeline: properties, its length (km, kept by trigger), its length inside the input (km,
-- ellipsoidal), the crossing length inside the input (km, ellipsoidal: ST_Length on geography; overlapping
-- protected areas counted once), the ids of
-- the protected areas crossed, and the crossing geometry (GeoJSON, 9 decimals (0.1 mm)).
WITH input AS (SELECT ST_SetSRID(ST_GeomFromGeoJSON($1::text), 4490) AS g),
v AS NOT MATERIALIZED (SELECT * FROM kq_pipelines_as_at($3::timestamptz)),
vp AS NOT MATERIALIZED (SELECT * FROM kq_protected_areas_as_at($3::timestamptz)),
inside AS MATERIALIZED (
  SELECT p.id, ST_CollectionExtract(kq_intersection(p.geom, i.g), 2) AS g
  FROM input i JOIN v p ON p.geom && i.g AND ST_Intersects(p.geom, i.g)
),
-- each protected area (piece) an inside part crosses (a line in common, as before); the crossing is then ONE
-- intersection of the inside line with the union of those areas, so it lies on the inside line by construction
-- (crossing ≤ inside). Unioning the per-area line intersections instead left near-collinear duplicates where two
-- areas overlap, and counted them twice (a 7.5 km crossing on a 5.7 km inside part, differential seed 20261201 #200).
-- The areas are collected in a fixed order (the whole-register crossings of sql/functions/conflict_pairs.sql use the
-- same expressions, so a block's stored crossing is this query's number for it).
crossings AS MATERIALIZED (
  SELECT n.id, s.id AS pa_id, s.geom AS area, ST_CollectionExtract(kq_intersection(n.g, s.geom), 2) AS g
  FROM inside n
  JOIN protected_areas_sub s ON s.geom && n.g AND ST_Intersects(s.geom, n.g)
  JOIN protected_areas pa ON pa.id = s.id AND pa.category = ANY ($2::text[])
  WHERE $3::timestamptz IS NULL
  UNION ALL
  SELECT n.id, pa.id AS pa_id, pa.geom AS area, ST_CollectionExtract(kq_intersection(n.g, pa.geom), 2) AS g
  FROM inside n
  JOIN vp pa ON pa.geom && n.g AND pa.category = ANY ($2::text[]) AND ST_Intersects(pa.geom, n.g)
  WHERE $3::timestamptz IS NOT NULL
),
per_pipeline AS MATERIALIZED (
  SELECT t.id, t.crosses, ST_CollectionExtract(kq_intersection(n.g, t.areas), 2) AS g
  FROM (SELECT id, array_agg(DISTINCT pa_id ORDER BY pa_id) AS crosses, kq_union(ST_Collect(area ORDER BY area)) AS areas
        FROM crossings WHERE NOT ST_IsEmpty(g) GROUP BY id) t
  JOIN inside n USING (id)
)
SELECT p.id, p.name, p.type, p.status, p.holder, p.length_km AS feature_length_km,
       ST_Length(n.g::geography) / 1e3 AS inside_km,
       ST_Length(c.g::geography) / 1e3 AS crossing_km, c.crosses, ST_AsGeoJSON(c.g, 9, 0) AS geometry
FROM per_pipeline c JOIN v p USING (id) JOIN inside n USING (id)
WHERE NOT ST_IsEmpty(c.g) AND ST_Length(c.g::geography) > 0
ORDER BY p.id

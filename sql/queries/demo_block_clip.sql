-- demo_block_clip: a demo application's polygon (data/demo/applications.json): block $1 cut by the lon/lat box
-- $2..$5 (min lon, min lat, max lon, max lat; CGCS2000, SRID 4490) → geometry (MultiPolygon GeoJSON, 9 decimals), or NULL
-- when the block is missing or the box misses it.
SELECT CASE WHEN ST_IsEmpty(g) THEN NULL ELSE ST_AsGeoJSON(ST_Multi(g), 9, 0) END AS geometry
FROM (
  SELECT ST_CollectionExtract(kq_intersection(b.geom, ST_MakeEnvelope($2::float8, $3::float8, $4::float8, $5::float8, 4490)), 3) AS g
  FROM blocks b WHERE b.id = $1::text
) s

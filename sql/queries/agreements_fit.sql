-- agreements_fit: how a proposed agreement polygon lies over the overlap of its two parties (issue 14 item 5).
-- $1 text  party block id, $2 text  the other party's block id (both as they stand)
-- $3 text  the polygon the agreement covers, GeoJSON (CGCS2000 lon/lat, SRID 4490), or NULL: the whole overlap
-- One row when both blocks exist: overlap_km2 (the parties' overlap, ellipsoidal), outside_km2 (the part of the given
-- polygon outside that overlap; 0 when none given), covered_km2 and geometry (the polygon clipped to the overlap,
-- GeoJSON 9 decimals: what is stored). No row when either block is missing.
WITH a AS (SELECT geom FROM blocks WHERE id = $1::text),
b AS (SELECT geom FROM blocks WHERE id = $2::text),
o AS MATERIALIZED (SELECT ST_CollectionExtract(kq_intersection(a.geom, b.geom), 3) AS g FROM a, b),
given AS (SELECT CASE WHEN $3::text IS NULL THEN NULL ELSE ST_SetSRID(ST_GeomFromGeoJSON($3::text), 4490) END AS g),
covered AS MATERIALIZED (
  SELECT o.g AS overlap, CASE WHEN given.g IS NULL THEN o.g ELSE ST_CollectionExtract(kq_intersection(given.g, o.g), 3) END AS g,
         CASE WHEN given.g IS NULL THEN NULL ELSE ST_CollectionExtract(kq_difference(given.g, o.g), 3) END AS outside
  FROM o, given
)
SELECT COALESCE(ST_Area(overlap::geography) / 1e6, 0) AS overlap_km2,
       COALESCE(ST_Area(outside::geography) / 1e6, 0) AS outside_km2,
       COALESCE(ST_Area(g::geography) / 1e6, 0) AS covered_km2,
       CASE WHEN ST_IsEmpty(g) THEN NULL ELSE ST_AsGeoJSON(ST_Multi(g), 9, 0) END AS geometry
FROM covered

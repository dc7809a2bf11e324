-- commitments_fit: how a proposed commitment polygon lies over the overlap of a right and a red line (PA-5, 000 L6185).
-- $1 text  block id, $2 text  red line id (both as they stand)
-- $3 text  the polygon the commitment covers, GeoJSON (CGCS2000 lon/lat, SRID 4490), or NULL: the whole overlap
-- One row when both exist: the red line's status, overlap_km2 (ellipsoidal), outside_km2 (the part of the given polygon
-- outside the overlap; 0 when none given), covered_km2 and geometry (the polygon clipped to the overlap, GeoJSON 9
-- decimals: what is stored). No row when either is missing.
WITH b AS (SELECT geom FROM blocks WHERE id = $1::text),
r AS (SELECT geom, status FROM redlines WHERE id = $2::text),
o AS MATERIALIZED (SELECT r.status, ST_CollectionExtract(kq_intersection(b.geom, r.geom), 3) AS g FROM b, r),
given AS (SELECT CASE WHEN $3::text IS NULL THEN NULL ELSE ST_SetSRID(ST_GeomFromGeoJSON($3::text), 4490) END AS g),
covered AS MATERIALIZED (
  SELECT o.status, o.g AS overlap,
         CASE WHEN given.g IS NULL THEN o.g ELSE ST_CollectionExtract(kq_intersection(given.g, o.g), 3) END AS g,
         CASE WHEN given.g IS NULL THEN NULL ELSE ST_CollectionExtract(kq_difference(given.g, o.g), 3) END AS outside
  FROM o, given
)
SELECT status,
       COALESCE(ST_Area(overlap::geography) / 1e6, 0) AS overlap_km2,
       COALESCE(ST_Area(outside::geography) / 1e6, 0) AS outside_km2,
       COALESCE(ST_Area(g::geography) / 1e6, 0) AS covered_km2,
       CASE WHEN ST_IsEmpty(g) THEN NULL ELSE ST_AsGeoJSON(ST_Multi(g), 9, 0) END AS geometry
FROM covered

-- annex_retained_parts: $1 block id, $2 a retained polygon (GeoJSON text, Polygon | MultiPolygon, CGCS2000 lon/lat;
-- the applicant's own, as an extension or change application carries it) → the extension annex's three areas, or no
-- row when the block is not on record:
--  * licensed: the block on record (GeoJSON, 9 decimals) and its ellipsoidal area;
--  * retained: the polygon's ellipsoidal area as given (the application's write path already holds it within the block);
--  * relinquished: the block minus the retained polygon (GeoJSON, 9 decimals; NULL when nothing is left out) and its
--    ellipsoidal area.
-- Areas in km² on the CGCS2000 spheroid (geography). The overlay runs on the fixed grid (kq_difference,
-- sql/functions/overlay_grid.sql): the same answer on PostGIS and the embedded engine.
WITH b AS (SELECT geom FROM blocks WHERE id = $1),
r AS (SELECT ST_SetSRID(ST_GeomFromGeoJSON($2::text), 4490) AS g),
cut AS MATERIALIZED (SELECT ST_CollectionExtract(kq_difference(b.geom, r.g), 3) AS g FROM b, r)
SELECT ST_AsGeoJSON(b.geom, 9, 0) AS licensed,
       ST_Area(b.geom::geography) / 1e6 AS licensed_km2,
       ST_Area(r.g::geography) / 1e6 AS retained_km2,
       CASE WHEN cut.g IS NULL OR ST_IsEmpty(cut.g) THEN NULL ELSE ST_AsGeoJSON(cut.g, 9, 0) END AS relinquished,
       COALESCE(ST_Area(cut.g::geography) / 1e6, 0) AS relinquished_km2
FROM b, r, cut

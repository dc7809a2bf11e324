-- conflicts_subject_block: a stored block as the subject of a conflict check.
-- $1 text  block id
-- One row (or none): holder, kind, mineral, status, province_registered, and its geometry as GeoJSON
-- with 9 decimals (0.1 mm) (not the 7 of the feature API, so the overlay sees the stored corners).
SELECT id, name, holder, kind, mineral, status, province_registered, area_km2, ST_AsGeoJSON(geom, 15, 0) AS geometry
FROM blocks WHERE id = $1::text

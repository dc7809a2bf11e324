-- conflicts_subject_block: a stored block as the subject of a conflict check.
-- $1 text  block id
-- $2 timestamptz  the block as it stood at this instant (blocks_history, 012), or NULL: as it stands
-- One row (or none): holder, kind, mineral, status, province_registered, and its geometry as GeoJSON
-- with 9 decimals (0.1 mm) (not the 7 of the feature API, so the overlay sees the stored corners).
SELECT id, name, holder, kind, mineral, status, province_registered, area_km2, ST_AsGeoJSON(geom, 15, 0) AS geometry
FROM kq_blocks_as_at($2::timestamptz) v
WHERE id = $1::text

-- block_export: $1 block id → its name, licence number and geometry (GeoJSON, full precision) for export.
SELECT name, licence_no, ST_AsGeoJSON(geom, 15)::jsonb AS geometry FROM blocks WHERE id = $1

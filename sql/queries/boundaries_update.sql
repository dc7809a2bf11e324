-- boundaries_update: $1 id, $2 GeoJSON Feature → id.
-- $3 the version the writer started from (If-Match): no row when the item has changed since (or is gone).
-- The version check is in this statement, so of two concurrent writers from one version only one updates.
UPDATE boundaries t SET name = p.name, level = p.level, label_lon = p.label_lon, label_lat = p.label_lat,
  synthetic = COALESCE(p.synthetic, false), geom = ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON($2::jsonb->'geometry'), 4490))
FROM jsonb_populate_record(NULL::boundaries, $2::jsonb->'properties') p
WHERE t.id = $1 AND t.version = $3::bigint
RETURNING t.id, t.version::text AS version

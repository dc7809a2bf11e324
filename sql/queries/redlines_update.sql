-- redlines_update: $1 id, $2 GeoJSON Feature → id.
UPDATE redlines t SET name = p.name, status = p.status, version_date = p.version_date, source = p.source,
  synthetic = COALESCE(p.synthetic, false), geom = ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON($2::jsonb->'geometry'), 4490))
FROM jsonb_populate_record(NULL::redlines, $2::jsonb->'properties') p
WHERE t.id = $1
RETURNING t.id

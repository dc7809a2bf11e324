-- reserves_update: $1 id, $2 GeoJSON Feature → id.
UPDATE reserves t SET block_id = p.block_id, name = p.name, kind = COALESCE(p.kind, 'proven'), submitted_date = p.submitted_date,
  synthetic = COALESCE(p.synthetic, false), geom = ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON($2::jsonb->'geometry'), 4490))
FROM jsonb_populate_record(NULL::reserves, $2::jsonb->'properties') p
WHERE t.id = $1
RETURNING t.id

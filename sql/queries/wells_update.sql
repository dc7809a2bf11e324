-- wells_update: $1 id, $2 GeoJSON Point Feature → id.
UPDATE wells t SET name = p.name, type = p.type, status = p.status, holder = p.holder, block_id = p.block_id,
  spud_date = p.spud_date, completion_date = p.completion_date, status_since = p.status_since,
  synthetic = COALESCE(p.synthetic, false), geom = ST_SetSRID(ST_GeomFromGeoJSON($2::jsonb->'geometry'), 4490)
FROM jsonb_populate_record(NULL::wells, $2::jsonb->'properties') p
WHERE t.id = $1
RETURNING t.id

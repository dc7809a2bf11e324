-- wells_insert: $1 jsonb array of GeoJSON Point Features → inserted ids.
INSERT INTO wells (id, name, type, status, holder, block_id, spud_date, completion_date, status_since, synthetic, geom)
SELECT COALESCE(p.id, 'w-' || md5(random()::text || clock_timestamp()::text)), p.name, p.type, p.status, p.holder, p.block_id,
  p.spud_date, p.completion_date, p.status_since, COALESCE(p.synthetic, false),
  ST_SetSRID(ST_GeomFromGeoJSON(f->'geometry'), 4490)
FROM jsonb_array_elements($1::jsonb) f, jsonb_populate_record(NULL::wells, f->'properties') p
RETURNING id

-- wells_insert: $1 jsonb array of GeoJSON Point Features → inserted ids.
-- Optional property recorded_from (timestamptz) back-dates the start of the first version (demo loader only;
-- API writes never carry it).
INSERT INTO wells (id, name, type, status, holder, block_id, spud_date, completion_date, status_since, synthetic, sys_period, geom)
SELECT COALESCE(p.id, 'w-' || md5(random()::text || clock_timestamp()::text)), p.name, p.type, p.status, p.holder, p.block_id,
  p.spud_date, p.completion_date, p.status_since, COALESCE(p.synthetic, false),
  tstzrange(COALESCE((f->'properties'->>'recorded_from')::timestamptz, now()), NULL),
  ST_SetSRID(ST_GeomFromGeoJSON(f->'geometry'), 4490)
FROM jsonb_array_elements($1::jsonb) f, jsonb_populate_record(NULL::wells, f->'properties') p
RETURNING id

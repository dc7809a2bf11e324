-- reserves_insert: $1 jsonb array of GeoJSON Features → inserted ids.
-- Optional property recorded_from (timestamptz) back-dates the start of the first version (demo loader only;
-- API writes never carry it).
INSERT INTO reserves (id, block_id, name, kind, submitted_date, synthetic, sys_period, geom)
SELECT COALESCE(p.id, 'rs-' || md5(random()::text || clock_timestamp()::text)), p.block_id, p.name, COALESCE(p.kind, 'proven'),
  p.submitted_date, COALESCE(p.synthetic, false), tstzrange(COALESCE((f->'properties'->>'recorded_from')::timestamptz, now()), NULL),
  ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(f->'geometry'), 4490))
FROM jsonb_array_elements($1::jsonb) f, jsonb_populate_record(NULL::reserves, f->'properties') p
RETURNING id

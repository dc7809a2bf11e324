-- pipelines_insert: $1 jsonb array of GeoJSON (Multi)LineString Features → inserted ids; length by trigger.
-- Optional property recorded_from (timestamptz) back-dates the start of the first version (demo loader only;
-- API writes never carry it).
INSERT INTO pipelines (id, name, type, pressure_mpa, diameter_mm, status, holder, synthetic, sys_period, geom)
SELECT COALESCE(p.id, 'pl-' || md5(random()::text || clock_timestamp()::text)), p.name, p.type, p.pressure_mpa, p.diameter_mm,
  p.status, p.holder, COALESCE(p.synthetic, false), tstzrange(COALESCE((f->'properties'->>'recorded_from')::timestamptz, now()), NULL),
  ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(f->'geometry'), 4490))
FROM jsonb_array_elements($1::jsonb) f, jsonb_populate_record(NULL::pipelines, f->'properties') p
RETURNING id

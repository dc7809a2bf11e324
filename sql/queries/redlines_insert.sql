-- redlines_insert: $1 jsonb array of GeoJSON Features → inserted ids. Subdivided twin kept by trigger.
-- Optional property recorded_from (timestamptz) back-dates the start of the first version (demo loader only;
-- API writes never carry it).
INSERT INTO redlines (id, name, status, version_date, source, synthetic, sys_period, geom)
SELECT COALESCE(p.id, 'rl-' || md5(random()::text || clock_timestamp()::text)), p.name, p.status, p.version_date, p.source,
  COALESCE(p.synthetic, false), tstzrange(COALESCE((f->'properties'->>'recorded_from')::timestamptz, now()), NULL),
  ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(f->'geometry'), 4490))
FROM jsonb_array_elements($1::jsonb) f, jsonb_populate_record(NULL::redlines, f->'properties') p
RETURNING id

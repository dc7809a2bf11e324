-- protected_areas_insert: $1 jsonb array of GeoJSON Features → inserted ids. Subdivided twin kept by trigger.
-- Optional property recorded_from (timestamptz) back-dates the start of the first version (demo loader only;
-- API writes never carry it).
INSERT INTO protected_areas (id, name, category, zone, level, source, designated_date, synthetic, sys_period, geom)
SELECT COALESCE(p.id, 'pa-' || md5(random()::text || clock_timestamp()::text)), p.name, p.category, p.zone, p.level, p.source,
  p.designated_date, COALESCE(p.synthetic, false), tstzrange(COALESCE((f->'properties'->>'recorded_from')::timestamptz, now()), NULL),
  ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(f->'geometry'), 4490))
FROM jsonb_array_elements($1::jsonb) f, jsonb_populate_record(NULL::protected_areas, f->'properties') p
RETURNING id

-- boundaries_insert: $1 jsonb array of GeoJSON Features → inserted ids.
-- Optional property recorded_from (timestamptz) back-dates the start of the first version (demo loader only;
-- API writes never carry it).
INSERT INTO boundaries (id, name, level, label_lon, label_lat, synthetic, sys_period, geom)
SELECT p.id, p.name, p.level, p.label_lon, p.label_lat, COALESCE(p.synthetic, false),
  tstzrange(COALESCE((f->'properties'->>'recorded_from')::timestamptz, now()), NULL),
  ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(f->'geometry'), 4490))
FROM jsonb_array_elements($1::jsonb) f, jsonb_populate_record(NULL::boundaries, f->'properties') p
RETURNING id

-- blocks_insert: $1 jsonb array of GeoJSON Features (properties named as columns, lon/lat CGCS2000).
-- Optional property recorded_from (timestamptz) back-dates the start of the version's valid time
-- (used by the demo loader: a demo block is "on record" from its first registration).
-- Returns the inserted ids. Geometry is made valid and its area computed by trigger (003).
INSERT INTO blocks (id, licence_no, name, holder, kind, mineral, acquisition_method, authority, status,
  first_registration_date, first_registration_area_km2, valid_from, valid_to, extensions_used, basin,
  province_registered, synthetic, sys_period, geom)
SELECT COALESCE(p.id, 'blk-' || md5(random()::text || clock_timestamp()::text)), p.licence_no, p.name, p.holder, p.kind, p.mineral,
  p.acquisition_method, p.authority, COALESCE(p.status, 'valid'), p.first_registration_date, p.first_registration_area_km2,
  p.valid_from, p.valid_to, COALESCE(p.extensions_used, 0), p.basin, COALESCE(p.province_registered, false),
  COALESCE(p.synthetic, false), tstzrange(COALESCE((f->'properties'->>'recorded_from')::timestamptz, now()), NULL),
  ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(f->'geometry'), 4490))
FROM jsonb_array_elements($1::jsonb) f,
     jsonb_populate_record(NULL::blocks, f->'properties') p
RETURNING id

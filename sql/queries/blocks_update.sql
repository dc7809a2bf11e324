-- blocks_update: $1 id, $2 one GeoJSON Feature (jsonb) replacing the block; the old version goes to history (003).
-- $3 the version the writer started from (If-Match): no row when the item has changed since (or is gone).
-- The version check is in this statement, so of two concurrent writers from one version only one updates.
UPDATE blocks b SET licence_no = p.licence_no, name = p.name, holder = p.holder, kind = p.kind, mineral = p.mineral,
  acquisition_method = p.acquisition_method, authority = p.authority, status = COALESCE(p.status, 'valid'),
  first_registration_date = p.first_registration_date, first_registration_area_km2 = p.first_registration_area_km2,
  valid_from = p.valid_from, valid_to = p.valid_to, extensions_used = COALESCE(p.extensions_used, 0), basin = p.basin,
  province_registered = COALESCE(p.province_registered, false), synthetic = COALESCE(p.synthetic, false),
  geom = ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON($2::jsonb->'geometry'), 4490))
FROM jsonb_populate_record(NULL::blocks, $2::jsonb->'properties') p
WHERE b.id = $1 AND b.version = $3::bigint
RETURNING b.id, b.version::text AS version

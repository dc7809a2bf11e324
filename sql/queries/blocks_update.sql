-- blocks_update: $1 id, $2 one GeoJSON Feature (jsonb) replacing the block; the old version goes to history (003).
-- A Feature without geometry keeps the stored one exactly (PATCH of properties only).
-- $3 the version the writer started from (If-Match): no row when the item has changed since (or is gone).
-- The version check is in this statement, so of two concurrent writers from one version only one updates.
-- licensed_area_km2 (004) changes only when the Feature's properties name it (the approval of an application that
-- redraws the block, server/applications; the OGC write schema does not accept it): otherwise the value on record stays.
UPDATE blocks b SET licence_no = p.licence_no, name = p.name, holder = p.holder, kind = p.kind, mineral = p.mineral,
  acquisition_method = p.acquisition_method, authority = p.authority, status = COALESCE(p.status, 'valid'),
  first_registration_date = p.first_registration_date, first_registration_area_km2 = p.first_registration_area_km2,
  valid_from = p.valid_from, valid_to = p.valid_to, extensions_used = COALESCE(p.extensions_used, 0), basin = p.basin,
  province_registered = COALESCE(p.province_registered, false), synthetic = COALESCE(p.synthetic, false),
  licensed_area_km2 = CASE WHEN ($2::jsonb -> 'properties') ? 'licensed_area_km2' THEN p.licensed_area_km2 ELSE b.licensed_area_km2 END,
  geom = COALESCE(ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON($2::jsonb->'geometry'), 4490)), b.geom)
FROM jsonb_populate_record(NULL::blocks, $2::jsonb->'properties') p
WHERE b.id = $1 AND b.version = $3::bigint
RETURNING b.id, b.version::text AS version

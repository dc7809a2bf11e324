-- protected_areas_update: $1 id, $2 GeoJSON Feature → id.
UPDATE protected_areas t SET name = p.name, category = p.category, zone = p.zone, level = p.level, source = p.source,
  designated_date = p.designated_date, synthetic = COALESCE(p.synthetic, false),
  geom = ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON($2::jsonb->'geometry'), 4490))
FROM jsonb_populate_record(NULL::protected_areas, $2::jsonb->'properties') p
WHERE t.id = $1
RETURNING t.id

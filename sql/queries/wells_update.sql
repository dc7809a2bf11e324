-- wells_update: $1 id, $2 GeoJSON Point Feature → id.
-- $3 the version the writer started from (If-Match): no row when the item has changed since (or is gone).
-- The version check is in this statement, so of two concurrent writers from one version only one updates.
UPDATE wells t SET name = p.name, type = p.type, status = p.status, holder = p.holder, block_id = p.block_id,
  spud_date = p.spud_date, completion_date = p.completion_date, status_since = p.status_since,
  synthetic = COALESCE(p.synthetic, false), geom = ST_SetSRID(ST_GeomFromGeoJSON($2::jsonb->'geometry'), 4490)
FROM jsonb_populate_record(NULL::wells, $2::jsonb->'properties') p
WHERE t.id = $1 AND t.version = $3::bigint
RETURNING t.id, t.version::text AS version

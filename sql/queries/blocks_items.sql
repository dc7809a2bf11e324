-- blocks_items: OGC API Features items of the blocks layer.
-- $1..$4 bbox minx, miny, maxx, maxy (CRS84 ≡ EPSG:4490 lon/lat); $5 limit; $6 offset;
-- $7 filters jsonb {mineral, kind, status, holder, q}; $8 as_at timestamptz or NULL (current).
-- Returns matched (total before paging) and one GeoJSON Feature (jsonb) per row; coordinates 7 decimals.
WITH v AS (
  SELECT * FROM blocks WHERE $8::timestamptz IS NULL OR sys_period @> $8::timestamptz
  UNION ALL
  SELECT * FROM blocks_history WHERE $8::timestamptz IS NOT NULL AND sys_period @> $8::timestamptz
)
SELECT count(*) OVER () AS matched, ST_AsGeoJSON(v.*, 'geom', 7)::jsonb AS feature
FROM v
WHERE v.geom && ST_MakeEnvelope($1, $2, $3, $4, 4490)
  AND ($7::jsonb->>'mineral' IS NULL OR v.mineral = $7::jsonb->>'mineral')
  AND ($7::jsonb->>'kind' IS NULL OR v.kind = $7::jsonb->>'kind')
  AND ($7::jsonb->>'status' IS NULL OR v.status = $7::jsonb->>'status')
  AND ($7::jsonb->>'holder' IS NULL OR v.holder = $7::jsonb->>'holder')
  AND ($7::jsonb->>'q' IS NULL
       OR v.name ILIKE '%' || ($7::jsonb->>'q') || '%'
       OR v.licence_no ILIKE '%' || ($7::jsonb->>'q') || '%'
       OR v.holder ILIKE '%' || ($7::jsonb->>'q') || '%')
ORDER BY v.id
LIMIT $5 OFFSET $6

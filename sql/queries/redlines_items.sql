-- redlines_items: $1..$4 bbox; $5 limit; $6 offset; $7 filters jsonb {status, q}.
SELECT count(*) OVER () AS matched, ST_AsGeoJSON(t.*, 'geom', 7)::jsonb AS feature
FROM redlines t
WHERE t.geom && ST_MakeEnvelope($1, $2, $3, $4, 4490)
  AND ($7::jsonb->>'status' IS NULL OR t.status = $7::jsonb->>'status')
  AND ($7::jsonb->>'q' IS NULL OR t.name ILIKE '%' || ($7::jsonb->>'q') || '%')
ORDER BY t.id
LIMIT $5 OFFSET $6

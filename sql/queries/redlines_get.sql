-- redlines_get: $1 id → one GeoJSON Feature (jsonb), or no row.
SELECT ST_AsGeoJSON(t.*, 'geom', 7)::jsonb AS feature FROM redlines t WHERE t.id = $1

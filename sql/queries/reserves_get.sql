-- reserves_get: $1 id → one GeoJSON Feature (jsonb), or no row.
SELECT ST_AsGeoJSON(t.*, 'geom', 7)::jsonb AS feature FROM reserves t WHERE t.id = $1

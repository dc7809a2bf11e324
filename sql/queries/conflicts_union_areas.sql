-- conflicts_union_areas: area of the union of several sets of overlap geometries, each set counted once
-- where its members overlap (a place covered by two features counts once).
-- $1 jsonb  {"<key>": [GeoJSON geometry, ...], ...} — polygonal geometries, CGCS2000 lon/lat, SRID 4490
-- One row per key: key, area_km2 (ellipsoidal, ST_Area on geography of ST_Union, unrounded).
SELECT k.key, COALESCE(ST_Area(kq_union(ST_Collect(ST_SetSRID(ST_GeomFromGeoJSON(g.value::text), 4490)))::geography) / 1e6, 0) AS area_km2
FROM jsonb_each($1::jsonb) k
CROSS JOIN LATERAL jsonb_array_elements(k.value) g
GROUP BY k.key
ORDER BY k.key

-- conflicts_union_areas: area of the union of several sets of overlap geometries, each set counted once
-- where its members overlap (a place covered by two features counts once).
-- $1 text[]  the set (key) of each geometry;  $2 text[]  the geometries as GeoJSON text, element by element with $1:
--            polygonal, CGCS2000 lon/lat, SRID 4490 (the overlap geometries as the layer queries wrote them, read
--            once by ST_GeomFromGeoJSON, not first through jsonb)
-- One row per key: key, area_km2 (ellipsoidal, ST_Area on geography of ST_Union, unrounded).
SELECT u.key, COALESCE(ST_Area(kq_union(ST_Collect(ST_SetSRID(ST_GeomFromGeoJSON(u.g), 4490)))::geography) / 1e6, 0) AS area_km2
FROM unnest($1::text[], $2::text[]) AS u(key, g)
GROUP BY u.key
ORDER BY u.key

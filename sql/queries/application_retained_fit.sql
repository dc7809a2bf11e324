-- application_retained_fit: $1 block id, $2 the retained polygon (GeoJSON text, CGCS2000 lon/lat) → how it sits in the
-- block: its ellipsoidal area and the ellipsoidal area of the part outside the block (km², CGCS2000 spheroid).
SELECT ST_Area(r.g::geography) / 1e6 AS retained_km2,
       ST_Area(kq_difference(r.g, b.geom)::geography) / 1e6 AS outside_km2
FROM blocks b, (SELECT ST_SetSRID(ST_GeomFromGeoJSON($2), 4490) AS g) r
WHERE b.id = $1

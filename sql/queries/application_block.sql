-- application_block: $1 block id → the block an application concerns: who holds it, who issued it, its kind, mineral,
-- dates, status, version (its ETag) and geometry (GeoJSON text, RFC 7946: no crs member), or no row.
SELECT id, name, holder, authority, kind, mineral, status, valid_from::text AS valid_from, valid_to::text AS valid_to,
       province_registered, extensions_used, area_km2, version::text AS version, ST_AsGeoJSON(geom, 9, 0) AS geometry
FROM blocks
WHERE id = $1

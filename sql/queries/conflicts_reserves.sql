-- conflicts_reserves: proven / submitted reserve polygons of other blocks overlapping the input, with
-- (CTEs are MATERIALIZED: an inlined CTE would recompute ST_Intersection at every reference.)
-- the right they belong to (its outcome is the parent right's outcome).
-- $1 text  input geometry as GeoJSON (Polygon | MultiPolygon, CGCS2000 lon/lat, SRID 4490)
-- $2 text  a block id whose own reserves are left out (the block being extended or changed), or NULL
-- $3 timestamptz  the register as at this instant (reserves and their blocks as they stood, from the history tables of 012), or NULL: today's
-- One row per reserve: reserve and parent-block properties, the reserve's area (km²), the overlap area
-- (km², ellipsoidal) and geometry (GeoJSON, 9 decimals (0.1 mm)). Touching is not overlapping (> 1e-9 km²).
-- Every row also carries union_km2: the area of the union of all the overlaps of this layer (a place
-- covered by two features counts once), the same on every row.
WITH input AS (SELECT ST_SetSRID(ST_GeomFromGeoJSON($1::text), 4490) AS g),
v AS NOT MATERIALIZED (SELECT * FROM kq_reserves_as_at($3::timestamptz)),
vb AS NOT MATERIALIZED (SELECT * FROM kq_blocks_as_at($3::timestamptz)),
hits AS MATERIALIZED (
  SELECT r.id, ST_CollectionExtract(kq_intersection(r.geom, i.g), 3) AS g
  FROM input i JOIN v r ON r.geom && i.g AND ST_Intersects(r.geom, i.g)
  WHERE $2::text IS NULL OR r.block_id <> $2::text
),
measured AS MATERIALIZED (SELECT id, g, ST_Area(g::geography) / 1e6 AS overlap_km2 FROM hits WHERE NOT ST_IsEmpty(g))
SELECT r.id, r.name, r.kind AS reserve_kind, r.block_id, r.area_km2 AS feature_area_km2, m.overlap_km2,
       b.holder, b.kind, b.mineral, b.status, b.valid_to::text AS valid_to, ST_AsGeoJSON(m.g, 9, 0) AS geometry,
       (SELECT ST_Area(kq_union(ST_Collect(g))::geography) / 1e6 FROM measured WHERE overlap_km2 > 1e-9) AS union_km2
FROM measured m JOIN v r USING (id) LEFT JOIN vb b ON b.id = r.block_id
WHERE m.overlap_km2 > 1e-9
ORDER BY r.id

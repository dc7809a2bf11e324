-- conflicts_blocks: the rights (blocks) whose area overlaps the input, on the vertical projection.
-- (CTEs are MATERIALIZED: an inlined CTE would recompute ST_Intersection at every reference.)
-- $1 text  input geometry as GeoJSON (Polygon | MultiPolygon, CGCS2000 lon/lat, taken as SRID 4490)
-- $2 text  a block id to leave out (the block being extended or changed), or NULL
-- $3 timestamptz  the register as at this instant (current rows and blocks_history whose period holds it, 012), or NULL: today's
-- One row per overlapped block: its properties, its licensed area (km², kept by trigger), the overlap
-- area (km², ellipsoidal: ST_Area on geography = CGCS2000/GRS80 spheroid, unrounded) and the overlap
-- geometry (GeoJSON, 9 decimals (0.1 mm)). Touching is not overlapping: only a polygonal intersection of
-- area > 1e-9 km² counts. The GiST index on blocks.geom finds the candidates (&&).
-- Every row also carries union_km2: the area of the union of all the overlaps of this layer (a place
-- covered by two features counts once), the same on every row.
WITH input AS (SELECT ST_SetSRID(ST_GeomFromGeoJSON($1::text), 4490) AS g),
v AS NOT MATERIALIZED (SELECT * FROM kq_blocks_as_at($3::timestamptz)),
hits AS MATERIALIZED (
  SELECT b.id, ST_CollectionExtract(kq_intersection(b.geom, i.g), 3) AS g
  FROM input i JOIN v b ON b.geom && i.g AND ST_Intersects(b.geom, i.g)
  WHERE $2::text IS NULL OR b.id <> $2::text
),
measured AS MATERIALIZED (SELECT id, g, ST_Area(g::geography) / 1e6 AS overlap_km2 FROM hits WHERE NOT ST_IsEmpty(g))
SELECT b.id, b.name, b.holder, b.kind, b.mineral, b.status, b.valid_to::text AS valid_to, b.province_registered,
       b.area_km2 AS feature_area_km2, m.overlap_km2, ST_AsGeoJSON(m.g, 9, 0) AS geometry,
       (SELECT ST_Area(kq_union(ST_Collect(g))::geography) / 1e6 FROM measured WHERE overlap_km2 > 1e-9) AS union_km2
FROM measured m JOIN v b USING (id)
WHERE m.overlap_km2 > 1e-9
ORDER BY b.id

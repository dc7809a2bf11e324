-- conflicts_protected_areas: the protected areas overlapping the input, overlaid through the subdivided
-- twin protected_areas_sub (ST_Subdivide, ≤ 256 vertices a piece; engineering.md C1) by kq_overlay_subdivided (through kq_overlay_as_at, 017).
-- $1 text  input geometry as GeoJSON (Polygon | MultiPolygon, CGCS2000 lon/lat, SRID 4490)
-- $2 timestamptz  the layer as at this instant, or NULL: today's (kq_overlay_as_at, 017: the twin today; for a past
--                 instant the versions then in force, kq_protected_areas_as_at, subdivided as the twin's trigger does and
--                 measured as kq_overlay_subdivided does: the same answer for the same geometry).
-- One row per protected area (original id): category, zone, its area (km²), the overlap area (km²,
-- ellipsoidal, of the pieces' intersections merged back into one geometry), and the overlap geometry (union of the pieces, GeoJSON 9 decimals (0.1 mm)).
-- Touching is not overlapping: pieces with no polygonal intersection are dropped, and an area must
-- exceed 1e-9 km².
-- Every row also carries union_km2: the area of the union of all the overlaps of this layer (a place
-- covered by two features counts once), the same on every row.
WITH input AS (SELECT ST_SetSRID(ST_GeomFromGeoJSON($1::text), 4490) AS g),
v AS NOT MATERIALIZED (SELECT * FROM kq_protected_areas_as_at($2::timestamptz)),
per_feature AS MATERIALIZED (
  SELECT o.id, o.overlap_km2, o.geom AS g FROM input i, kq_overlay_as_at('protected_areas', i.g, $2::timestamptz) o
)
SELECT p.id, p.name, p.category, p.zone, p.level, p.area_km2 AS feature_area_km2, f.overlap_km2,
       ST_AsGeoJSON(f.g, 9, 0) AS geometry,
       (SELECT ST_Area(kq_union(ST_Collect(g))::geography) / 1e6 FROM per_feature WHERE overlap_km2 > 1e-9) AS union_km2
FROM per_feature f JOIN v p USING (id)
WHERE f.overlap_km2 > 1e-9
ORDER BY p.id

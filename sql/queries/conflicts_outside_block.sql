-- conflicts_outside_block: the part of the input outside a given block (containment checks:
-- (CTEs are MATERIALIZED: an inlined CTE would recompute ST_Intersection at every reference.)
-- report-then-produce and mining areas ⊆ the exploration block, a mining extension ⊆ the original area).
-- $1 text  input geometry as GeoJSON (Polygon | MultiPolygon, CGCS2000 lon/lat, SRID 4490)
-- $2 text  the block id
-- $3 timestamptz  the block as it stood at this instant (blocks_history, 012), or NULL: as it stands
-- One row when the block exists: its properties, outside_km2 (ellipsoidal, 0 when contained) and the
-- outside part as GeoJSON (9 decimals (0.1 mm); NULL when contained). No row when the block does not exist.
WITH input AS (SELECT ST_SetSRID(ST_GeomFromGeoJSON($1::text), 4490) AS g),
v AS NOT MATERIALIZED (SELECT * FROM kq_blocks_as_at($3::timestamptz)),
d AS MATERIALIZED (
  -- contained: no overlay; disjoint: the whole input is outside (an overlay of a huge input with a far-away
  -- polygon can run past the statement timeout, issue 12); otherwise the overlay
  SELECT b.*,
         CASE WHEN ST_CoveredBy(i.g, b.geom) THEN ST_GeomFromText('POLYGON EMPTY', 4490)
              WHEN NOT ST_Intersects(i.g, b.geom) THEN i.g
              ELSE ST_CollectionExtract(kq_difference(i.g, b.geom), 3) END AS outside
  FROM input i JOIN v b ON b.id = $2::text
)
SELECT id, name, holder, kind, mineral, status, area_km2 AS feature_area_km2,
       CASE WHEN ST_IsEmpty(outside) THEN 0 ELSE ST_Area(outside::geography) / 1e6 END AS outside_km2,
       CASE WHEN ST_IsEmpty(outside) THEN NULL ELSE ST_AsGeoJSON(outside, 9, 0) END AS geometry
FROM d

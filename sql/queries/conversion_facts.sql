-- conversion_facts: $1 exploration block id, $2 the proposed mining area (GeoJSON text, Polygon | MultiPolygon,
-- CGCS2000 lon/lat) → the facts the conversion check (探矿权转采矿权, server/rules/conversion.ts) judges, or no row
-- when the block is not on record:
--  * areas, ellipsoidal km² (CGCS2000 spheroid via geography): the block, the proposal, the part of the proposal
--    outside the block (proposal − block), the part of the block the proposal leaves (block − proposal);
--  * remaining: the block minus the proposal (GeoJSON, 9 decimals), the exploration right's extent after approval
--    (NULL when nothing remains);
--  * wells: the block's wells (block_id, or the holder's wells lying in the block), each with its status and whether
--    the proposal covers it (a well on the boundary is covered);
--  * pipelines: the holder's pipelines crossing the block, each with its type (gathering | trunk), status, its length
--    inside the block and the part of that length outside the proposal (km, ellipsoidal). What the block does not
--    hold cannot be covered by a mining area inside it: lengths are measured within the block.
-- Overlays on the fixed grid (kq_intersection / kq_difference, sql/functions/overlay_grid.sql): the same answer on
-- PostGIS and the embedded engine.
WITH b AS (SELECT id, holder, geom FROM blocks WHERE id = $1),
p AS (SELECT ST_SetSRID(ST_GeomFromGeoJSON($2::text), 4490) AS g),
rest AS MATERIALIZED (SELECT ST_CollectionExtract(kq_difference(b.geom, p.g), 3) AS g FROM b, p),
w AS (
  SELECT w.id, w.name, w.status, w.type, w.block_id, ST_Intersects(p.g, w.geom) AS covered,
         ST_X(w.geom) AS lon, ST_Y(w.geom) AS lat
  FROM b JOIN wells w ON w.block_id = b.id
                      OR (b.holder IS NOT NULL AND w.holder = b.holder AND w.geom && b.geom AND ST_Intersects(b.geom, w.geom))
  CROSS JOIN p
),
l AS MATERIALIZED (
  SELECT pl.id, pl.name, pl.type, pl.status, ST_CollectionExtract(kq_intersection(pl.geom, b.geom), 2) AS g
  FROM b JOIN pipelines pl ON b.holder IS NOT NULL AND pl.holder = b.holder AND pl.geom && b.geom AND ST_Intersects(pl.geom, b.geom)
),
lo AS (
  SELECT l.id, l.name, l.type, l.status, ST_Length(l.g::geography) / 1e3 AS in_block_km,
         ST_Length(ST_CollectionExtract(kq_difference(l.g, p.g), 2)::geography) / 1e3 AS outside_km
  FROM l CROSS JOIN p
  WHERE NOT ST_IsEmpty(l.g)
)
SELECT b.id AS block_id,
       ST_Area(b.geom::geography) / 1e6 AS block_km2,
       ST_Area(p.g::geography) / 1e6 AS proposal_km2,
       ST_Area(ST_CollectionExtract(kq_difference(p.g, b.geom), 3)::geography) / 1e6 AS outside_km2,
       COALESCE(ST_Area(r.g::geography) / 1e6, 0) AS remaining_km2,
       CASE WHEN r.g IS NULL OR ST_IsEmpty(r.g) THEN NULL ELSE ST_AsGeoJSON(r.g, 9, 0) END AS remaining,
       COALESCE((SELECT jsonb_agg(jsonb_build_object('id', w.id, 'name', w.name, 'status', w.status, 'type', w.type,
                                                     'covered', w.covered, 'lon', w.lon, 'lat', w.lat) ORDER BY w.id)
                 FROM w), '[]'::jsonb) AS wells,
       COALESCE((SELECT jsonb_agg(jsonb_build_object('id', lo.id, 'name', lo.name, 'type', lo.type, 'status', lo.status,
                                                     'in_block_km', lo.in_block_km, 'outside_km', lo.outside_km) ORDER BY lo.id)
                 FROM lo), '[]'::jsonb) AS pipelines
FROM b CROSS JOIN p CROSS JOIN rest r

-- planner_context: $1 block id → what the relinquishment planner must weigh, as GeoJSON (lon/lat):
-- the block; its proven reserves; wells inside (id, status, position); pipelines inside (clipped);
-- protected areas and red lines overlapping it (clipped to the block, via the subdivided twins' ids), with the
-- category/zone/status the conflict outcomes need to say which of them are deducted.
WITH b AS (SELECT id, geom FROM blocks WHERE id = $1)
SELECT ST_AsGeoJSON(b.geom, 9)::jsonb AS block,
  COALESCE((SELECT jsonb_agg(ST_AsGeoJSON(kq_intersection(r.geom, b.geom), 9)::jsonb)
              FROM reserves r WHERE r.block_id = b.id AND r.kind = 'proven'), '[]') AS reserves,
  COALESCE((SELECT jsonb_agg(jsonb_build_object('id', w.id, 'status', w.status,
                     'coordinates', jsonb_build_array(ST_X(w.geom), ST_Y(w.geom))))
              FROM wells w WHERE ST_Intersects(w.geom, b.geom)), '[]') AS wells,
  COALESCE((SELECT jsonb_agg(ST_AsGeoJSON(kq_intersection(p.geom, b.geom), 9)::jsonb)
              FROM pipelines p WHERE ST_Intersects(p.geom, b.geom)), '[]') AS pipelines,
  COALESCE((SELECT jsonb_agg(jsonb_build_object('id', pa.id, 'collection', 'protected-areas', 'name', pa.name,
                     'category', pa.category, 'zone', pa.zone,
                     'geometry', ST_AsGeoJSON(ST_CollectionExtract(kq_intersection(pa.geom, b.geom), 3), 9)::jsonb))
              FROM protected_areas pa
             WHERE pa.id IN (SELECT s.id FROM protected_areas_sub s WHERE s.geom && b.geom AND ST_Intersects(s.geom, b.geom))
               AND ST_Area(kq_intersection(pa.geom, b.geom)) > 0), '[]') AS protected_areas,
  COALESCE((SELECT jsonb_agg(jsonb_build_object('id', rl.id, 'collection', 'redlines', 'name', rl.name, 'status', rl.status,
                     'geometry', ST_AsGeoJSON(ST_CollectionExtract(kq_intersection(rl.geom, b.geom), 3), 9)::jsonb))
              FROM redlines rl
             WHERE rl.id IN (SELECT s.id FROM redlines_sub s WHERE s.geom && b.geom AND ST_Intersects(s.geom, b.geom))
               AND ST_Area(kq_intersection(rl.geom, b.geom)) > 0), '[]') AS redlines
FROM b

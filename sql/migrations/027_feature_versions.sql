-- 027: every version of every layer's features in one relation, for the register's change list (GET /api/changes):
-- what was created, changed or deleted in an area after an instant, so a holder or a regulator can follow the rights,
-- protected areas and red lines around a block instead of diffing downloads (peers.md §5 item 2, §7.2 item 4).
-- One branch per layer and per history table (012: the current row and the versions it replaced, `sys_period` the
-- valid time); `feature` is the row as the items API publishes it (ST_AsGeoJSON of the whole row, 7 decimals), so the
-- change list and GET …/items?as_at= read the same properties. A query reading only collection, id, sys_period and
-- geom computes no feature (the UNION ALL is flattened; unused outputs are not evaluated).
CREATE VIEW kq_feature_versions AS
  SELECT 'blocks'::text AS collection, t.id, t.version, t.sys_period, t.geom, ST_AsGeoJSON(t.*, 'geom', 7)::jsonb AS feature FROM blocks t
  UNION ALL
  SELECT 'blocks', t.id, t.version, t.sys_period, t.geom, ST_AsGeoJSON(t.*, 'geom', 7)::jsonb FROM blocks_history t
  UNION ALL
  SELECT 'reserves', t.id, t.version, t.sys_period, t.geom, ST_AsGeoJSON(t.*, 'geom', 7)::jsonb FROM reserves t
  UNION ALL
  SELECT 'reserves', t.id, t.version, t.sys_period, t.geom, ST_AsGeoJSON(t.*, 'geom', 7)::jsonb FROM reserves_history t
  UNION ALL
  SELECT 'protected-areas', t.id, t.version, t.sys_period, t.geom, ST_AsGeoJSON(t.*, 'geom', 7)::jsonb FROM protected_areas t
  UNION ALL
  SELECT 'protected-areas', t.id, t.version, t.sys_period, t.geom, ST_AsGeoJSON(t.*, 'geom', 7)::jsonb FROM protected_areas_history t
  UNION ALL
  SELECT 'redlines', t.id, t.version, t.sys_period, t.geom, ST_AsGeoJSON(t.*, 'geom', 7)::jsonb FROM redlines t
  UNION ALL
  SELECT 'redlines', t.id, t.version, t.sys_period, t.geom, ST_AsGeoJSON(t.*, 'geom', 7)::jsonb FROM redlines_history t
  UNION ALL
  SELECT 'wells', t.id, t.version, t.sys_period, t.geom, ST_AsGeoJSON(t.*, 'geom', 7)::jsonb FROM wells t
  UNION ALL
  SELECT 'wells', t.id, t.version, t.sys_period, t.geom, ST_AsGeoJSON(t.*, 'geom', 7)::jsonb FROM wells_history t
  UNION ALL
  SELECT 'pipelines', t.id, t.version, t.sys_period, t.geom, ST_AsGeoJSON(t.*, 'geom', 7)::jsonb FROM pipelines t
  UNION ALL
  SELECT 'pipelines', t.id, t.version, t.sys_period, t.geom, ST_AsGeoJSON(t.*, 'geom', 7)::jsonb FROM pipelines_history t
  UNION ALL
  SELECT 'boundaries', t.id, t.version, t.sys_period, t.geom, ST_AsGeoJSON(t.*, 'geom', 7)::jsonb FROM boundaries t
  UNION ALL
  SELECT 'boundaries', t.id, t.version, t.sys_period, t.geom, ST_AsGeoJSON(t.*, 'geom', 7)::jsonb FROM boundaries_history t;

-- Vector tiles in the Martin / pg_tileserv function convention (habit 2):
--   tile_<layer>(z int, x int, y int, query json DEFAULT '{}') RETURNS bytea
-- A dedicated tile server can serve these unchanged. PostGIS only (the embedded engine lacks ST_AsMVT).
CREATE OR REPLACE FUNCTION kq_tile_mvt(layer text, z int, x int, y int) RETURNS bytea
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT ST_AsMVT(t, layer, 4096, 'geom')
  FROM (
    SELECT f.props, ST_AsMVTGeom(ST_Transform(f.geom, 3857), ST_TileEnvelope(z, x, y), 4096, 64, true) AS geom
    FROM kq_tile_features(layer, z, x, y) f
    -- features in id order, so every rendering of a tile is the same bytes under its ETag whatever plan found the rows
    ORDER BY f.id
  ) AS t
  WHERE t.geom IS NOT NULL
$$;

-- The blocks tile carries two layers: the polygons ('blocks') and one label point per block ('block-labels').
-- MVT layers are repeated messages, so two encoded layers concatenated are one valid tile.
CREATE OR REPLACE FUNCTION kq_tile_blocks(z int, x int, y int) RETURNS bytea
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT coalesce(kq_tile_mvt('blocks', z, x, y), ''::bytea) || coalesce(kq_tile_mvt('block-labels', z, x, y), ''::bytea)
$$;

CREATE OR REPLACE FUNCTION tile_blocks(z int, x int, y int, query json DEFAULT '{}') RETURNS bytea
LANGUAGE sql STABLE PARALLEL SAFE AS $$ SELECT kq_tile_blocks(z, x, y) $$;
CREATE OR REPLACE FUNCTION tile_reserves(z int, x int, y int, query json DEFAULT '{}') RETURNS bytea
LANGUAGE sql STABLE PARALLEL SAFE AS $$ SELECT kq_tile_mvt('reserves', z, x, y) $$;
CREATE OR REPLACE FUNCTION tile_protected_areas(z int, x int, y int, query json DEFAULT '{}') RETURNS bytea
LANGUAGE sql STABLE PARALLEL SAFE AS $$ SELECT kq_tile_mvt('protected-areas', z, x, y) $$;
CREATE OR REPLACE FUNCTION tile_redlines(z int, x int, y int, query json DEFAULT '{}') RETURNS bytea
LANGUAGE sql STABLE PARALLEL SAFE AS $$ SELECT kq_tile_mvt('redlines', z, x, y) $$;
CREATE OR REPLACE FUNCTION tile_wells(z int, x int, y int, query json DEFAULT '{}') RETURNS bytea
LANGUAGE sql STABLE PARALLEL SAFE AS $$ SELECT kq_tile_mvt('wells', z, x, y) $$;
CREATE OR REPLACE FUNCTION tile_pipelines(z int, x int, y int, query json DEFAULT '{}') RETURNS bytea
LANGUAGE sql STABLE PARALLEL SAFE AS $$ SELECT kq_tile_mvt('pipelines', z, x, y) $$;
CREATE OR REPLACE FUNCTION tile_boundaries(z int, x int, y int, query json DEFAULT '{}') RETURNS bytea
LANGUAGE sql STABLE PARALLEL SAFE AS $$ SELECT kq_tile_mvt('boundaries', z, x, y) $$;

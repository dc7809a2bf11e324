-- Tile features per layer, shared by both engines.
--   kq_tile_features(layer text, z int, x int, y int) → (id text, props jsonb, geom geometry(4490))
-- Inputs: an XYZ tile (Web Mercator tiling, y down). Output geometry stays in EPSG:4490 lon/lat,
-- simplified for the zoom BEFORE any transform (engineering.md C2: 10–20× cheaper at low zoom).
-- The tile envelope is transformed to 4490 so the GiST index on geom is used (habit 3).
-- Wells below z10 are aggregated to grid clusters carrying point_count. 'block-labels' is one point per block.
-- PostGIS turns these rows into MVT in tile_*.sql; the embedded engine (no ST_AsMVT) in TypeScript.
CREATE OR REPLACE FUNCTION kq_tile_envelope(z int, x int, y int) RETURNS geometry
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  -- a 1/16-tile margin so lines and labels do not clip at tile edges
  SELECT ST_Transform(ST_TileEnvelope(z, x, y, margin => 0.0625), 4490)
$$;

CREATE OR REPLACE FUNCTION kq_tile_tolerance(z int) RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  -- about half a pixel of a 512-px tile, in degrees
  SELECT 360.0 / (512 * 2 ^ z) / 2
$$;

CREATE OR REPLACE FUNCTION kq_tile_features(layer text, z int, x int, y int)
RETURNS TABLE (id text, props jsonb, geom geometry)
LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
DECLARE
  env geometry := kq_tile_envelope(z, x, y);
  tol double precision := kq_tile_tolerance(z);
BEGIN
  IF layer = 'blocks' THEN
    RETURN QUERY SELECT b.id, jsonb_build_object('id', b.id, 'name', b.name, 'licence_no', b.licence_no, 'holder', b.holder,
        'kind', b.kind, 'mineral', b.mineral, 'status', b.status, 'valid_to', b.valid_to, 'area_km2', round(b.area_km2::numeric, 4))
        -- register status flags in force today, China time (021, issue 14 item 6): seized / mortgaged = true, absent otherwise
        || COALESCE((SELECT jsonb_object_agg(CASE f.kind WHEN 'seizure' THEN 'seized' ELSE 'mortgaged' END, true)
                     FROM right_flags f
                     WHERE f.block_id = b.id AND f.released_on IS NULL
                       AND f.start_on <= ((now() AT TIME ZONE 'UTC') + interval '8 hours')::date
                       AND (f.end_on IS NULL OR f.end_on >= ((now() AT TIME ZONE 'UTC') + interval '8 hours')::date)), '{}'::jsonb),
      ST_SimplifyPreserveTopology(b.geom, tol)
      FROM blocks b WHERE b.geom && env;
  ELSIF layer = 'block-labels' THEN
    -- one label point per block (served inside the blocks tile as its own layer): the point on the block's whole
    -- surface, kept only by the tile whose own envelope (no margin) holds it, so a block is labelled once, not
    -- once per tile piece as a polygon label would be. From z8 (the labels show from z8.5).
    RETURN QUERY SELECT b.id, jsonb_build_object('id', b.id, 'name', b.name, 'holder', b.holder,
        'kind', b.kind, 'mineral', b.mineral, 'status', b.status),
      l.pt
      FROM blocks b, LATERAL (SELECT ST_PointOnSurface(b.geom) AS pt) l
      WHERE z >= 8 AND b.geom && env AND l.pt && ST_Transform(ST_TileEnvelope(z, x, y), 4490)
        AND ST_Intersects(l.pt, ST_Transform(ST_TileEnvelope(z, x, y), 4490));
  ELSIF layer = 'reserves' THEN
    RETURN QUERY SELECT r.id, jsonb_build_object('id', r.id, 'name', r.name, 'block_id', r.block_id, 'kind', r.kind),
      ST_SimplifyPreserveTopology(r.geom, tol)
      FROM reserves r WHERE r.geom && env;
  ELSIF layer = 'protected-areas' THEN
    RETURN QUERY SELECT p.id, jsonb_build_object('id', p.id, 'name', p.name, 'category', p.category, 'zone', p.zone, 'level', p.level),
      ST_SimplifyPreserveTopology(p.geom, tol)
      FROM protected_areas p WHERE p.geom && env;
  ELSIF layer = 'redlines' THEN
    RETURN QUERY SELECT r.id, jsonb_build_object('id', r.id, 'name', r.name, 'status', r.status),
      ST_SimplifyPreserveTopology(r.geom, tol)
      FROM redlines r WHERE r.geom && env;
  ELSIF layer = 'pipelines' THEN
    RETURN QUERY SELECT p.id, jsonb_build_object('id', p.id, 'name', p.name, 'type', p.type, 'status', p.status,
        'diameter_mm', p.diameter_mm, 'pressure_mpa', p.pressure_mpa),
      ST_Simplify(p.geom, tol)
      FROM pipelines p WHERE p.geom && env AND (z >= 10 OR p.type = 'trunk');
  ELSIF layer = 'boundaries' THEN
    RETURN QUERY SELECT b.id, jsonb_build_object('id', b.id, 'name', b.name, 'level', b.level),
      ST_SimplifyPreserveTopology(b.geom, tol)
      FROM boundaries b WHERE b.geom && env;
  ELSIF layer = 'wells' AND z >= 10 THEN
    RETURN QUERY SELECT w.id, jsonb_build_object('id', w.id, 'name', w.name, 'type', w.type, 'status', w.status, 'block_id', w.block_id),
      w.geom
      FROM wells w WHERE w.geom && env;
  ELSIF layer = 'wells' THEN
    -- clusters on a grid of ~48 px: the centroid of each cell's wells, with counts
    RETURN QUERY SELECT 'c' || min(w.id), jsonb_build_object('point_count', count(*)::int,
        'producing', count(*) FILTER (WHERE w.status = 'producing')::int),
      ST_Centroid(ST_Collect(w.geom))
      FROM wells w WHERE w.geom && env
      GROUP BY ST_SnapToGrid(w.geom, tol * 96);
  END IF;
END $$;
COMMENT ON FUNCTION kq_tile_features(text, int, int, int) IS 'Rows of one layer in a tile, simplified for zoom, in EPSG:4490.';

-- A geometry's bounding box as 32 bytes: xmin, ymin, xmax, ymax, float8 big-endian (NULL for an empty geometry, which
-- meets no tile). layer_boxes gathers a layer's boxes with it (server/tiles/extents.ts: tiles known empty).
CREATE OR REPLACE FUNCTION kq_box_bytes(g geometry) RETURNS bytea
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT float8send(ST_XMin(g)) || float8send(ST_YMin(g)) || float8send(ST_XMax(g)) || float8send(ST_YMax(g))
$$;

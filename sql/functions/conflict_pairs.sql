-- kq_conflict_pairs_drain(categories text[], dirty_chunk int, stale_chunk int) → integer
-- Brings the whole-register pair tables of 023 (conflict_pairs, conflict_wells, conflict_crossings) up to date with the layers, one
-- bounded chunk a call; returns the work left (0: the tables are the register as it stands). The service calls it until
-- 0 before it reads a page of GET /api/conflicts (server/conflicts/pairs.ts), so a write costs only its queue row.
--  $1 categories   the protected-area categories a pipeline crossing counts (PIPELINE_CROSSING_CATEGORIES); when they
--                  differ from those the crossings were computed with, every block's crossings are recomputed
--  $2 dirty_chunk  at most this many changed features (conflict_dirty) turned into stale subjects a call
--  $3 stale_chunk  at most this many (collection, subject block) recomputed a call
-- 1. A changed feature makes stale the subject blocks whose pairs it can change: a block its own pairs of every
--    collection and the blocks it overlapped (conflict_pairs) or now intersects; a reserve, protected area, red line,
--    well or pipeline the blocks that had it as a pair or now intersect it (a well also when its status, status_since or
--    holder changed; a block whose holder changed is made stale for its wells by its trigger, 023); a protected area also the crossings of the
--    blocks it lies in or was crossed in.
-- 2. A stale (collection, block) has its pairs of that collection deleted and computed again, with the expressions of
--    the check of that block (conflicts_<layer>.sql with the block's stored geometry as the input, today's register):
--    the same operand order, the same functions, aggregates in a fixed order — so a pair's overlap is the very number
--    GET /api/blocks/{id}/conflicts and POST /api/checks give for it (test/api/checks.test.ts compares them).
-- One drainer at a time (a transaction-scoped advisory lock); writers never wait for it except on a queue row it holds.
CREATE OR REPLACE FUNCTION kq_conflict_pairs_drain(categories text[], dirty_chunk integer DEFAULT 5000, stale_chunk integer DEFAULT 500)
RETURNS integer
LANGUAGE plpgsql VOLATILE AS $fn$
DECLARE
  layers constant text[] := ARRAY['blocks', 'reserves', 'protected_areas', 'redlines', 'wells', 'pipelines'];
  d_blocks text[]; d_reserves text[]; d_pas text[]; d_redlines text[]; d_wells text[]; d_pipelines text[];
  s_blocks text[]; s_reserves text[]; s_pas text[]; s_redlines text[]; s_wells text[]; s_pipelines text[];
  lyr text;
  ids text[];
BEGIN
  PERFORM pg_advisory_xact_lock(7023023);

  IF (SELECT pipeline_categories FROM conflict_pairs_state) IS DISTINCT FROM categories THEN
    INSERT INTO conflict_stale (collection, subject_id) SELECT 'pipelines', id FROM blocks ON CONFLICT DO NOTHING;
    UPDATE conflict_pairs_state SET pipeline_categories = categories;
  END IF;

  -- 1. changed features → stale subjects
  WITH taken AS (
    DELETE FROM conflict_dirty d
    USING (SELECT q.layer, q.id FROM conflict_dirty q ORDER BY q.layer, q.id LIMIT dirty_chunk) t
    WHERE d.layer = t.layer AND d.id = t.id
    RETURNING d.layer, d.id
  )
  SELECT array_agg(t.id) FILTER (WHERE t.layer = 'blocks'), array_agg(t.id) FILTER (WHERE t.layer = 'reserves'),
         array_agg(t.id) FILTER (WHERE t.layer = 'protected_areas'), array_agg(t.id) FILTER (WHERE t.layer = 'redlines'),
         array_agg(t.id) FILTER (WHERE t.layer = 'wells'), array_agg(t.id) FILTER (WHERE t.layer = 'pipelines')
  INTO d_blocks, d_reserves, d_pas, d_redlines, d_wells, d_pipelines
  FROM taken t;

  IF d_blocks IS NOT NULL THEN
    INSERT INTO conflict_stale (collection, subject_id)
    SELECT c, x FROM unnest(d_blocks) x CROSS JOIN unnest(layers) c
    ON CONFLICT DO NOTHING;
    INSERT INTO conflict_stale (collection, subject_id)
    SELECT 'blocks', p.subject_id FROM conflict_pairs p WHERE p.collection = 'blocks' AND p.feature_id = ANY (d_blocks)
    UNION
    SELECT 'blocks', a.id FROM blocks x JOIN blocks a ON a.geom && x.geom AND ST_Intersects(a.geom, x.geom) AND a.id <> x.id
    WHERE x.id = ANY (d_blocks)
    ON CONFLICT DO NOTHING;
  END IF;
  FOREACH lyr IN ARRAY ARRAY['reserves', 'protected_areas', 'redlines', 'wells', 'pipelines'] LOOP
    ids := CASE lyr WHEN 'reserves' THEN d_reserves WHEN 'protected_areas' THEN d_pas WHEN 'redlines' THEN d_redlines
                      WHEN 'wells' THEN d_wells ELSE d_pipelines END;
    CONTINUE WHEN ids IS NULL;
    -- the blocks that had the feature as a pair
    IF lyr = 'pipelines' THEN
      INSERT INTO conflict_stale (collection, subject_id)
      SELECT 'pipelines', x.subject_id FROM conflict_crossings x WHERE x.feature_id = ANY (ids) ON CONFLICT DO NOTHING;
    ELSIF lyr = 'wells' THEN
      INSERT INTO conflict_stale (collection, subject_id)
      SELECT 'wells', x.subject_id FROM conflict_wells x WHERE x.feature_id = ANY (ids) ON CONFLICT DO NOTHING;
    ELSE
      INSERT INTO conflict_stale (collection, subject_id)
      SELECT lyr, p.subject_id FROM conflict_pairs p WHERE p.collection = lyr AND p.feature_id = ANY (ids)
      ON CONFLICT DO NOTHING;
    END IF;
    -- the blocks that intersect it now (the layer is a fixed table name of the list above, quoted by %I)
    EXECUTE format(
      'INSERT INTO conflict_stale (collection, subject_id)
       SELECT $1, a.id FROM %I f JOIN blocks a ON a.geom && f.geom AND ST_Intersects(a.geom, f.geom) WHERE f.id = ANY ($2)
       ON CONFLICT DO NOTHING', lyr) USING lyr, ids;
    IF lyr = 'protected_areas' THEN
      INSERT INTO conflict_stale (collection, subject_id)
      SELECT 'pipelines', x.subject_id FROM conflict_crossings x WHERE x.crosses && ids
      UNION
      SELECT 'pipelines', a.id FROM protected_areas f JOIN blocks a ON a.geom && f.geom AND ST_Intersects(a.geom, f.geom)
      WHERE f.id = ANY (ids)
      ON CONFLICT DO NOTHING;
    END IF;
  END LOOP;

  -- 2. stale subjects → their pairs computed again
  WITH taken AS (
    DELETE FROM conflict_stale s
    USING (SELECT q.collection, q.subject_id FROM conflict_stale q ORDER BY q.collection, q.subject_id LIMIT stale_chunk) t
    WHERE s.collection = t.collection AND s.subject_id = t.subject_id
    RETURNING s.collection, s.subject_id
  )
  SELECT array_agg(t.subject_id) FILTER (WHERE t.collection = 'blocks'),
         array_agg(t.subject_id) FILTER (WHERE t.collection = 'reserves'),
         array_agg(t.subject_id) FILTER (WHERE t.collection = 'protected_areas'),
         array_agg(t.subject_id) FILTER (WHERE t.collection = 'redlines'),
         array_agg(t.subject_id) FILTER (WHERE t.collection = 'wells'),
         array_agg(t.subject_id) FILTER (WHERE t.collection = 'pipelines')
  INTO s_blocks, s_reserves, s_pas, s_redlines, s_wells, s_pipelines
  FROM taken t;

  IF s_blocks IS NOT NULL THEN
    DELETE FROM conflict_pairs WHERE collection = 'blocks' AND subject_id = ANY (s_blocks);
    -- conflicts_blocks.sql: kq_intersection(feature, input), polygonal part, ST_Area on the spheroid, > 1e-9 km²
    WITH a AS MATERIALIZED (SELECT b.id, b.geom FROM blocks b WHERE b.id = ANY (s_blocks)),
    hits AS MATERIALIZED (
      SELECT a.id AS subject_id, b.id AS feature_id, ST_CollectionExtract(kq_intersection(b.geom, a.geom), 3) AS g
      FROM a JOIN blocks b ON b.geom && a.geom AND ST_Intersects(b.geom, a.geom) AND b.id <> a.id
    ),
    measured AS MATERIALIZED (
      SELECT h.subject_id, h.feature_id, ST_Area(h.g::geography) / 1e6 AS km2 FROM hits h WHERE NOT ST_IsEmpty(h.g)
    )
    INSERT INTO conflict_pairs (collection, subject_id, feature_id, overlap_km2)
    SELECT 'blocks', m.subject_id, m.feature_id, m.km2 FROM measured m WHERE m.km2 > 1e-9;
  END IF;

  IF s_reserves IS NOT NULL THEN
    DELETE FROM conflict_pairs WHERE collection = 'reserves' AND subject_id = ANY (s_reserves);
    -- conflicts_reserves.sql: the reserves of other blocks, kq_intersection(reserve, input)
    WITH a AS MATERIALIZED (SELECT b.id, b.geom FROM blocks b WHERE b.id = ANY (s_reserves)),
    hits AS MATERIALIZED (
      SELECT a.id AS subject_id, r.id AS feature_id, ST_CollectionExtract(kq_intersection(r.geom, a.geom), 3) AS g
      FROM a JOIN reserves r ON r.geom && a.geom AND ST_Intersects(r.geom, a.geom) AND r.block_id <> a.id
    ),
    measured AS MATERIALIZED (
      SELECT h.subject_id, h.feature_id, ST_Area(h.g::geography) / 1e6 AS km2 FROM hits h WHERE NOT ST_IsEmpty(h.g)
    )
    INSERT INTO conflict_pairs (collection, subject_id, feature_id, overlap_km2)
    SELECT 'reserves', m.subject_id, m.feature_id, m.km2 FROM measured m WHERE m.km2 > 1e-9;
  END IF;

  -- conflicts_protected_areas.sql / conflicts_redlines.sql: kq_overlay_subdivided's pieces and merge (overlay_subdivided.sql)
  IF s_pas IS NOT NULL THEN
    DELETE FROM conflict_pairs WHERE collection = 'protected_areas' AND subject_id = ANY (s_pas);
    INSERT INTO conflict_pairs (collection, subject_id, feature_id, overlap_km2)
    SELECT 'protected_areas', o.subject_id, o.feature_id, o.overlap_km2
    FROM kq_pairs_subdivided('protected_areas_sub', s_pas) o WHERE o.overlap_km2 > 1e-9;
  END IF;
  IF s_redlines IS NOT NULL THEN
    DELETE FROM conflict_pairs WHERE collection = 'redlines' AND subject_id = ANY (s_redlines);
    INSERT INTO conflict_pairs (collection, subject_id, feature_id, overlap_km2)
    SELECT 'redlines', o.subject_id, o.feature_id, o.overlap_km2
    FROM kq_pairs_subdivided('redlines_sub', s_redlines) o WHERE o.overlap_km2 > 1e-9;
  END IF;

  IF s_wells IS NOT NULL THEN
    DELETE FROM conflict_wells WHERE subject_id = ANY (s_wells);
    -- conflicts_wells.sql: every well in the block, with what decides whether it is a conflict (judged when a page is read)
    INSERT INTO conflict_wells (subject_id, feature_id, status, status_since, holder, subject_holder)
    SELECT a.id, w.id, w.status, w.status_since, w.holder, a.holder
    FROM blocks a JOIN wells w ON w.geom && a.geom AND ST_Intersects(a.geom, w.geom)
    WHERE a.id = ANY (s_wells);
  END IF;

  IF s_pipelines IS NOT NULL THEN
    DELETE FROM conflict_crossings WHERE subject_id = ANY (s_pipelines);
    -- conflicts_pipelines.sql (today's register): the inside part, the crossed pieces of the given categories, ONE
    -- intersection of the inside part with their union
    WITH a AS MATERIALIZED (SELECT b.id, b.geom FROM blocks b WHERE b.id = ANY (s_pipelines)),
    inside AS MATERIALIZED (
      SELECT a.id AS subject_id, p.id, ST_CollectionExtract(kq_intersection(p.geom, a.geom), 2) AS g
      FROM a JOIN pipelines p ON p.geom && a.geom AND ST_Intersects(p.geom, a.geom)
    ),
    crossings AS MATERIALIZED (
      SELECT n.subject_id, n.id, s.id AS pa_id, s.geom AS area, ST_CollectionExtract(kq_intersection(n.g, s.geom), 2) AS g
      FROM inside n
      JOIN protected_areas_sub s ON s.geom && n.g AND ST_Intersects(s.geom, n.g)
      JOIN protected_areas pa ON pa.id = s.id AND pa.category = ANY (categories)
    ),
    per_pipeline AS MATERIALIZED (
      SELECT t.subject_id, t.id, t.crosses, ST_CollectionExtract(kq_intersection(n.g, t.areas), 2) AS g
      FROM (SELECT c.subject_id, c.id, array_agg(DISTINCT c.pa_id ORDER BY c.pa_id) AS crosses,
                   kq_union(ST_Collect(c.area ORDER BY c.area)) AS areas
            FROM crossings c WHERE NOT ST_IsEmpty(c.g) GROUP BY c.subject_id, c.id) t
      JOIN inside n ON n.subject_id = t.subject_id AND n.id = t.id
    )
    INSERT INTO conflict_crossings (subject_id, feature_id, crossing_km, crosses)
    SELECT x.subject_id, x.id, ST_Length(x.g::geography) / 1e3, x.crosses
    FROM per_pipeline x WHERE NOT ST_IsEmpty(x.g) AND ST_Length(x.g::geography) > 0;
  END IF;

  RETURN (SELECT count(*) FROM conflict_dirty) + (SELECT count(*) FROM conflict_stale);
END $fn$;

-- 023: the whole-register conflict list read by key (issue 17). GET /api/conflicts?collection= used to compute every
-- block × feature pair of the register before paging (2–3.5 s a page at national scale). The pairs are now kept in
-- tables and a page is read by key:
--  * conflict_pairs(collection, subject_id, feature_id, overlap_km2): block × block, block × reserve, block × protected
--    area, block × red line (overlap_km2: ellipsoidal km², > 1e-9 only, computed exactly as the check of the subject
--    block computes it: sql/functions/conflict_pairs.sql);
--  * conflict_wells(subject_id, feature_id, status, status_since, holder, subject_holder): every well lying in a block,
--    with what decides whether it is a conflict (the well's status, since when, its holder and the block's holder), so
--    a page filters one table; the cut-off date of a page (as_of − 1 year) is applied when it is read;
--  * conflict_crossings(subject_id, feature_id, crossing_km, crosses): block × pipeline crossing protected areas inside
--    the block (the check's conflicts_pipelines.sql, today's register);
--  * a write stays cheap: a row trigger only notes which feature changed (conflict_dirty, one small row); the service
--    drains that queue before it reads a page (kq_conflict_pairs_drain: the changed features → the subject blocks whose
--    pairs they can change → those blocks' pairs recomputed, in bounded chunks), so a page is always that of the
--    register as it stands;
--  * which columns matter: a block's, reserve's, red line's, well's or pipeline's geometry; a reserve's block_id (its own
--    block is not its conflict); a protected area's geometry and category (pipeline crossings count some categories); a
--    well's status, status_since and holder, a block's holder (conflict_wells). Everything else (names, statuses of
--    blocks, dates) is read from the layers when the page is read;
--  * TRUNCATE of a layer (test fixtures, reloads) clears what it invalidates;
--  * as_at stays refused by the list (it reads the register as it stands, never its history).

CREATE TABLE conflict_pairs (
  collection  text NOT NULL CHECK (collection IN ('blocks', 'reserves', 'protected_areas', 'redlines')),
  subject_id  text NOT NULL,
  feature_id  text NOT NULL,
  overlap_km2 double precision,
  PRIMARY KEY (collection, subject_id, feature_id)
);
CREATE INDEX conflict_pairs_feature ON conflict_pairs (collection, feature_id);

CREATE TABLE conflict_wells (
  subject_id     text NOT NULL,
  feature_id     text NOT NULL,
  status         text,
  status_since   date,
  holder         text,
  subject_holder text,
  PRIMARY KEY (subject_id, feature_id)
);
CREATE INDEX conflict_wells_feature ON conflict_wells (feature_id);

CREATE TABLE conflict_crossings (
  subject_id  text NOT NULL,
  feature_id  text NOT NULL,
  crossing_km double precision NOT NULL,
  crosses     text[] NOT NULL,
  PRIMARY KEY (subject_id, feature_id)
);
CREATE INDEX conflict_crossings_feature ON conflict_crossings (feature_id);
CREATE INDEX conflict_crossings_crosses ON conflict_crossings USING gin (crosses);

-- features written since the last drain (layer = table name)
CREATE TABLE conflict_dirty (
  layer text NOT NULL,
  id    text NOT NULL,
  PRIMARY KEY (layer, id)
);
-- subject blocks whose pairs of one collection are to be recomputed (collection = table name: 'wells' for conflict_wells,
-- 'pipelines' for conflict_crossings)
CREATE TABLE conflict_stale (
  collection text NOT NULL,
  subject_id text NOT NULL,
  PRIMARY KEY (collection, subject_id)
);
-- the protected-area categories the stored crossings were computed for (one row; NULL: none yet)
CREATE TABLE conflict_pairs_state (
  one                 boolean PRIMARY KEY DEFAULT true CHECK (one),
  pipeline_categories text[]
);
INSERT INTO conflict_pairs_state (one) VALUES (true);

CREATE OR REPLACE FUNCTION kq_conflicts_note() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO conflict_dirty (layer, id) VALUES (TG_TABLE_NAME, OLD.id) ON CONFLICT DO NOTHING;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO conflict_dirty (layer, id) VALUES (TG_TABLE_NAME, NEW.id) ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$;

-- geometries compared by their bytes (EWKB): any moved vertex is a change, an unchanged geometry is none
CREATE TRIGGER blocks_conflicts_note AFTER INSERT OR DELETE ON blocks
  FOR EACH ROW EXECUTE FUNCTION kq_conflicts_note();
CREATE TRIGGER blocks_conflicts_note_update AFTER UPDATE ON blocks
  FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id OR ST_AsEWKB(OLD.geom) IS DISTINCT FROM ST_AsEWKB(NEW.geom))
  EXECUTE FUNCTION kq_conflicts_note();
-- a block's holder decides which wells in it are conflicts (another holder's): only its wells are recomputed
CREATE OR REPLACE FUNCTION kq_conflicts_note_holder() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO conflict_stale (collection, subject_id) VALUES ('wells', NEW.id) ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
CREATE TRIGGER blocks_conflicts_note_holder AFTER UPDATE ON blocks
  FOR EACH ROW WHEN (OLD.holder IS DISTINCT FROM NEW.holder) EXECUTE FUNCTION kq_conflicts_note_holder();
CREATE TRIGGER reserves_conflicts_note AFTER INSERT OR DELETE ON reserves
  FOR EACH ROW EXECUTE FUNCTION kq_conflicts_note();
CREATE TRIGGER reserves_conflicts_note_update AFTER UPDATE ON reserves
  FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id OR OLD.block_id IS DISTINCT FROM NEW.block_id
                     OR ST_AsEWKB(OLD.geom) IS DISTINCT FROM ST_AsEWKB(NEW.geom))
  EXECUTE FUNCTION kq_conflicts_note();
CREATE TRIGGER protected_areas_conflicts_note AFTER INSERT OR DELETE ON protected_areas
  FOR EACH ROW EXECUTE FUNCTION kq_conflicts_note();
CREATE TRIGGER protected_areas_conflicts_note_update AFTER UPDATE ON protected_areas
  FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id OR OLD.category IS DISTINCT FROM NEW.category
                     OR ST_AsEWKB(OLD.geom) IS DISTINCT FROM ST_AsEWKB(NEW.geom))
  EXECUTE FUNCTION kq_conflicts_note();
CREATE TRIGGER redlines_conflicts_note AFTER INSERT OR DELETE ON redlines
  FOR EACH ROW EXECUTE FUNCTION kq_conflicts_note();
CREATE TRIGGER redlines_conflicts_note_update AFTER UPDATE ON redlines
  FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id OR ST_AsEWKB(OLD.geom) IS DISTINCT FROM ST_AsEWKB(NEW.geom))
  EXECUTE FUNCTION kq_conflicts_note();
CREATE TRIGGER wells_conflicts_note AFTER INSERT OR DELETE ON wells
  FOR EACH ROW EXECUTE FUNCTION kq_conflicts_note();
CREATE TRIGGER wells_conflicts_note_update AFTER UPDATE ON wells
  FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id OR OLD.status IS DISTINCT FROM NEW.status
                     OR OLD.status_since IS DISTINCT FROM NEW.status_since OR OLD.holder IS DISTINCT FROM NEW.holder
                     OR ST_AsEWKB(OLD.geom) IS DISTINCT FROM ST_AsEWKB(NEW.geom))
  EXECUTE FUNCTION kq_conflicts_note();
CREATE TRIGGER pipelines_conflicts_note AFTER INSERT OR DELETE ON pipelines
  FOR EACH ROW EXECUTE FUNCTION kq_conflicts_note();
CREATE TRIGGER pipelines_conflicts_note_update AFTER UPDATE ON pipelines
  FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id OR ST_AsEWKB(OLD.geom) IS DISTINCT FROM ST_AsEWKB(NEW.geom))
  EXECUTE FUNCTION kq_conflicts_note();

-- TRUNCATE fires no row trigger: clear what the emptied layer invalidates (every pair of an emptied blocks layer; the
-- pairs of that collection otherwise; crossings when the protected areas or the pipelines are emptied)
CREATE OR REPLACE FUNCTION kq_conflicts_truncated() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM conflict_dirty WHERE layer = TG_TABLE_NAME;
  IF TG_TABLE_NAME = 'blocks' THEN
    DELETE FROM conflict_pairs;
    DELETE FROM conflict_wells;
    DELETE FROM conflict_crossings;
    DELETE FROM conflict_stale;
  ELSIF TG_TABLE_NAME = 'pipelines' THEN
    DELETE FROM conflict_crossings;
  ELSIF TG_TABLE_NAME = 'wells' THEN
    DELETE FROM conflict_wells;
  ELSE
    DELETE FROM conflict_pairs WHERE collection = TG_TABLE_NAME;
    IF TG_TABLE_NAME = 'protected_areas' THEN
      DELETE FROM conflict_crossings;
    END IF;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER blocks_conflicts_truncated AFTER TRUNCATE ON blocks
  FOR EACH STATEMENT EXECUTE FUNCTION kq_conflicts_truncated();
CREATE TRIGGER reserves_conflicts_truncated AFTER TRUNCATE ON reserves
  FOR EACH STATEMENT EXECUTE FUNCTION kq_conflicts_truncated();
CREATE TRIGGER protected_areas_conflicts_truncated AFTER TRUNCATE ON protected_areas
  FOR EACH STATEMENT EXECUTE FUNCTION kq_conflicts_truncated();
CREATE TRIGGER redlines_conflicts_truncated AFTER TRUNCATE ON redlines
  FOR EACH STATEMENT EXECUTE FUNCTION kq_conflicts_truncated();
CREATE TRIGGER wells_conflicts_truncated AFTER TRUNCATE ON wells
  FOR EACH STATEMENT EXECUTE FUNCTION kq_conflicts_truncated();
CREATE TRIGGER pipelines_conflicts_truncated AFTER TRUNCATE ON pipelines
  FOR EACH STATEMENT EXECUTE FUNCTION kq_conflicts_truncated();

-- a register that already holds blocks: every block's pairs are computed by the first drain (the service starts one)
INSERT INTO conflict_stale (collection, subject_id)
SELECT c, b.id FROM blocks b
CROSS JOIN unnest(ARRAY['blocks', 'reserves', 'protected_areas', 'redlines', 'wells', 'pipelines']) c;

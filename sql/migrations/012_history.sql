-- 012: history for every collection and a row version for optimistic locking (issue 13).
--  * every layer (blocks, reserves, protected_areas, redlines, wells, pipelines, boundaries) keeps valid-time
--    history: `sys_period` on the current row, the earlier versions in `<table>_history`, moved there by one
--    trigger on UPDATE and DELETE; `as_at` reads the current rows and the history rows whose period holds it.
--  * every row carries `version`, a number drawn from one sequence on every insert and every update, so a
--    version is never reused (not across items, not after an item is deleted and created again). The HTTP
--    layer sends it as the strong ETag `"v<version>"` and writes with `WHERE id = $1 AND version = $2`
--    (OGC API – Features Part 4, If-Match): of two writers starting from the same version only one can win.
--  * version boundaries use clock_timestamp(), not now() (the transaction start): a writer that waited on the
--    row lock of another would otherwise close the previous version before that version began, leaving an
--    empty period that no `as_at` can show (security review F5: 10 of 24 rows under 20 concurrent PUTs).

CREATE SEQUENCE kq_feature_version;

ALTER TABLE blocks ADD COLUMN version bigint NOT NULL DEFAULT nextval('kq_feature_version');
ALTER TABLE blocks_history ADD COLUMN version bigint;

ALTER TABLE reserves ADD COLUMN sys_period tstzrange NOT NULL DEFAULT tstzrange(now(), NULL),
  ADD COLUMN version bigint NOT NULL DEFAULT nextval('kq_feature_version');
ALTER TABLE protected_areas ADD COLUMN sys_period tstzrange NOT NULL DEFAULT tstzrange(now(), NULL),
  ADD COLUMN version bigint NOT NULL DEFAULT nextval('kq_feature_version');
ALTER TABLE redlines ADD COLUMN sys_period tstzrange NOT NULL DEFAULT tstzrange(now(), NULL),
  ADD COLUMN version bigint NOT NULL DEFAULT nextval('kq_feature_version');
ALTER TABLE wells ADD COLUMN sys_period tstzrange NOT NULL DEFAULT tstzrange(now(), NULL),
  ADD COLUMN version bigint NOT NULL DEFAULT nextval('kq_feature_version');
ALTER TABLE pipelines ADD COLUMN sys_period tstzrange NOT NULL DEFAULT tstzrange(now(), NULL),
  ADD COLUMN version bigint NOT NULL DEFAULT nextval('kq_feature_version');
ALTER TABLE boundaries ADD COLUMN sys_period tstzrange NOT NULL DEFAULT tstzrange(now(), NULL),
  ADD COLUMN version bigint NOT NULL DEFAULT nextval('kq_feature_version');

-- History tables: the same columns in the same order as their layer (UNION ALL with the layer in as_at queries).
CREATE TABLE reserves_history (LIKE reserves);
CREATE TABLE protected_areas_history (LIKE protected_areas);
CREATE TABLE redlines_history (LIKE redlines);
CREATE TABLE wells_history (LIKE wells);
CREATE TABLE pipelines_history (LIKE pipelines);
CREATE TABLE boundaries_history (LIKE boundaries);
CREATE INDEX reserves_history_id ON reserves_history (id);
CREATE INDEX reserves_history_period ON reserves_history USING gist (sys_period);
CREATE INDEX protected_areas_history_id ON protected_areas_history (id);
CREATE INDEX protected_areas_history_period ON protected_areas_history USING gist (sys_period);
CREATE INDEX redlines_history_id ON redlines_history (id);
CREATE INDEX redlines_history_period ON redlines_history USING gist (sys_period);
CREATE INDEX wells_history_id ON wells_history (id);
CREATE INDEX wells_history_period ON wells_history USING gist (sys_period);
CREATE INDEX pipelines_history_id ON pipelines_history (id);
CREATE INDEX pipelines_history_period ON pipelines_history USING gist (sys_period);
CREATE INDEX boundaries_history_id ON boundaries_history (id);
CREATE INDEX boundaries_history_period ON boundaries_history USING gist (sys_period);

-- One trigger for every layer: the previous version goes to <table>_history, closed at the moment of the
-- change; an UPDATE starts a new version (new period, new version number). The geometry travels as its
-- EWKB text (exact, SRID kept) rather than through a JSON cast.
CREATE OR REPLACE FUNCTION kq_feature_version() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  -- strictly after the previous version began, so no period is ever empty
  t timestamptz := greatest(clock_timestamp(), lower(OLD.sys_period) + interval '1 microsecond');
  hist text := TG_TABLE_NAME || '_history';
BEGIN
  EXECUTE format('INSERT INTO %I SELECT * FROM jsonb_populate_record(NULL::%I, $1)', hist, hist)
    USING to_jsonb(OLD) || jsonb_build_object('sys_period', tstzrange(lower(OLD.sys_period), t), 'geom', OLD.geom::text);
  IF TG_OP = 'UPDATE' THEN
    NEW.sys_period := tstzrange(t, NULL);
    NEW.version := nextval('kq_feature_version');
    RETURN NEW;
  END IF;
  RETURN OLD;
END $$;

DROP TRIGGER blocks_version ON blocks;
DROP FUNCTION kq_blocks_version();
CREATE TRIGGER blocks_version BEFORE UPDATE OR DELETE ON blocks
  FOR EACH ROW EXECUTE FUNCTION kq_feature_version();
CREATE TRIGGER reserves_version BEFORE UPDATE OR DELETE ON reserves
  FOR EACH ROW EXECUTE FUNCTION kq_feature_version();
CREATE TRIGGER protected_areas_version BEFORE UPDATE OR DELETE ON protected_areas
  FOR EACH ROW EXECUTE FUNCTION kq_feature_version();
CREATE TRIGGER redlines_version BEFORE UPDATE OR DELETE ON redlines
  FOR EACH ROW EXECUTE FUNCTION kq_feature_version();
CREATE TRIGGER wells_version BEFORE UPDATE OR DELETE ON wells
  FOR EACH ROW EXECUTE FUNCTION kq_feature_version();
CREATE TRIGGER pipelines_version BEFORE UPDATE OR DELETE ON pipelines
  FOR EACH ROW EXECUTE FUNCTION kq_feature_version();
CREATE TRIGGER boundaries_version BEFORE UPDATE OR DELETE ON boundaries
  FOR EACH ROW EXECUTE FUNCTION kq_feature_version();

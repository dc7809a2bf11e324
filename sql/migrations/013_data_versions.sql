-- Data versions per layer (issue 17): every write to a layer bumps its version in the same transaction, so tile ETags
-- and tile caches follow the data in every app instance (the version lives in the database, not in one process).
CREATE TABLE data_versions (
  layer      text PRIMARY KEY,
  version    bigint NOT NULL DEFAULT 1,
  changed_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
INSERT INTO data_versions (layer)
VALUES ('blocks'), ('reserves'), ('protected_areas'), ('redlines'), ('wells'), ('pipelines'), ('boundaries');

CREATE FUNCTION kq_bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE data_versions SET version = version + 1, changed_at = clock_timestamp() WHERE layer = TG_TABLE_NAME;
  RETURN NULL;
END $$;

CREATE TRIGGER blocks_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON blocks
  FOR EACH STATEMENT EXECUTE FUNCTION kq_bump_data_version();
CREATE TRIGGER reserves_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON reserves
  FOR EACH STATEMENT EXECUTE FUNCTION kq_bump_data_version();
CREATE TRIGGER protected_areas_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON protected_areas
  FOR EACH STATEMENT EXECUTE FUNCTION kq_bump_data_version();
CREATE TRIGGER redlines_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON redlines
  FOR EACH STATEMENT EXECUTE FUNCTION kq_bump_data_version();
CREATE TRIGGER wells_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON wells
  FOR EACH STATEMENT EXECUTE FUNCTION kq_bump_data_version();
CREATE TRIGGER pipelines_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON pipelines
  FOR EACH STATEMENT EXECUTE FUNCTION kq_bump_data_version();
CREATE TRIGGER boundaries_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON boundaries
  FOR EACH STATEMENT EXECUTE FUNCTION kq_bump_data_version();

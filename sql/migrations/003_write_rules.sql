-- 003: what happens on every write.
--  * polygons are made valid (ST_MakeValid, polygon parts only) and forced to MultiPolygon;
--  * ellipsoidal area (CGCS2000 spheroid via geography) is recorded in km²;
--  * block versions are kept: UPDATE/DELETE move the previous row to blocks_history;
--  * the big overlay layers keep a subdivided twin (ST_Subdivide, 256 vertices) for overlays.
-- The HTTP layer validates geometry before it reaches SQL (the embedded engine can be silent
-- on invalid geometry); these triggers are the second line, not the first.

CREATE OR REPLACE FUNCTION kq_clean_polygon(g geometry) RETURNS geometry
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN ST_IsValid(g) THEN ST_Multi(g)
              ELSE ST_Multi(ST_CollectionExtract(ST_MakeValid(g), 3)) END
$$;

CREATE OR REPLACE FUNCTION kq_polygon_write() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.geom := ST_SetSRID(kq_clean_polygon(NEW.geom), 4490);
  IF ST_IsEmpty(NEW.geom) THEN
    RAISE EXCEPTION 'geometry has no polygon area after validation' USING ERRCODE = '22023';
  END IF;
  NEW.area_km2 := ST_Area(NEW.geom::geography) / 1e6;
  RETURN NEW;
END $$;

CREATE TRIGGER blocks_polygon_write BEFORE INSERT OR UPDATE OF geom ON blocks
  FOR EACH ROW EXECUTE FUNCTION kq_polygon_write();
CREATE TRIGGER reserves_polygon_write BEFORE INSERT OR UPDATE OF geom ON reserves
  FOR EACH ROW EXECUTE FUNCTION kq_polygon_write();
CREATE TRIGGER protected_areas_polygon_write BEFORE INSERT OR UPDATE OF geom ON protected_areas
  FOR EACH ROW EXECUTE FUNCTION kq_polygon_write();
CREATE TRIGGER redlines_polygon_write BEFORE INSERT OR UPDATE OF geom ON redlines
  FOR EACH ROW EXECUTE FUNCTION kq_polygon_write();

CREATE OR REPLACE FUNCTION kq_line_write() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.geom := ST_SetSRID(ST_Multi(NEW.geom), 4490);
  NEW.length_km := ST_Length(NEW.geom::geography) / 1e3;
  RETURN NEW;
END $$;
CREATE TRIGGER pipelines_line_write BEFORE INSERT OR UPDATE OF geom ON pipelines
  FOR EACH ROW EXECUTE FUNCTION kq_line_write();

-- Block history (valid-time rows): nothing is overwritten.
CREATE OR REPLACE FUNCTION kq_blocks_version() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  -- the previous version, closed at now(); jsonb round trip keeps the column list in one place
  INSERT INTO blocks_history
    SELECT * FROM jsonb_populate_record(NULL::blocks_history,
      to_jsonb(OLD) || jsonb_build_object('sys_period',
        tstzrange(lower(OLD.sys_period), greatest(lower(OLD.sys_period), now()))));
  IF TG_OP = 'UPDATE' THEN
    NEW.sys_period := tstzrange(greatest(lower(OLD.sys_period), now()), NULL);
    RETURN NEW;
  END IF;
  RETURN OLD;
END $$;
CREATE TRIGGER blocks_version BEFORE UPDATE OR DELETE ON blocks
  FOR EACH ROW EXECUTE FUNCTION kq_blocks_version();

-- Subdivided twins for overlay and area queries (engineering.md C1: 51–77× faster).
CREATE TABLE protected_areas_sub (id text NOT NULL, geom geometry(Polygon, 4490) NOT NULL);
CREATE INDEX protected_areas_sub_geom_gist ON protected_areas_sub USING gist (geom);
CREATE INDEX protected_areas_sub_id ON protected_areas_sub (id);
CREATE TABLE redlines_sub (id text NOT NULL, geom geometry(Polygon, 4490) NOT NULL);
CREATE INDEX redlines_sub_geom_gist ON redlines_sub USING gist (geom);
CREATE INDEX redlines_sub_id ON redlines_sub (id);

-- One trigger function keeps both twins: <table>_sub holds ST_Subdivide(geom, 256) pieces of <table>.
CREATE OR REPLACE FUNCTION kq_sync_subdivided() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  twin text := TG_TABLE_NAME || '_sub';
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    EXECUTE format('DELETE FROM %I WHERE id = $1', twin) USING OLD.id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    EXECUTE format('INSERT INTO %I (id, geom) SELECT $1, (ST_Dump(ST_Subdivide($2, 256))).geom', twin) USING NEW.id, NEW.geom;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER protected_areas_sub_sync AFTER INSERT OR UPDATE OR DELETE ON protected_areas
  FOR EACH ROW EXECUTE FUNCTION kq_sync_subdivided();
CREATE TRIGGER redlines_sub_sync AFTER INSERT OR UPDATE OR DELETE ON redlines
  FOR EACH ROW EXECUTE FUNCTION kq_sync_subdivided();

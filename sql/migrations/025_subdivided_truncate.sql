-- 025: TRUNCATE of protected_areas or redlines empties its subdivided twin (<table>_sub, migration 003). TRUNCATE fires no
-- row trigger, so before this a reload that truncated a layer left the twin's pieces behind, and every check (the
-- overlays read the twins) still found the emptied layer's areas: a wrong answer given with confidence. The service's
-- own role cannot TRUNCATE (011); an owner reloading a layer can.
-- The one function that keeps both twins (003) now keeps them through TRUNCATE too, as a statement trigger.
CREATE OR REPLACE FUNCTION kq_sync_subdivided() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  twin text := TG_TABLE_NAME || '_sub';
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    EXECUTE format('DELETE FROM %I', twin);
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    EXECUTE format('DELETE FROM %I WHERE id = $1', twin) USING OLD.id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    EXECUTE format('INSERT INTO %I (id, geom) SELECT $1, (ST_Dump(ST_Subdivide($2, 256))).geom', twin) USING NEW.id, NEW.geom;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER protected_areas_sub_truncated AFTER TRUNCATE ON protected_areas
  FOR EACH STATEMENT EXECUTE FUNCTION kq_sync_subdivided();
CREATE TRIGGER redlines_sub_truncated AFTER TRUNCATE ON redlines
  FOR EACH STATEMENT EXECUTE FUNCTION kq_sync_subdivided();

-- 025: TRUNCATE of protected_areas or redlines empties its subdivided twin (<table>_sub, migration 003). TRUNCATE fires no
-- row trigger, so before this a reload that truncated a layer left the twin's pieces behind, and every check (the
-- overlays read the twins) still found the emptied layer's areas: a wrong answer given with confidence. The service's
-- own role cannot TRUNCATE (011); an owner reloading a layer can.
CREATE OR REPLACE FUNCTION kq_subdivided_truncated() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('DELETE FROM %I', TG_TABLE_NAME || '_sub');
  RETURN NULL;
END $$;
CREATE TRIGGER protected_areas_sub_truncated AFTER TRUNCATE ON protected_areas
  FOR EACH STATEMENT EXECUTE FUNCTION kq_subdivided_truncated();
CREATE TRIGGER redlines_sub_truncated AFTER TRUNCATE ON redlines
  FOR EACH STATEMENT EXECUTE FUNCTION kq_subdivided_truncated();

-- 017: the register as at an instant, one set-returning function per layer: kq_<layer>_as_at(ts timestamptz).
--  * ts NULL: the layer as it stands (its current rows); otherwise the versions in force at ts: current rows whose
--    sys_period holds ts and <layer>_history rows whose period holds it (012).
--  * Every column is named, in the layer and in its history, and the result's columns are declared: the as-at
--    queries used to read `SELECT * FROM <layer> UNION ALL SELECT * FROM <layer>_history`, right only while both
--    tables keep the same columns in the same order (a column added to one, or added to both in another order,
--    would have shifted values into the wrong columns without an error). Now a column missing from the history
--    fails loudly, and a new column is simply not returned until it is named here (test/api/checks-as-at.test.ts
--    checks that each function returns every column of its layer).
--  * LANGUAGE sql, STABLE, one SELECT: the planner inlines the function into the calling query, so a caller's
--    `geom && …` or `id = …` reaches each table's indexes as before.
--  * kq_overlay_as_at(layer, input, ts): the overlap of `input` with each feature of a subdivided layer
--    (protected_areas, redlines) as at ts — through the twin <layer>_sub (kq_overlay_subdivided) for today, and for
--    a past instant (the twin keeps no history) by subdividing the versions then in force exactly as the twin's
--    trigger does (ST_Subdivide(geom, 256)) and measuring the pieces as kq_overlay_subdivided does. One function
--    for conflicts_protected_areas.sql and conflicts_redlines.sql (each had its own copy).

CREATE OR REPLACE FUNCTION kq_blocks_as_at(ts timestamptz)
RETURNS TABLE (
  id text, licence_no text, name text, holder text, kind text, mineral text, acquisition_method text,
  authority text, status text, first_registration_date date, first_registration_area_km2 double precision,
  valid_from date, valid_to date, extensions_used integer, basin text, province_registered boolean, synthetic
  boolean, area_km2 double precision, licensed_area_km2 double precision, geom geometry, sys_period tstzrange,
  version bigint
)
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT t.id, t.licence_no, t.name, t.holder, t.kind, t.mineral, t.acquisition_method, t.authority, t.status,
         t.first_registration_date, t.first_registration_area_km2, t.valid_from, t.valid_to,
         t.extensions_used, t.basin, t.province_registered, t.synthetic, t.area_km2, t.licensed_area_km2,
         t.geom, t.sys_period, t.version
  FROM blocks t WHERE ts IS NULL OR t.sys_period @> ts
  UNION ALL
  SELECT h.id, h.licence_no, h.name, h.holder, h.kind, h.mineral, h.acquisition_method, h.authority, h.status,
         h.first_registration_date, h.first_registration_area_km2, h.valid_from, h.valid_to,
         h.extensions_used, h.basin, h.province_registered, h.synthetic, h.area_km2, h.licensed_area_km2,
         h.geom, h.sys_period, h.version
  FROM blocks_history h WHERE ts IS NOT NULL AND h.sys_period @> ts
$$;

CREATE OR REPLACE FUNCTION kq_reserves_as_at(ts timestamptz)
RETURNS TABLE (
  id text, block_id text, name text, kind text, submitted_date date, synthetic boolean, area_km2 double
  precision, geom geometry, sys_period tstzrange, version bigint
)
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT t.id, t.block_id, t.name, t.kind, t.submitted_date, t.synthetic, t.area_km2, t.geom, t.sys_period,
         t.version
  FROM reserves t WHERE ts IS NULL OR t.sys_period @> ts
  UNION ALL
  SELECT h.id, h.block_id, h.name, h.kind, h.submitted_date, h.synthetic, h.area_km2, h.geom, h.sys_period,
         h.version
  FROM reserves_history h WHERE ts IS NOT NULL AND h.sys_period @> ts
$$;

CREATE OR REPLACE FUNCTION kq_protected_areas_as_at(ts timestamptz)
RETURNS TABLE (
  id text, name text, category text, zone text, level text, source text, designated_date date, synthetic
  boolean, area_km2 double precision, geom geometry, sys_period tstzrange, version bigint
)
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT t.id, t.name, t.category, t.zone, t.level, t.source, t.designated_date, t.synthetic, t.area_km2,
         t.geom, t.sys_period, t.version
  FROM protected_areas t WHERE ts IS NULL OR t.sys_period @> ts
  UNION ALL
  SELECT h.id, h.name, h.category, h.zone, h.level, h.source, h.designated_date, h.synthetic, h.area_km2,
         h.geom, h.sys_period, h.version
  FROM protected_areas_history h WHERE ts IS NOT NULL AND h.sys_period @> ts
$$;

CREATE OR REPLACE FUNCTION kq_redlines_as_at(ts timestamptz)
RETURNS TABLE (
  id text, name text, status text, version_date date, source text, synthetic boolean, area_km2 double
  precision, geom geometry, sys_period tstzrange, version bigint
)
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT t.id, t.name, t.status, t.version_date, t.source, t.synthetic, t.area_km2, t.geom, t.sys_period,
         t.version
  FROM redlines t WHERE ts IS NULL OR t.sys_period @> ts
  UNION ALL
  SELECT h.id, h.name, h.status, h.version_date, h.source, h.synthetic, h.area_km2, h.geom, h.sys_period,
         h.version
  FROM redlines_history h WHERE ts IS NOT NULL AND h.sys_period @> ts
$$;

CREATE OR REPLACE FUNCTION kq_wells_as_at(ts timestamptz)
RETURNS TABLE (
  id text, name text, type text, status text, holder text, block_id text, spud_date date, completion_date
  date, status_since date, synthetic boolean, geom geometry, sys_period tstzrange, version bigint
)
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT t.id, t.name, t.type, t.status, t.holder, t.block_id, t.spud_date, t.completion_date, t.status_since,
         t.synthetic, t.geom, t.sys_period, t.version
  FROM wells t WHERE ts IS NULL OR t.sys_period @> ts
  UNION ALL
  SELECT h.id, h.name, h.type, h.status, h.holder, h.block_id, h.spud_date, h.completion_date, h.status_since,
         h.synthetic, h.geom, h.sys_period, h.version
  FROM wells_history h WHERE ts IS NOT NULL AND h.sys_period @> ts
$$;

CREATE OR REPLACE FUNCTION kq_pipelines_as_at(ts timestamptz)
RETURNS TABLE (
  id text, name text, type text, pressure_mpa double precision, diameter_mm double precision, status text,
  holder text, synthetic boolean, length_km double precision, geom geometry, sys_period tstzrange, version
  bigint
)
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT t.id, t.name, t.type, t.pressure_mpa, t.diameter_mm, t.status, t.holder, t.synthetic, t.length_km,
         t.geom, t.sys_period, t.version
  FROM pipelines t WHERE ts IS NULL OR t.sys_period @> ts
  UNION ALL
  SELECT h.id, h.name, h.type, h.pressure_mpa, h.diameter_mm, h.status, h.holder, h.synthetic, h.length_km,
         h.geom, h.sys_period, h.version
  FROM pipelines_history h WHERE ts IS NOT NULL AND h.sys_period @> ts
$$;

CREATE OR REPLACE FUNCTION kq_boundaries_as_at(ts timestamptz)
RETURNS TABLE (
  id text, name text, level text, label_lon double precision, label_lat double precision, synthetic boolean,
  geom geometry, sys_period tstzrange, version bigint
)
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT t.id, t.name, t.level, t.label_lon, t.label_lat, t.synthetic, t.geom, t.sys_period, t.version
  FROM boundaries t WHERE ts IS NULL OR t.sys_period @> ts
  UNION ALL
  SELECT h.id, h.name, h.level, h.label_lon, h.label_lat, h.synthetic, h.geom, h.sys_period, h.version
  FROM boundaries_history h WHERE ts IS NOT NULL AND h.sys_period @> ts
$$;

CREATE OR REPLACE FUNCTION kq_overlay_as_at(layer text, input geometry, ts timestamptz)
RETURNS TABLE (id text, overlap_km2 double precision, geom geometry)
LANGUAGE plpgsql STABLE AS $fn$
#variable_conflict use_column
BEGIN
  IF layer IS NULL OR layer NOT IN ('protected_areas', 'redlines') THEN
    RAISE EXCEPTION 'kq_overlay_as_at: % is not a subdivided layer (protected_areas, redlines)', layer;
  END IF;
  IF ts IS NULL THEN
    RETURN QUERY SELECT o.id, o.overlap_km2, o.geom FROM kq_overlay_subdivided((layer || '_sub')::regclass, input) o;
    RETURN;
  END IF;
  RETURN QUERY
  WITH f AS MATERIALIZED (
    SELECT a.id, a.geom FROM kq_protected_areas_as_at(ts) a WHERE layer = 'protected_areas' AND a.geom && input
    UNION ALL
    SELECT r.id, r.geom FROM kq_redlines_as_at(ts) r WHERE layer = 'redlines' AND r.geom && input
  ),
  pieces AS MATERIALIZED (
    SELECT f.id, ST_CollectionExtract(kq_intersection(s.geom, input), 3) AS g
    FROM f CROSS JOIN LATERAL (SELECT (ST_Dump(ST_Subdivide(f.geom, 256))).geom) s
    WHERE s.geom && input AND ST_Intersects(s.geom, input)
  ),
  merged AS MATERIALIZED (
    SELECT p.id, kq_merge_pieces(kq_union(ST_Collect(p.g))) AS g FROM pieces p WHERE NOT ST_IsEmpty(p.g) GROUP BY p.id
  )
  SELECT m.id, ST_Area(m.g::geography) / 1e6, m.g FROM merged m;
END $fn$;

-- kq_overlay_subdivided(twin regclass, input geometry) → (id text, overlap_km2 float8, geom geometry)
-- The overlap of `input` (SRID 4490 polygonal) with each feature of a big polygon layer, computed through
-- its subdivided twin (<layer>_sub: ST_Subdivide pieces of ≤ 256 vertices; engineering.md C1, 51–77× faster),
-- one row per original feature id. Only polygonal overlaps (touching is not overlapping).
-- The pieces' intersections are re-merged per feature and cleared of the cut vertices ST_Subdivide left on
-- straight edges (planar-collinear to ~1e-13°; the 1e-10° = 0.01 mm tolerance removes only those): on the
-- ellipsoid each such vertex bends a geodesic edge, so summing the pieces' areas would be off by ~1e-5.
-- overlap_km2: ST_Area(geography) on the CGCS2000 spheroid. Used by conflicts_protected_areas / _redlines; the
-- whole-register pairs (kq_pairs_subdivided below) use the same expressions. The pieces are collected in a fixed order
-- (ORDER BY the piece), so the union and its area do not depend on the order the index returned them in.
-- kq_merge_pieces(union of a feature's piece intersections) → the same without subdivision cut vertices.
CREATE OR REPLACE FUNCTION kq_merge_pieces(g geometry) RETURNS geometry
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT ST_Simplify(g, 1e-10) $$;

CREATE OR REPLACE FUNCTION kq_overlay_subdivided(twin regclass, input geometry)
RETURNS TABLE (id text, overlap_km2 double precision, geom geometry)
LANGUAGE plpgsql STABLE AS $fn$
BEGIN
  -- the twin is a regclass (a real, quoted table name), never text from a request
  RETURN QUERY EXECUTE format($q$
    WITH pieces AS MATERIALIZED (
      SELECT s.id, ST_CollectionExtract(kq_intersection(s.geom, $1), 3) AS g
      FROM %s s WHERE s.geom && $1 AND ST_Intersects(s.geom, $1)
    ),
    merged AS MATERIALIZED (
      SELECT p.id, kq_merge_pieces(kq_union(ST_Collect(p.g ORDER BY p.g))) AS g FROM pieces p WHERE NOT ST_IsEmpty(p.g) GROUP BY p.id
    )
    SELECT m.id, ST_Area(m.g::geography) / 1e6, m.g FROM merged m$q$, twin) USING input;
END $fn$;

-- kq_pairs_subdivided(twin regclass, subjects text[]) → (subject_id text, feature_id text, overlap_km2 float8)
-- kq_overlay_subdivided for several stored blocks at once (the whole-register pairs, sql/functions/conflict_pairs.sql):
-- each block's pieces cut and re-merged per (block, feature) with the very expressions above — the piece first, the
-- block second, the pieces collected in a fixed order — so a pair's area is the number the check of that block gives.
CREATE OR REPLACE FUNCTION kq_pairs_subdivided(twin regclass, subjects text[])
RETURNS TABLE (subject_id text, feature_id text, overlap_km2 double precision)
LANGUAGE plpgsql STABLE AS $fn$
BEGIN
  RETURN QUERY EXECUTE format($q$
    WITH a AS MATERIALIZED (SELECT b.id, b.geom FROM blocks b WHERE b.id = ANY ($1)),
    pieces AS MATERIALIZED (
      SELECT a.id AS subject_id, s.id AS feature_id, ST_CollectionExtract(kq_intersection(s.geom, a.geom), 3) AS g
      FROM a JOIN %s s ON s.geom && a.geom AND ST_Intersects(s.geom, a.geom)
    ),
    merged AS MATERIALIZED (
      SELECT p.subject_id, p.feature_id, kq_merge_pieces(kq_union(ST_Collect(p.g ORDER BY p.g))) AS g
      FROM pieces p WHERE NOT ST_IsEmpty(p.g) GROUP BY 1, 2
    )
    SELECT m.subject_id, m.feature_id, ST_Area(m.g::geography) / 1e6 FROM merged m$q$, twin) USING subjects;
END $fn$;

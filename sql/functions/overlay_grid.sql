-- The overlay every conflict, lifecycle and planner query uses: GEOS OverlayNG on a fixed 1e-12° grid
-- (≈ 0.1 µm), never the floating-point overlay. Why (issue 9, server/db/README.md):
--  * GEOS's floating overlay is not robust by itself: on nearly coincident edges (two overlaps cut
--    separately from one slanted input edge differ by ~1e-15°) it throws a TopologyException and
--    recovers *inside GEOS* by catching it and retrying with snapping, then snap-rounding
--    (OverlayNGRobust, ClassicUnionStrategy). Native PostGIS 3.3 / GEOS 3.11 recovers that way.
--  * The embedded engine's PostGIS (WASM) is built without C++ exception catching, so the first
--    internal throw ends the whole statement and PGlite returns an empty result with no error: the
--    rights query listed 0 blocks for a 国土 TXT box over 8 rights.
--  * With a fixed grid GEOS snap-rounds from the start: no exception path, the same answer on both
--    engines. On PostGIS the per-feature overlaps stay within 1e-11 relative of the floating overlay
--    (test/differential); where the floating overlay had to fall back to snapping (the case above) it
--    moved vertices and was 5e-5 off, the grid is not.
-- Stored vertices (≤ 9 decimals) lie on the grid and do not move; computed crossings move < 1e-12°.
CREATE OR REPLACE FUNCTION kq_intersection(a geometry, b geometry) RETURNS geometry
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT ST_Intersection(a, b, 1e-12) $$;

CREATE OR REPLACE FUNCTION kq_difference(a geometry, b geometry) RETURNS geometry
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT ST_Difference(a, b, 1e-12) $$;

-- kq_union(collection) — the union of a collection's members; as an aggregate write kq_union(ST_Collect(g)).
CREATE OR REPLACE FUNCTION kq_union(g geometry) RETURNS geometry
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT ST_UnaryUnion(g, 1e-12) $$;

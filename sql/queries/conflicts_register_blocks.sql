-- conflicts_register_blocks: the whole register, every block against every other block it overlaps.
-- (CTEs are MATERIALIZED: an inlined CTE would recompute ST_Intersection at every reference.)
-- Each ordered pair (subject block, other block) is a row: outcomes are judged for the subject.
-- $1 int limit, $2 int offset. Rows ordered by subject id, then feature id.
-- Returns matched (pairs before paging), the subject's id, name, holder, kind, mineral, status, the other
-- block's properties, overlap_km2 (ellipsoidal) and both areas (km²). Touching is not overlapping
-- (polygonal intersection > 1e-9 km²). No geometry (use POST /api/checks or the block endpoint for it).
WITH pairs AS MATERIALIZED (
  SELECT a.id AS subject_id, b.id AS feature_id,
         ST_Area(ST_CollectionExtract(kq_intersection(a.geom, b.geom), 3)::geography) / 1e6 AS overlap_km2
  FROM blocks a JOIN blocks b ON a.id <> b.id AND a.geom && b.geom AND ST_Intersects(a.geom, b.geom)
)
SELECT count(*) OVER () AS matched,
       a.id AS subject_id, a.name AS subject_name, a.holder AS subject_holder, a.kind AS subject_kind,
       a.mineral AS subject_mineral, a.status AS subject_status, a.area_km2 AS subject_area_km2,
       b.id, b.name, b.holder, b.kind, b.mineral, b.status, b.valid_to::text AS valid_to,
       b.area_km2 AS feature_area_km2, p.overlap_km2
FROM pairs p JOIN blocks a ON a.id = p.subject_id JOIN blocks b ON b.id = p.feature_id
WHERE p.overlap_km2 > 1e-9
ORDER BY p.subject_id, p.feature_id
LIMIT $1 OFFSET $2

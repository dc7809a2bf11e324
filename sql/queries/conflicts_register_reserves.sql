-- conflicts_register_reserves: every block against the reserve polygons of other blocks it overlaps.
-- (CTEs are MATERIALIZED: an inlined CTE would recompute ST_Intersection at every reference.)
-- $1 int limit, $2 int offset. Rows ordered by subject (block) id, then reserve id.
-- Returns matched, the subject block's properties, the reserve (kind, parent block and the parent's
-- holder, kind, mineral, status, valid_to), its area and overlap_km2 (ellipsoidal; > 1e-9 km² only).
WITH pairs AS MATERIALIZED (
  SELECT a.id AS subject_id, r.id AS feature_id,
         ST_Area(ST_CollectionExtract(kq_intersection(a.geom, r.geom), 3)::geography) / 1e6 AS overlap_km2
  FROM blocks a JOIN reserves r ON r.block_id <> a.id AND r.geom && a.geom AND ST_Intersects(r.geom, a.geom)
)
SELECT count(*) OVER () AS matched,
       a.id AS subject_id, a.name AS subject_name, a.holder AS subject_holder, a.kind AS subject_kind,
       a.mineral AS subject_mineral, a.status AS subject_status, a.area_km2 AS subject_area_km2,
       r.id, r.name, r.kind AS reserve_kind, r.block_id, r.area_km2 AS feature_area_km2, p.overlap_km2,
       b.holder, b.kind, b.mineral, b.status, b.valid_to::text AS valid_to
FROM pairs p JOIN blocks a ON a.id = p.subject_id JOIN reserves r ON r.id = p.feature_id
LEFT JOIN blocks b ON b.id = r.block_id
WHERE p.overlap_km2 > 1e-9
ORDER BY p.subject_id, p.feature_id
LIMIT $1 OFFSET $2

-- conflicts_register_wells: every block against the wells inside it that may be conflicts: wells of
-- another holder than the block's, abandoned wells, and wells inactive since before a cut-off date. Read from
-- conflict_wells (023; every well in every block with its status, status_since, holder and the block's holder, brought
-- up to date by kq_conflict_pairs_drain before the page is read); the cut-off is applied here.
-- $1 int limit, $2 int offset, $3 date: inactive wells count when status_since < $3 (the caller passes
-- as_of − 1 year, DB14/T 2053 3.2) or status_since is unknown.
-- Returns matched, the subject block's properties, the well's properties and location facts
-- (in_coal_right, in_redline, in_water_source — see conflicts_wells.sql).
WITH pairs AS MATERIALIZED (
  SELECT p.subject_id, p.feature_id
  FROM conflict_wells p
  WHERE p.status = 'abandoned'
     OR (p.status = 'inactive' AND (p.status_since IS NULL OR p.status_since < $3::date))
     OR (p.holder IS NOT NULL AND p.subject_holder IS NOT NULL AND p.holder <> p.subject_holder)
),
page AS (
  SELECT count(*) OVER () AS matched, subject_id, feature_id FROM pairs
  ORDER BY subject_id, feature_id LIMIT $1 OFFSET $2
)
SELECT g.matched,
       a.id AS subject_id, a.name AS subject_name, a.holder AS subject_holder, a.kind AS subject_kind,
       a.mineral AS subject_mineral, a.status AS subject_status, a.area_km2 AS subject_area_km2,
       w.id, w.name, w.type, w.status, w.holder, w.block_id, w.status_since::text AS status_since,
       EXISTS (SELECT 1 FROM blocks c WHERE c.geom && w.geom AND c.mineral = 'coal'
                 AND c.status NOT IN ('expired', 'cancelled') AND ST_Intersects(c.geom, w.geom)) AS in_coal_right,
       EXISTS (SELECT 1 FROM redlines_sub r WHERE r.geom && w.geom AND ST_Intersects(r.geom, w.geom)) AS in_redline,
       EXISTS (SELECT 1 FROM protected_areas_sub s JOIN protected_areas p ON p.id = s.id
               WHERE s.geom && w.geom AND p.category = 'water_source' AND ST_Intersects(s.geom, w.geom)) AS in_water_source
FROM page g JOIN blocks a ON a.id = g.subject_id JOIN wells w ON w.id = g.feature_id
ORDER BY g.subject_id, g.feature_id

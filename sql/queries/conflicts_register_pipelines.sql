-- conflicts_register_pipelines: every block against the pipelines that, inside it, cross protected areas of the
-- crossing categories (PA-11), one page read by key from conflict_crossings (023; computed by kq_conflict_pairs_drain
-- with the expressions of conflicts_pipelines.sql and the categories it is given: PIPELINE_CROSSING_CATEGORIES,
-- 273号令 第三十一条第二款 kinds).
-- $1 int limit, $2 int offset.
-- Returns matched, the subject block's properties, the pipeline's properties, the crossing length inside
-- the block (km, ellipsoidal; overlapping protected areas counted once) and the ids crossed.
WITH page AS MATERIALIZED (
  SELECT subject_id, feature_id, crossing_km, crosses FROM conflict_crossings
  ORDER BY subject_id, feature_id LIMIT $1 OFFSET $2
)
SELECT (SELECT count(*) FROM conflict_crossings) AS matched,
       a.id AS subject_id, a.name AS subject_name, a.holder AS subject_holder, a.kind AS subject_kind,
       a.mineral AS subject_mineral, a.status AS subject_status, a.area_km2 AS subject_area_km2,
       p.id, p.name, p.type, p.status, p.holder, p.length_km AS feature_length_km, x.crossing_km, x.crosses
FROM page x JOIN blocks a ON a.id = x.subject_id JOIN pipelines p ON p.id = x.feature_id
ORDER BY x.subject_id, x.feature_id

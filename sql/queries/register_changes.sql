-- register_changes: the register's changes in an area after an instant (GET /api/changes), newest first.
-- $1 timestamptz  after this instant (exclusive);  $2 timestamptz  up to this instant (inclusive: register_changes_until);
-- $3 text[]  collections;  $4..$7 bbox minx, miny, maxx, maxy (CRS84 ≡ EPSG:4490 lon/lat);  $8 limit;  $9 offset.
-- Events, from the valid-time history (012, through kq_feature_versions, 027), as GET …/items/{id}/history reads them
-- (server/features/versions.ts): a version that began in ($1, $2] is an update when the id's previous version ended at
-- that instant, else a creation; a version that ended in ($1, $2] with none of the id beginning at that instant is a
-- deletion. An event is in the area when a geometry it made or ended (an update: the new or the old one) meets the bbox.
-- Each row: the event, the feature after it (null on a deletion) and before it (null on a creation), as the items API
-- publishes a row, and whether the geometry changed (any coordinate: the stored bytes differ).
WITH box AS (SELECT ST_MakeEnvelope($4, $5, $6, $7, 4490) AS g),
touched AS (
  SELECT DISTINCT v.collection, v.id
  FROM kq_feature_versions v, box
  WHERE v.collection = ANY ($3::text[])
    AND v.geom && box.g
    AND ((lower(v.sys_period) > $1::timestamptz AND lower(v.sys_period) <= $2::timestamptz)
         OR (upper(v.sys_period) > $1::timestamptz AND upper(v.sys_period) <= $2::timestamptz))
),
seq AS (
  SELECT v.collection, v.id, v.version, v.sys_period, v.geom, v.feature,
         lag(upper(v.sys_period)) OVER w AS prev_end,
         lag(v.feature) OVER w AS prev_feature,
         lag(v.geom) OVER w AS prev_geom,
         lead(lower(v.sys_period)) OVER w AS next_start
  FROM kq_feature_versions v
  JOIN touched t ON t.collection = v.collection AND t.id = v.id
  WINDOW w AS (PARTITION BY v.collection, v.id ORDER BY lower(v.sys_period))
),
events AS (
  SELECT s.collection, s.id, lower(s.sys_period) AS at,
         CASE WHEN s.prev_end = lower(s.sys_period) THEN 'update' ELSE 'create' END AS operation,
         s.version, s.feature AS after, s.geom AS after_geom,
         CASE WHEN s.prev_end = lower(s.sys_period) THEN s.prev_feature END AS before,
         CASE WHEN s.prev_end = lower(s.sys_period) THEN s.prev_geom END AS before_geom
  FROM seq s
  WHERE lower(s.sys_period) > $1::timestamptz AND lower(s.sys_period) <= $2::timestamptz
  UNION ALL
  SELECT s.collection, s.id, upper(s.sys_period), 'delete', NULL::bigint, NULL::jsonb, NULL::geometry, s.feature, s.geom
  FROM seq s
  WHERE upper(s.sys_period) > $1::timestamptz AND upper(s.sys_period) <= $2::timestamptz
    AND s.next_start IS DISTINCT FROM upper(s.sys_period)
)
SELECT count(*) OVER () AS matched, e.collection, e.id, e.operation,
       to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at,
       e.version::text AS version, e.after, e.before,
       (e.after_geom IS NOT NULL AND e.before_geom IS NOT NULL
        AND ST_AsEWKB(e.after_geom) <> ST_AsEWKB(e.before_geom)) AS geometry_changed
FROM events e, box
WHERE (e.after_geom IS NOT NULL AND e.after_geom && box.g) OR (e.before_geom IS NOT NULL AND e.before_geom && box.g)
ORDER BY e.at DESC, e.collection, e.id, e.operation
LIMIT $8 OFFSET $9

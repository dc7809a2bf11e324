-- protected_areas_versions: $1 id → every recorded version of the item (the current row and protected_areas_history), newest first:
-- the version number (ETag "v<version>"), when it was in force (valid_from, valid_to: ISO 8601 UTC to the microsecond, so an as_at of
-- valid_from shows exactly this version; valid_to NULL = still current) and the
-- item as a GeoJSON Feature (coordinates 7 decimals). Who made each version comes from audit_log (audit_item).
SELECT v.version::text AS version,
       to_char(lower(v.sys_period) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS valid_from,
       to_char(upper(v.sys_period) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS valid_to,
       ST_AsGeoJSON(v.*, 'geom', 7)::jsonb AS feature
FROM (
  SELECT * FROM protected_areas WHERE id = $1::text
  UNION ALL
  SELECT * FROM protected_areas_history WHERE id = $1::text
) v
ORDER BY lower(v.sys_period) DESC, upper(v.sys_period) DESC NULLS FIRST

-- right_flags_write_guard: before a block's new version is written, what a seizure in force forbids (issue 14 item 6).
-- $1 text  block id;  $2 text  the new geometry as GeoJSON, or NULL (geometry unchanged)
-- One row per seizure in force today (China time, UTC+8): its document and authority, and lost_km2 — the part of the stored
-- block the new geometry leaves out (ellipsoidal km²; 0 without a new geometry).
SELECT f.id, f.document_no, f.authority, f.start_on::text AS start_on,
       CASE WHEN $2::text IS NULL THEN 0
            ELSE COALESCE(ST_Area(ST_CollectionExtract(kq_difference(b.geom, ST_SetSRID(ST_GeomFromGeoJSON($2::text), 4490)), 3)::geography) / 1e6, 0)
       END AS lost_km2
FROM right_flags f JOIN blocks b ON b.id = f.block_id
WHERE f.block_id = $1::text AND f.kind = 'seizure' AND f.released_on IS NULL
  AND f.start_on <= ((now() AT TIME ZONE 'UTC') + interval '8 hours')::date
  AND (f.end_on IS NULL OR f.end_on >= ((now() AT TIME ZONE 'UTC') + interval '8 hours')::date)
ORDER BY f.id

-- commitments_select: written commitments over proposed red lines as the API answers them (PA-5, 000 L6185).
-- $1 text  a commitment id, or NULL;  $2 text  a block id, or NULL;  $3 boolean  include withdrawn ones
-- Newest first; geometry GeoJSON 9 decimals; the right's holder and authority (who may read and write it).
SELECT c.id, c.block_id, c.redline_id, b.holder, b.authority, r.status AS redline_status, ST_AsGeoJSON(c.geom, 9, 0) AS geometry,
       c.area_km2, c.document_no, c.signed_on::text AS signed_on, c.valid_from::text AS valid_from, c.valid_to::text AS valid_to,
       c.terms, c.note, c.synthetic, c.recorded_by,
       to_char(c.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS recorded_at,
       CASE WHEN c.withdrawn_at IS NULL THEN NULL
            ELSE to_char(c.withdrawn_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') END AS withdrawn_at,
       c.withdrawn_by, c.withdrawn_reason
FROM redline_commitments c
LEFT JOIN blocks b ON b.id = c.block_id
LEFT JOIN redlines r ON r.id = c.redline_id
WHERE ($1::text IS NULL OR c.id = $1::text)
  AND ($2::text IS NULL OR c.block_id = $2::text)
  AND ($3::boolean OR c.withdrawn_at IS NULL)
ORDER BY c.recorded_at DESC, c.id DESC

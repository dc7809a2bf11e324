-- agreements_select: agreements as the API answers them (issue 14 item 5).
-- $1 text  an agreement id, or NULL
-- $2 text  a block id: the agreements it is a party to, or NULL
-- $3 boolean  include withdrawn ones
-- Newest first; geometry GeoJSON 9 decimals.
SELECT a.id, a.kind, a.block_a, a.block_b, ba.holder AS holder_a, bb.holder AS holder_b, ba.authority AS authority_a,
       bb.authority AS authority_b, ST_AsGeoJSON(a.geom, 9, 0) AS geometry, a.area_km2, a.document_no, a.signed_on::text AS signed_on,
       a.valid_from::text AS valid_from, a.valid_to::text AS valid_to, a.terms, a.note, a.synthetic, a.recorded_by,
       to_char(a.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS recorded_at,
       CASE WHEN a.withdrawn_at IS NULL THEN NULL
            ELSE to_char(a.withdrawn_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') END AS withdrawn_at,
       a.withdrawn_by, a.withdrawn_reason
FROM right_agreements a
LEFT JOIN blocks ba ON ba.id = a.block_a
LEFT JOIN blocks bb ON bb.id = a.block_b
WHERE ($1::text IS NULL OR a.id = $1::text)
  AND ($2::text IS NULL OR a.block_a = $2::text OR a.block_b = $2::text)
  AND ($3::boolean OR a.withdrawn_at IS NULL)
ORDER BY a.recorded_at DESC, a.id DESC

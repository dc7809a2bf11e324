-- abnormal_publications_insert: a regulator publishes the abnormal list of a year. $1 year, $2 authority, $3 deadline,
-- $4 entries (the exact JSON text published), $5 its SHA-256, $6 document_no, $7 note, $8 published_by, $9 user id.
INSERT INTO abnormal_list_publications (year, authority, deadline, entries, entries_sha256, document_no, note, published_by, published_by_user_id)
VALUES ($1::integer, $2::text, $3::date, $4::text, $5::text, $6::text, $7::text, $8::text, $9::bigint)
RETURNING id::text AS id, year, authority, deadline::text AS deadline, entries, entries_sha256, document_no, note, published_by,
          to_char(published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS published_at

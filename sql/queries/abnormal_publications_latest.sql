-- abnormal_publications_latest: the latest publication of year $1 (NULL: of the latest year published) by authority $2
-- (NULL: any authority), or no row.
SELECT id::text AS id, year, authority, deadline::text AS deadline, entries, entries_sha256, document_no, note, published_by,
       to_char(published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS published_at
FROM abnormal_list_publications
WHERE ($1::integer IS NULL OR year = $1::integer) AND ($2::text IS NULL OR authority = $2::text)
ORDER BY year DESC, published_at DESC, id DESC
LIMIT 1

-- right_flags_release: release a flag (解封 / 抵押注销). $1 id, $2 released_on, $3 release_document_no, $4 released_by
-- → the id, or no row when it is unknown or already released.
UPDATE right_flags SET released_on = $2::date, release_document_no = $3::text, released_by = $4::text, released_at = clock_timestamp()
WHERE id = $1::text AND released_on IS NULL
RETURNING id

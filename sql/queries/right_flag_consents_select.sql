-- right_flag_consents_select: the mortgagee's consents recorded on a flag (001 L9610), newest first.
-- $1 text  the flag id, or NULL;  $2 text  a consent id, or NULL → rows as right_flag_consents_insert returns them
-- (withdrawn ones too: withdrawn_at set).
SELECT id, flag_id, document_no, given_on::text AS given_on, transferee, note, recorded_by,
       to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS recorded_at,
       to_char(withdrawn_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS withdrawn_at, withdrawn_by, withdrawn_reason
FROM right_flag_consents
WHERE ($1::text IS NULL OR flag_id = $1::text) AND ($2::text IS NULL OR id = $2::text)
ORDER BY recorded_at DESC, id DESC

-- right_flag_consents_select: the mortgagee's consents recorded on a flag (001 L9610), newest first.
-- $1 text  the flag id → rows as right_flag_consents_insert returns them.
SELECT id, flag_id, document_no, given_on::text AS given_on, transferee, note, recorded_by,
       to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS recorded_at
FROM right_flag_consents
WHERE flag_id = $1::text
ORDER BY recorded_at DESC, id DESC

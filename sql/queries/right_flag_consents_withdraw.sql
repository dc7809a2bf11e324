-- right_flag_consents_withdraw: take a consent off record from now (026). No row: unknown or already withdrawn.
-- $1 text  consent id;  $2 text  who;  $3 text  why → the row as right_flag_consents_select returns it.
UPDATE right_flag_consents
SET withdrawn_at = clock_timestamp(), withdrawn_by = $2::text, withdrawn_reason = $3::text
WHERE id = $1::text AND withdrawn_at IS NULL
RETURNING id, flag_id, document_no, given_on::text AS given_on, transferee, note, recorded_by,
          to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS recorded_at,
          to_char(withdrawn_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS withdrawn_at, withdrawn_by, withdrawn_reason

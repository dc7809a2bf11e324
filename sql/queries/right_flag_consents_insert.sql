-- right_flag_consents_insert: record a mortgagee's consent to the transfer of a mortgaged right (001 L9610).
-- $1 flag_id, $2 document_no, $3 given_on, $4 transferee (NULL: any), $5 note, $6 synthetic, $7 recorded_by → the row.
INSERT INTO right_flag_consents (flag_id, document_no, given_on, transferee, note, synthetic, recorded_by)
VALUES ($1::text, $2::text, $3::date, $4::text, $5::text, $6::boolean, $7::text)
RETURNING id, flag_id, document_no, given_on::text AS given_on, transferee, note, recorded_by,
          to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS recorded_at,
       to_char(withdrawn_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS withdrawn_at, withdrawn_by, withdrawn_reason

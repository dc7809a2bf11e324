-- right_flags_insert: record a seizure (查封) or mortgage (抵押) on a right (issue 14 item 6).
-- $1 block_id, $2 kind, $3 document_no, $4 authority, $5 beneficiary, $6 start_on, $7 end_on (NULL: open), $8 note,
-- $9 synthetic, $10 recorded_by → the row's id.
INSERT INTO right_flags (block_id, kind, document_no, authority, beneficiary, start_on, end_on, note, synthetic, recorded_by)
VALUES ($1::text, $2::text, $3::text, $4::text, $5::text, $6::date, $7::date, $8::text, $9::boolean, $10::text)
RETURNING id

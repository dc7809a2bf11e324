-- right_flags_mortgage_guard: before a mining right's holder changes, the mortgages in force on it today (China time,
-- UTC+8) that no consent on file lets go to the new holder (自然资规〔2023〕4号 二（五）3（3）, 001 L9610).
-- $1 text  block id;  $2 text  the new holder
-- One row per such mortgage: its document, the registry that recorded it and the mortgagee. A consent counts when it is
-- not withdrawn, was given by today and names no transferee or this one.
SELECT f.id, f.document_no, f.authority, f.beneficiary
FROM right_flags f
WHERE f.block_id = $1::text AND f.kind = 'mortgage' AND f.released_on IS NULL
  AND f.start_on <= ((now() AT TIME ZONE 'UTC') + interval '8 hours')::date
  AND (f.end_on IS NULL OR f.end_on >= ((now() AT TIME ZONE 'UTC') + interval '8 hours')::date)
  AND NOT EXISTS (
    SELECT 1 FROM right_flag_consents c
    WHERE c.flag_id = f.id AND c.withdrawn_at IS NULL
      AND c.given_on <= ((now() AT TIME ZONE 'UTC') + interval '8 hours')::date
      AND (c.transferee IS NULL OR c.transferee = $2::text)
  )
ORDER BY f.id

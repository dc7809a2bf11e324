-- payments_insert: $1 obligation id, $2 part (principal | late_fee), $3 day paid, $4 amount in 分, $5 receipt number,
-- $6 note, $7 recorded by (account name), $8 account id, $9 synthetic → the payment recorded.
INSERT INTO payments (obligation_id, part, paid_on, amount_fen, receipt_no, note, recorded_by, recorded_by_user_id, synthetic)
VALUES ($1, $2, $3::date, $4, $5, $6, $7, $8, COALESCE($9::boolean, false))
RETURNING id, obligation_id, part, paid_on::text AS paid_on, amount_fen, receipt_no, note, recorded_by,
          to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS recorded_at

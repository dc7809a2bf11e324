-- commitments_withdraw: take a commitment off record from now (it stays readable; checks "as at" earlier still see it).
-- $1 id, $2 withdrawn_by, $3 reason → the id, or no row when it is unknown or already withdrawn.
UPDATE redline_commitments SET withdrawn_at = clock_timestamp(), withdrawn_by = $2::text, withdrawn_reason = $3::text
WHERE id = $1::text AND withdrawn_at IS NULL
RETURNING id

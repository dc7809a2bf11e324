-- investments_insert: $1 jsonb array of {block_id, year, amount_cny} → rows upserted.
INSERT INTO investments (block_id, year, amount_cny)
SELECT r.block_id, r.year, r.amount_cny FROM jsonb_populate_recordset(NULL::investments, $1::jsonb) r
ON CONFLICT (block_id, year) DO UPDATE SET amount_cny = EXCLUDED.amount_cny
RETURNING block_id

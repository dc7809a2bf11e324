-- payment_obligations_insert: $1 jsonb array of {id, block_id, key, kind, period_from, period_to, due_date, amount_fen, rule,
-- citation, source, basis, synthetic}, $2 created_by → the obligations not yet issued, inserted; an obligation already on
-- record under the same (block_id, key) is kept as issued (ON CONFLICT DO NOTHING). Returns the keys inserted.
INSERT INTO payment_obligations (id, block_id, key, kind, period_from, period_to, due_date, amount_fen, rule, citation, source,
                                 basis, synthetic, created_by)
SELECT r.id, r.block_id, r.key, r.kind, r.period_from, r.period_to, r.due_date, r.amount_fen, r.rule, r.citation, r.source,
       r.basis, COALESCE(r.synthetic, false), $2::text
FROM jsonb_populate_recordset(NULL::payment_obligations, $1::jsonb) r
ON CONFLICT (block_id, key) DO NOTHING
RETURNING key

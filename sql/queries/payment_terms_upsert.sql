-- payment_terms_upsert: $1 jsonb {block_id, contract_doc, usage_fee_due_md, income_total_fen, income_first_ratio,
-- income_first_due, income_instalments, synthetic} → the block's payment terms, inserted or replaced; the row before (NULL
-- when new) and after, for the audit trail.
WITH before AS (SELECT to_jsonb(t) AS row FROM payment_terms t WHERE t.block_id = ($1::jsonb ->> 'block_id')),
up AS (
  INSERT INTO payment_terms (block_id, contract_doc, usage_fee_due_md, income_total_fen, income_first_ratio, income_first_due,
                             income_instalments, synthetic)
  SELECT r.block_id, r.contract_doc, r.usage_fee_due_md, r.income_total_fen, r.income_first_ratio, r.income_first_due,
         r.income_instalments, COALESCE(r.synthetic, false)
  FROM jsonb_populate_record(NULL::payment_terms, $1::jsonb) r
  ON CONFLICT (block_id) DO UPDATE SET contract_doc = EXCLUDED.contract_doc, usage_fee_due_md = EXCLUDED.usage_fee_due_md,
    income_total_fen = EXCLUDED.income_total_fen, income_first_ratio = EXCLUDED.income_first_ratio,
    income_first_due = EXCLUDED.income_first_due, income_instalments = EXCLUDED.income_instalments,
    synthetic = EXCLUDED.synthetic, updated_at = clock_timestamp()
  RETURNING *
)
SELECT (SELECT row FROM before) AS before, to_jsonb(up) AS after FROM up

-- block_terms_insert: $1 jsonb array of {block_id, covid_term_extension_doc, covid_investment_reduction_doc, contract_investment_cny_per_km2_year, …} → rows upserted.
INSERT INTO block_terms (block_id, covid_term_extension_doc, covid_investment_reduction_doc, added_to_right, contract_investment_cny_per_km2_year, contract_doc,
  committed_completion_ratio, contract_reduction_ratio, contract_refusal_completion_below,
  mining_registration_completed_date, synthetic)
SELECT r.block_id, r.covid_term_extension_doc, r.covid_investment_reduction_doc, r.added_to_right, r.contract_investment_cny_per_km2_year, r.contract_doc,
  r.committed_completion_ratio, r.contract_reduction_ratio, r.contract_refusal_completion_below,
  r.mining_registration_completed_date, COALESCE(r.synthetic, false)
FROM jsonb_populate_recordset(NULL::block_terms, $1::jsonb) r
ON CONFLICT (block_id) DO UPDATE SET covid_term_extension_doc = EXCLUDED.covid_term_extension_doc,
  covid_investment_reduction_doc = EXCLUDED.covid_investment_reduction_doc, added_to_right = EXCLUDED.added_to_right,
  contract_investment_cny_per_km2_year = EXCLUDED.contract_investment_cny_per_km2_year, contract_doc = EXCLUDED.contract_doc,
  committed_completion_ratio = EXCLUDED.committed_completion_ratio, contract_reduction_ratio = EXCLUDED.contract_reduction_ratio,
  contract_refusal_completion_below = EXCLUDED.contract_refusal_completion_below,
  mining_registration_completed_date = EXCLUDED.mining_registration_completed_date
RETURNING block_id

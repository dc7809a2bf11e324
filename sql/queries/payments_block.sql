-- payments_block: $1 block id → the register facts a payment schedule reads (dates as 'YYYY-MM-DD'; the licensed area on
-- record, else the geometry's ellipsoidal km²) and the contract's payment terms (payment_terms, 020; amounts in 分).
SELECT b.id, b.name, b.holder, b.authority, b.kind, b.mineral, b.status, b.acquisition_method,
       b.first_registration_date::text AS first_registration_date, b.valid_from::text AS valid_from, b.valid_to::text AS valid_to,
       COALESCE(b.licensed_area_km2, b.area_km2) AS area_km2,
       t.block_id IS NOT NULL AS has_terms, t.contract_doc, t.usage_fee_due_md, t.income_total_fen,
       t.income_first_ratio::float8 AS income_first_ratio, t.income_first_due::text AS income_first_due, t.income_instalments
FROM blocks b LEFT JOIN payment_terms t ON t.block_id = b.id
WHERE b.id = $1

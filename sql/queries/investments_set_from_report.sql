-- investments_set_from_report: the ledger's figure of (block, year) becomes the filing's ($4 report id), the one
-- figure every rule reads (the extension assessment's shortfall, the annual check, the abnormal list).
-- $1 block id, $2 year, $3 amount_cny, $4 report id.
INSERT INTO investments (block_id, year, amount_cny, report_id)
VALUES ($1::text, $2::integer, $3::double precision, $4::bigint)
ON CONFLICT (block_id, year) DO UPDATE SET amount_cny = EXCLUDED.amount_cny, report_id = EXCLUDED.report_id

-- investment_ledger: $1 block id → the block's ledger by calendar year: the figure (investments, 002), the filing it
-- comes from (NULL: imported with the register) and the day (China, UTC+8) the year was first filed.
SELECT i.year, i.amount_cny, i.report_id::text AS report_id,
       (SELECT to_char((min(r.submitted_at) AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM-DD')
          FROM investment_reports r WHERE r.block_id = i.block_id AND r.year = i.year) AS first_filed_on
FROM investments i
WHERE i.block_id = $1
ORDER BY i.year

-- abnormal_investment_standing: the CBM exploration rights that owed a minimum exploration investment in calendar
-- year $1 (first registered before its end, not ended before its start, not cancelled), issued by authority $2 or any
-- authority under it (NULL: every authority), with the year's figure in the ledger (NULL: none), the filing it came
-- from and the day (China, UTC+8) the year was first filed.
WITH RECURSIVE sub AS (
  SELECT name FROM authorities WHERE name = $2::text
  UNION ALL
  SELECT au.name FROM authorities au JOIN sub ON au.parent = sub.name
)
SELECT b.id, b.name, b.holder, b.authority, b.status,
       b.first_registration_date::text AS first_registration_date, b.valid_to::text AS valid_to,
       b.area_km2, b.licensed_area_km2, t.contract_investment_cny_per_km2_year,
       i.amount_cny, i.report_id::text AS report_id,
       (SELECT to_char((min(r.submitted_at) AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM-DD')
          FROM investment_reports r WHERE r.block_id = b.id AND r.year = $1::integer) AS first_filed_on
FROM blocks b
LEFT JOIN block_terms t ON t.block_id = b.id
LEFT JOIN investments i ON i.block_id = b.id AND i.year = $1::integer
WHERE b.kind = 'exploration' AND b.mineral = 'cbm' AND b.status <> 'cancelled'
  AND b.first_registration_date IS NOT NULL
  AND b.first_registration_date < make_date($1::integer + 1, 1, 1)
  AND (b.valid_to IS NULL OR b.valid_to > make_date($1::integer, 1, 1))
  AND ($2::text IS NULL OR b.authority IN (SELECT name FROM sub))
ORDER BY b.holder, b.id

-- lifecycle_investments: $1 block id → yearly exploration investment actually made (calendar year, CNY).
SELECT year, amount_cny FROM investments WHERE block_id = $1 ORDER BY year

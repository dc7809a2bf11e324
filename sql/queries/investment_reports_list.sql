-- investment_reports_list: $1 block id → every filing of the block, newest year first, newest revision first
-- (a resubmission keeps the earlier revisions).
SELECT id::text AS id, block_id, year, revision, amount_cny, physical_and_research_cny, breakdown, note, document_no,
       submitted_by, role, to_char(submitted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS submitted_at, synthetic
FROM investment_reports
WHERE block_id = $1
ORDER BY year DESC, revision DESC

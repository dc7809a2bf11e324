-- block_history: $1 block id → its earlier versions (valid-time history), oldest first, with when each was
-- in force (sys_period) and the facts a dossier lists; the current version is read with lifecycle_block.
SELECT name, licence_no, holder, kind, mineral, status, valid_from, valid_to, extensions_used, area_km2,
       lower(sys_period) AS recorded_from, upper(sys_period) AS recorded_to
FROM blocks_history
WHERE id = $1::text
ORDER BY lower(sys_period), upper(sys_period)

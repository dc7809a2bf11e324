-- offsets_for_block: $1 block id → offset ledger entries where the block gives (from) or receives (to) area.
SELECT id::text AS id, from_block, to_block, area_km2, offset_date::text AS date, from_block_area_before_km2, note,
       regime, receiver_credit_km2
FROM offsets WHERE from_block = $1 OR to_block = $1 ORDER BY offset_date, id

-- auth_well_block: $1 well id → the block it belongs to (may be null), with the block's holder and authority.
SELECT w.block_id, b.holder, b.authority FROM wells w LEFT JOIN blocks b ON b.id = w.block_id WHERE w.id = $1

-- investment_block_lock: $1 block id → the block row locked for the filing transaction (one revision number at a time).
SELECT id FROM blocks WHERE id = $1 FOR UPDATE

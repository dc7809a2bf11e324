-- auth_reserve_block: $1 reserve id → the block it belongs to, with the block's holder and authority.
SELECT r.block_id, b.holder, b.authority FROM reserves r LEFT JOIN blocks b ON b.id = r.block_id WHERE r.id = $1

-- block_mineral: $1 block id → its kind and mineral, or no row.
SELECT id, kind, mineral FROM blocks WHERE id = $1::text

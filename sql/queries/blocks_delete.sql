-- blocks_delete: $1 id, $2 the version the writer saw (If-Match) → the deleted id, or no row when the item has
-- changed since or is gone. The previous version goes to blocks_history (trigger, 012).
DELETE FROM blocks WHERE id = $1 AND version = $2::bigint RETURNING id

-- blocks_delete: $1 id → the deleted id, or no row.
DELETE FROM blocks WHERE id = $1 RETURNING id

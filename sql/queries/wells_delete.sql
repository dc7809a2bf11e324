-- wells_delete: $1 id → the deleted id, or no row.
DELETE FROM wells WHERE id = $1 RETURNING id

-- redlines_delete: $1 id → the deleted id, or no row.
DELETE FROM redlines WHERE id = $1 RETURNING id

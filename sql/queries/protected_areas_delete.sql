-- protected_areas_delete: $1 id → the deleted id, or no row.
DELETE FROM protected_areas WHERE id = $1 RETURNING id

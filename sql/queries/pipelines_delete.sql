-- pipelines_delete: $1 id, $2 the version the writer saw (If-Match) → the deleted id, or no row when the item has
-- changed since or is gone. The previous version goes to pipelines_history (trigger, 012).
DELETE FROM pipelines WHERE id = $1 AND version = $2::bigint RETURNING id

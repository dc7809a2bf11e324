-- sessions_delete: $1 id_hash (sign-out).
DELETE FROM sessions WHERE id_hash = $1

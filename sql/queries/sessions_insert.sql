-- sessions_insert: $1 id_hash (SHA-256 of the cookie value), $2 account_id, $3 csrf_token, $4 lifetime in seconds → expires_at.
INSERT INTO sessions (id_hash, account_id, csrf_token, expires_at)
VALUES ($1, $2, $3, now() + make_interval(secs => $4))
RETURNING expires_at

-- tokens_insert: $1 account_id, $2 name, $3 token_hash (SHA-256), $4 prefix (for display), $5 expires_at or null.
INSERT INTO api_tokens (account_id, name, token_hash, prefix, expires_at)
VALUES ($1, $2, $3, $4, $5::timestamptz)
RETURNING id, name, prefix, created_at, expires_at

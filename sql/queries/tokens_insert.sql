-- tokens_insert: $1 account_id, $2 name, $3 token_hash (SHA-256), $4 prefix (for display), $5 expires_at or null,
-- $6 scope ('read' | 'write', 014).
INSERT INTO api_tokens (account_id, name, token_hash, prefix, expires_at, scope)
VALUES ($1, $2, $3, $4, $5::timestamptz, $6)
RETURNING id, name, prefix, scope, created_at, expires_at

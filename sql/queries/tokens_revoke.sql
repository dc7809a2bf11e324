-- tokens_revoke: $1 token id, $2 account_id (only the owner's own) → the revoked token.
UPDATE api_tokens SET revoked_at = COALESCE(revoked_at, now())
WHERE id = $1 AND account_id = $2
RETURNING id, name, prefix, created_at, expires_at, revoked_at

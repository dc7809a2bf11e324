-- tokens_list: $1 account_id → the account's tokens (never the token or its hash), newest first, with their scope (014).
SELECT id, name, prefix, scope, created_at, expires_at, last_used_at, revoked_at
FROM api_tokens WHERE account_id = $1 ORDER BY created_at DESC, id DESC

-- tokens_lookup: $1 token_hash → the live token's (enabled) account and the token's scope (014); records the use.
UPDATE api_tokens t SET last_used_at = now()
FROM accounts a
WHERE t.token_hash = $1 AND a.id = t.account_id AND t.revoked_at IS NULL
  AND (t.expires_at IS NULL OR t.expires_at > now()) AND NOT a.disabled
RETURNING t.id AS token_id, t.scope, a.id, a.username, a.display_name, a.role, a.holders, a.authority

-- sessions_lookup: $1 id_hash → the live session's csrf token and its (enabled) account.
SELECT s.csrf_token, s.expires_at, a.id, a.username, a.display_name, a.role, a.holders, a.authority
FROM sessions s JOIN accounts a ON a.id = s.account_id
WHERE s.id_hash = $1 AND s.expires_at > now() AND NOT a.disabled

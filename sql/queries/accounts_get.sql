-- accounts_get: $1 id → the account without its password hash.
SELECT id, username, display_name, role, holders, authority, disabled, created_at, updated_at
FROM accounts WHERE id = $1

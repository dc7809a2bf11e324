-- accounts_get_for_update: $1 id → the account (without hash), row locked for the rest of the transaction.
SELECT id, username, display_name, role, holders, authority, disabled, created_at, updated_at
FROM accounts WHERE id = $1 FOR UPDATE

-- accounts_by_username: $1 username → the account with its password hash (sign-in only).
SELECT id, username, display_name, role, holders, authority, password_hash, disabled
FROM accounts WHERE username = $1

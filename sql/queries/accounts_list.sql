-- accounts_list: every account without password hashes, by name.
SELECT id, username, display_name, role, holders, authority, disabled, created_at, updated_at
FROM accounts ORDER BY username

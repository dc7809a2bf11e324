-- accounts_insert: $1 username, $2 display_name, $3 role, $4 holders (jsonb array of text), $5 authority, $6 password_hash
-- → the new account without its hash.
INSERT INTO accounts (username, display_name, role, holders, authority, password_hash)
VALUES ($1, $2, $3, ARRAY(SELECT jsonb_array_elements_text($4::jsonb)), $5, $6)
RETURNING id, username, display_name, role, holders, authority, disabled, created_at, updated_at

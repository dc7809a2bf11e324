-- accounts_update: $1 id; each of $2 display_name, $3 role, $4 holders (jsonb array), $6 disabled, $7 password_hash
-- changes the account when not null; $5 authority is applied when $8 (set_authority) is true (null clears it).
-- Locks the row (FOR UPDATE semantics of UPDATE) and returns the account without its hash.
UPDATE accounts SET
  display_name  = COALESCE($2, display_name),
  role          = COALESCE($3, role),
  holders       = CASE WHEN $4::jsonb IS NULL THEN holders ELSE ARRAY(SELECT jsonb_array_elements_text($4::jsonb)) END,
  authority     = CASE WHEN $8::boolean THEN $5 ELSE authority END,
  disabled      = COALESCE($6, disabled),
  password_hash = COALESCE($7, password_hash),
  updated_at    = now()
WHERE id = $1
RETURNING id, username, display_name, role, holders, authority, disabled, created_at, updated_at

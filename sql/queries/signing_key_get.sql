-- signing_key_get: the demo signing key generated earlier (the oldest one), if any.
SELECT id, private_pem, public_pem FROM signing_keys ORDER BY created_at, id LIMIT 1

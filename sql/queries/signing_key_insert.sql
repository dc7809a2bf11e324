-- signing_key_insert: $1 key id, $2 PKCS#8 private key PEM, $3 SPKI public key PEM (demo key only). Keeps the first one.
INSERT INTO signing_keys (id, private_pem, public_pem) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING

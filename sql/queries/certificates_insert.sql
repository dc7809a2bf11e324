-- certificates_insert: $1 id, $2 kind, $3 issued_at, $4 record (canonical JSON text, as signed), $5 signature (base64), $6 key id.
INSERT INTO certificates (id, kind, issued_at, record, signature, key_id)
VALUES ($1, $2, $3::timestamptz, $4, $5, $6)

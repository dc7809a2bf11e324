-- certificates_get: $1 certificate id → the signed record as stored (record text exactly as signed).
SELECT id, kind, issued_at, record, signature, key_id FROM certificates WHERE id = $1::text

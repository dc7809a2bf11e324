-- checks_get: $1 check id → the check's certificate (record text as signed, signature, key id).
SELECT k.id AS check_id, c.id, c.kind, c.issued_at, c.record, c.signature, c.key_id
FROM checks k JOIN certificates c ON c.id = k.certificate_id
WHERE k.id = $1::text

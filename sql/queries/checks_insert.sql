-- checks_insert: $1 check id, $2 certificate id (inserted first, in the same transaction).
INSERT INTO checks (id, certificate_id) VALUES ($1, $2)

-- audit_insert: $1 actor, $2 actor_user_id, $3 role, $4 via, $5 operation, $6 collection, $7 item_id,
-- $8 before (jsonb text), $9 after (jsonb text), $10 request_id → id, at.
INSERT INTO audit_log (actor, actor_user_id, role, via, operation, collection, item_id, before, after, request_id)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb, $10)
RETURNING id::text AS id, at

-- application_steps_insert: one step of an application's own list (016). $1 application id, $2 action, $3 from_state,
-- $4 to_state, $5 actor (account name), $6 actor_user_id, $7 role, $8 reason, $9 document_no, $10 effect (jsonb text)
-- → id, at.
INSERT INTO application_steps (application_id, action, from_state, to_state, actor, actor_user_id, role, reason, document_no, effect)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb)
RETURNING id::text AS id, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at

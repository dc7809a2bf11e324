-- application_steps_list: $1 application id → its steps, oldest first.
SELECT id::text AS id, action, from_state, to_state, actor, role, reason, document_no, effect,
       to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at
FROM application_steps
WHERE application_id = $1
ORDER BY application_steps.id

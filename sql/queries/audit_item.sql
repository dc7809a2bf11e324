-- audit_item: $1 collection, $2 item id → the audit rows of one item, oldest first: who (actor, role), what
-- (operation), when (at) and which item version the write produced (after.version) or removed (before.version).
-- The history endpoint joins them to the item's versions.
SELECT id::text AS id, at, actor, role, operation, request_id,
       after ->> 'version' AS after_version, before ->> 'version' AS before_version
FROM audit_log
WHERE collection = $1::text AND item_id = $2::text
ORDER BY at, id

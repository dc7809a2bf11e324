-- audit_list: the audit trail, newest first, paged. $1 collection, $2 item id, $3 actor, $4 since (timestamptz,
-- inclusive), each NULL for "any"; $5 limit; $6 offset. Returns matched (the count before paging) on every row.
SELECT count(*) OVER () AS matched, id::text AS id, at, actor, actor_user_id::text AS actor_user_id, role, via, operation,
       collection, item_id, before, after, request_id
FROM audit_log
WHERE ($1::text IS NULL OR collection = $1::text)
  AND ($2::text IS NULL OR item_id = $2::text)
  AND ($3::text IS NULL OR actor = $3::text)
  AND ($4::timestamptz IS NULL OR at >= $4::timestamptz)
ORDER BY at DESC, id DESC
LIMIT $5 OFFSET $6

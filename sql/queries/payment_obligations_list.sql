-- payment_obligations_list: the obligations on record with their payments (payments as a jsonb array, oldest first), and the
-- block each belongs to (name, holder, authority).
--   $1 block id (NULL: any block)
--   $2 due on or before this day (NULL: any due date, and obligations without one)
--   $3 authority (NULL: any; else that authority and every authority under it, table authorities)
--   $4 holders (text[]; NULL: any — a holder's calendar passes its organisations)
--   $5 kinds (text[]; NULL: any)
--   $6 as-at day: with $2 given, only obligations whose principal is not paid in full by then (the open ones)
-- Dates as 'YYYY-MM-DD', amounts in 分 (bigint). Ordered by due date (none last), block, key.
WITH RECURSIVE sub AS (
  SELECT name FROM authorities WHERE name = $3::text
  UNION ALL
  SELECT au.name FROM authorities au JOIN sub ON au.parent = sub.name
)
SELECT o.id, o.block_id, o.key, o.kind, o.period_from::text AS period_from, o.period_to::text AS period_to,
       o.due_date::text AS due_date, o.amount_fen, o.rule, o.citation, o.source, o.basis,
       b.name AS block_name, b.holder, b.authority,
       COALESCE((SELECT jsonb_agg(jsonb_build_object('id', p.id, 'part', p.part, 'paid_on', p.paid_on::text,
                                                     'amount_fen', p.amount_fen, 'receipt_no', p.receipt_no, 'note', p.note,
                                                     'recorded_by', p.recorded_by,
                                                     'recorded_at', to_char(p.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
                                  ORDER BY p.paid_on, p.id)
                 FROM payments p WHERE p.obligation_id = o.id), '[]'::jsonb) AS payments
FROM payment_obligations o JOIN blocks b ON b.id = o.block_id
WHERE ($1::text IS NULL OR o.block_id = $1::text)
  AND ($2::date IS NULL OR o.due_date <= $2::date)
  AND ($3::text IS NULL OR b.authority IN (SELECT name FROM sub))
  AND ($4::text[] IS NULL OR b.holder = ANY ($4::text[]))
  AND ($5::text[] IS NULL OR o.kind = ANY ($5::text[]))
  AND ($2::date IS NULL OR o.amount_fen > COALESCE((SELECT sum(p.amount_fen) FROM payments p
                                                    WHERE p.obligation_id = o.id AND p.part = 'principal'
                                                      AND p.paid_on <= $6::date), 0))
ORDER BY o.due_date NULLS LAST, o.block_id, o.key

-- payment_obligation_lock: $1 obligation id → the obligation (amount in 分, due date) and its block's holder and authority,
-- locked for the payment being recorded (FOR UPDATE: two payments against one obligation are checked one after the other).
SELECT o.id, o.block_id, o.key, o.kind, o.amount_fen, o.due_date::text AS due_date, b.holder, b.authority
FROM payment_obligations o JOIN blocks b ON b.id = o.block_id
WHERE o.id = $1
FOR UPDATE OF o

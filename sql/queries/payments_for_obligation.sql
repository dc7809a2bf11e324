-- payments_for_obligation: $1 obligation id → its payments (part, day paid as 'YYYY-MM-DD', amount in 分), oldest first.
SELECT p.id, p.part, p.paid_on::text AS paid_on, p.amount_fen
FROM payments p WHERE p.obligation_id = $1
ORDER BY p.paid_on, p.id

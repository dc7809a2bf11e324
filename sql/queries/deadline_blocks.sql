-- deadline_blocks: every right still alive (not expired or cancelled) with the dates the deadline rules need.
SELECT b.id, b.name, b.licence_no, b.holder, b.kind, b.mineral, b.status, b.first_registration_date,
       b.valid_from, b.valid_to, b.extensions_used, b.basin, b.province_registered,
       (SELECT min(r.submitted_date) FROM reserves r WHERE r.block_id = b.id AND r.kind = 'proven') AS proven_submitted_date
FROM blocks b
WHERE b.status NOT IN ('expired', 'cancelled') AND b.valid_to IS NOT NULL AND b.valid_from IS NOT NULL
  AND b.first_registration_date IS NOT NULL
ORDER BY b.valid_to

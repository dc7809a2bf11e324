-- offsets_insert: $1 from_block, $2 to_block, $3 area_km2, $4 offset_date, $5 from block's licensed area before (km²),
-- $6 note, $7 regime the offset was checked under, $8 credit given to the receiving block (km²) → id.
INSERT INTO offsets (from_block, to_block, area_km2, offset_date, from_block_area_before_km2, note, regime, receiver_credit_km2)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
RETURNING id::text AS id

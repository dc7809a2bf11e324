-- offsets_insert: $1 from_block, $2 to_block, $3 area_km2, $4 offset_date, $5 from block's area before (km²), $6 note → id.
INSERT INTO offsets (from_block, to_block, area_km2, offset_date, from_block_area_before_km2, note)
VALUES ($1, $2, $3, $4, $5, $6)
RETURNING id::text AS id

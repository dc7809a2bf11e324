-- blocks_set_licensed_area: $1 block id, $2 area given up (km²), $3 proven-reserve area inside the block (km²)
-- → the change registration of area only (offset, 晋自然资发〔2020〕11号 四（二）1): the licensed area on record
-- (NULL = the geometry's area) is reduced by $2, unless that would leave less than the proven area (no row then).
-- The previous version goes to blocks_history (trigger, 003); the geometry is redrawn when the extent is surveyed.
UPDATE blocks SET licensed_area_km2 = COALESCE(licensed_area_km2, area_km2) - $2
WHERE id = $1 AND COALESCE(licensed_area_km2, area_km2) - $2 >= $3 - 1e-9
RETURNING id, licensed_area_km2

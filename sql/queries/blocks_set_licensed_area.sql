-- blocks_set_licensed_area: $1 block id, $2 new licensed area (km²) → the change registration of area only
-- (offset, 晋自然资发〔2020〕11号 四（二）1). The previous version goes to blocks_history (trigger, 003).
UPDATE blocks SET licensed_area_km2 = $2 WHERE id = $1
RETURNING id, licensed_area_km2

-- blocks_set_licensed_area: $1 block id, $2 area given up (km²), $3 proven-reserve area inside the block (km²)
-- → the change registration of area only (offset, 晋自然资发〔2020〕11号 四（二）1): the licensed area on record
-- (NULL = the geometry's area) is reduced by $2, unless that would leave less than the proven area (no row then).
-- The previous version goes to blocks_history (trigger, 003/012); the geometry is redrawn when the extent is surveyed.
-- Returns the new licensed area and the block's version before and after (the audit row of the block names both,
-- so its history shows who made the change).
UPDATE blocks b SET licensed_area_km2 = COALESCE(b.licensed_area_km2, b.area_km2) - $2
FROM (SELECT id, version, COALESCE(licensed_area_km2, area_km2) AS area FROM blocks WHERE id = $1 FOR UPDATE) o
WHERE b.id = o.id AND o.area - $2 >= $3 - 1e-9
RETURNING b.id, b.licensed_area_km2, o.area AS licensed_area_before_km2, o.version::text AS before_version, b.version::text AS after_version

-- protected_area_scope: $1 protected area id → its category and zone (what a commitment over it would be), or no row.
SELECT id, category, zone FROM protected_areas WHERE id = $1::text

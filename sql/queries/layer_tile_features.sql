-- layer_tile_features: $1 layer, $2 z, $3 x, $4 y → (id, props jsonb, geometry GeoJSON text, 7 decimals).
-- Used by the embedded engine, which builds the MVT in TypeScript (no ST_AsMVT there).
SELECT f.id, f.props, ST_AsGeoJSON(f.geom, 7) AS geometry FROM kq_tile_features($1, $2, $3, $4) f

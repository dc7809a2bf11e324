-- layer_tile_mvt: $1 layer, $2 z, $3 x, $4 y → the MVT bytes (PostGIS only; see sql/functions/tile_mvt.sql).
-- Sent as a prepared statement (server/db/sql-files.ts isPrepared): parsed and planned once per connection.
-- prepared
-- The blocks tile also carries the 'block-labels' layer (one label point per block).
SELECT CASE WHEN $1::text = 'blocks' THEN kq_tile_blocks($2, $3, $4) ELSE kq_tile_mvt($1, $2, $3, $4) END AS mvt

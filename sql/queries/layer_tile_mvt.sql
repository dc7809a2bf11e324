-- layer_tile_mvt: $1 layer, $2 z, $3 x, $4 y → the MVT bytes (PostGIS only; see sql/functions/tile_mvt.sql).
SELECT kq_tile_mvt($1, $2, $3, $4) AS mvt

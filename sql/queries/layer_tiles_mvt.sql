-- layer_tiles_mvt: several tiles in one statement (server/tiles/batch.ts, issue 17): the statement's own cost (round
-- trip, parse, plan of the tile functions' bodies) is paid once for all of them. $1 layers, $2 z, $3 x, $4 y: arrays
-- of one length → (i, mvt), i the tile's 1-based position in the arrays; mvt as layer_tile_mvt answers it.
-- Sent as a prepared statement (server/db/sql-files.ts isPrepared): parsed and planned once per connection.
-- prepared
SELECT t.i::int AS i,
  CASE WHEN t.layer = 'blocks' THEN kq_tile_blocks(t.z, t.x, t.y) ELSE kq_tile_mvt(t.layer, t.z, t.x, t.y) END AS mvt
FROM unnest($1::text[], $2::int[], $3::int[], $4::int[]) WITH ORDINALITY AS t(layer, z, x, y, i)

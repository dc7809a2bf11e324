/** Vector tiles (Mapbox Vector Tile 2.1) and TileJSON 3.0.0 per layer. */
import { z } from 'zod';
import { defineRoute } from './define';

const layer = z.string().describe('tile layer (a collection id)');

export const TileParams = z
  .object({ layer, z: z.coerce.number().int().min(0).max(22), x: z.coerce.number().int().min(0), y: z.coerce.number().int().min(0) })
  .refine((t) => t.x < 2 ** t.z && t.y < 2 ** t.z, { message: 'x and y must be below 2^z', path: ['x'] });

/** TileJSON 3.0.0; `vector_layers[].fields` give each attribute's type as the tiles carry it. */
export const TileJson = z
  .object({
    tilejson: z.literal('3.0.0'),
    name: z.string(),
    description: z.string(),
    tiles: z.array(z.string()).min(1),
    minzoom: z.number().int(),
    maxzoom: z.number().int(),
    bounds: z.array(z.number()).length(4),
    center: z.array(z.number()).length(3),
    attribution: z.string(),
    vector_layers: z.array(z.object({ id: z.string(), fields: z.record(z.string(), z.enum(['String', 'Number', 'Boolean'])) })),
  })
  .meta({ id: 'TileJSON' });

const tiles = ['Vector tiles'] as const;

export const tileRoutes = {
  tileJson: defineRoute({
    method: 'get',
    path: '/tiles/:layer.json',
    summary: 'TileJSON 3.0 of a layer',
    tags: tiles,
    params: z.object({ layer }),
    responses: { 200: { description: 'TileJSON', json: TileJson } },
    errors: { 404: ['NOT_FOUND'] },
  }),
  tile: defineRoute({
    method: 'get',
    path: '/tiles/:layer/:z/:x/:y.mvt',
    summary: 'Mapbox vector tile (204 when empty; ETag, 304 on If-None-Match)',
    tags: tiles,
    params: TileParams,
    badInput: 'INVALID_TILE',
    responses: {
      200: { description: 'the tile', binary: ['application/vnd.mapbox-vector-tile'] },
      204: { description: 'empty tile' },
      304: { description: 'not modified (If-None-Match matched the ETag)' },
    },
    errors: { 404: ['NOT_FOUND'], 422: ['INVALID_TILE'] },
  }),
};

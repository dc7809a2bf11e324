import { notFound } from '../errors';
import { implement, originOf } from '../http/contract-route';
import { COLLECTIONS } from '../features/collections';
import { TILE_FIELDS } from './fields';
import { TILE_EXTRA_LAYERS, TILE_LAYERS, TileService, type TileDeps } from './service';

/**
 * `/tiles/{layer}/{z}/{x}/{y}.mvt` and TileJSON 3.0 at `/tiles/{layer}.json`. Most tile requests are answered by the
 * tile lane in front of express (server/tiles/lane.ts) from the same TileService; this route takes the rest (HEAD, a
 * query string, a malformed path, versions not read yet) and states the contract.
 */
export function tileRoutes(deps: TileDeps, service = new TileService(deps)) {
  return implement({
    tileJson: {
      handler: ({ params, req }) => {
        const layer = params.layer;
        if (!TILE_LAYERS.includes(layer)) throw notFound('tile layer', layer);
        const c = COLLECTIONS.find((k) => k.id === layer)!;
        return {
          status: 200,
          headers: { 'Cache-Control': 'public, max-age=300' },
          body: {
            tilejson: '3.0.0' as const,
            name: c.titleZh,
            description: c.title,
            tiles: [`${originOf(req)}/tiles/${layer}/{z}/{x}/{y}.mvt`],
            minzoom: 0,
            maxzoom: 16,
            bounds: [110.0, 34.4, 114.8, 40.9],
            center: [112.5, 36.5, 7],
            attribution: '矿权一张图 · 演示数据为合成数据 (synthetic demo data)',
            vector_layers: [layer, ...(TILE_EXTRA_LAYERS[layer] ?? [])].map((id) => ({ id, fields: TILE_FIELDS[id] ?? {} })),
          },
        };
      },
    },
    tile: {
      handler: async ({ params: p, req }) => {
        if (!TileService.known(p.layer)) throw notFound('tile layer', p.layer);
        // without the cache, the compress middleware compresses the answer
        const a = await service.answer({ ...p, ifNoneMatch: req.get('if-none-match'), acceptEncoding: req.get('accept-encoding') });
        const { 'Content-Type': contentType, ...headers } = a.headers;
        if (a.status !== 200) return { status: a.status, headers };
        return { status: 200, headers, file: { buffer: a.body!, contentType: contentType! } };
      },
    },
  });
}

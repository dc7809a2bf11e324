import { Router } from 'express';
import { z } from 'zod';
import type { Db } from '../db';
import { notFound } from '../errors';
import { route } from '../http/async';
import { publicOrigin } from '../http/public-url';
import { fromZod } from '../http/error-middleware';
import { COLLECTIONS } from '../features/collections';
import { mvtFromRows, type TileRow } from './mvt-from-rows';
import { type DataVersions, TileCache } from './cache';

export const TILE_LAYERS = COLLECTIONS.filter((c) => c.tiles).map((c) => c.id);

const TileParams = z
  .object({ z: z.coerce.number().int().min(0).max(22), x: z.coerce.number().int().min(0), y: z.coerce.number().int().min(0) })
  .refine((t) => t.x < 2 ** t.z && t.y < 2 ** t.z, { message: 'x and y must be below 2^z' });

export interface TileDeps {
  db: Db;
  /** each layer's data version as the database holds it; tiles carry it in their ETag so a write invalidates caches */
  versions: DataVersions;
  /** rendered tiles by layer, version and z/x/y (undefined: no cache) */
  cache?: TileCache;
}

/** Fetch one tile's MVT bytes from either engine (SQL function on PostGIS; TypeScript on the embedded engine). */
export async function renderTile(db: Db, layer: string, z: number, x: number, y: number): Promise<Buffer> {
  if (db.engine === 'postgis') {
    const row = (await db.named<{ mvt: Buffer | null }>('layer_tile_mvt', [layer, z, x, y])).rows[0];
    return row?.mvt ? Buffer.from(row.mvt) : Buffer.alloc(0);
  }
  const rows = (await db.named<TileRow>('layer_tile_features', [layer, z, x, y])).rows;
  return mvtFromRows(layer, rows, z, x, y);
}

/** `/tiles/{layer}/{z}/{x}/{y}.mvt` and TileJSON 3.0 at `/tiles/{layer}.json`. */
export function tileRouter(deps: TileDeps): Router {
  const r = Router();

  r.get('/tiles/:layer.json', (req, res, next) => {
    const layer = String(req.params.layer);
    if (!TILE_LAYERS.includes(layer)) return next(notFound('tile layer', layer));
    const c = COLLECTIONS.find((k) => k.id === layer)!;
    const origin = publicOrigin(req);
    res.set('Cache-Control', 'public, max-age=300').json({
      tilejson: '3.0.0',
      name: c.titleZh,
      description: c.title,
      tiles: [`${origin}/tiles/${layer}/{z}/{x}/{y}.mvt`],
      minzoom: 0,
      maxzoom: 16,
      bounds: [110.0, 34.4, 114.8, 40.9],
      center: [112.5, 36.5, 7],
      attribution: '矿权一张图 · 演示数据为合成数据 (synthetic demo data)',
      vector_layers: [{ id: layer, fields: Object.fromEntries(Object.keys(c.properties.shape).map((k) => [k, 'String'])) }],
    });
  });

  r.get(
    '/tiles/:layer/:z/:x/:y.mvt',
    route(async (req, res) => {
      const layer = String(req.params.layer);
      if (!TILE_LAYERS.includes(layer)) throw notFound('tile layer', layer);
      const p = TileParams.safeParse(req.params);
      if (!p.success) throw fromZod(p.error, 'INVALID_TILE');
      const { z, x, y } = p.data;
      await deps.versions.settled();
      const version = deps.versions.of(layer);
      res.set('Cache-Control', 'public, max-age=60, stale-while-revalidate=600');
      // without a known version (never read yet) there is no ETag and no cache: never a stale tile
      const key = version === undefined ? undefined : TileCache.key(layer, version, z, x, y);
      if (version !== undefined) {
        const etag = `"${layer}-${version}-${z}-${x}-${y}"`;
        res.set('ETag', etag);
        if (req.get('if-none-match') === etag) {
          res.status(304).end();
          return;
        }
      }
      let buf = key ? deps.cache?.get(key) : undefined;
      res.set('X-Tile-Cache', buf ? 'hit' : 'miss');
      if (!buf) {
        buf = await renderTile(deps.db, layer, z, x, y);
        if (key) deps.cache?.set(key, buf);
      }
      if (buf.length === 0) {
        res.status(204).end();
        return;
      }
      res.type('application/vnd.mapbox-vector-tile').send(buf);
    }),
  );

  return r;
}

import type { Db } from '../db';
import { notFound } from '../errors';
import { implement, originOf } from '../http/contract-route';
import { COLLECTIONS } from '../features/collections';
import { TILE_FIELDS } from './fields';
import { mvtFromRows, type TileRow } from './mvt-from-rows';
import { type DataVersions, TileCache } from './cache';

export const TILE_LAYERS = COLLECTIONS.filter((c) => c.tiles).map((c) => c.id);

export interface TileDeps {
  db: Db;
  /** each layer's data version as the database holds it; tiles carry it in their ETag so a write invalidates caches */
  versions: DataVersions;
  /** rendered tiles by layer, version and z/x/y (undefined: no cache) */
  cache?: TileCache;
}

/** Layers served inside another layer's tile (kq_tile_blocks in sql/functions/tile_mvt.sql on PostGIS). */
export const TILE_EXTRA_LAYERS: Record<string, string[]> = { blocks: ['block-labels'] };

/** Fetch one tile's MVT bytes from either engine (SQL function on PostGIS; TypeScript on the embedded engine). */
export async function renderTile(db: Db, layer: string, z: number, x: number, y: number): Promise<Buffer> {
  if (db.engine === 'postgis') {
    const row = (await db.named<{ mvt: Buffer | null }>('layer_tile_mvt', [layer, z, x, y])).rows[0];
    return row?.mvt ? Buffer.from(row.mvt) : Buffer.alloc(0);
  }
  const rows = async (l: string) => (await db.named<TileRow>('layer_tile_features', [l, z, x, y])).rows;
  const layers: Record<string, TileRow[]> = { [layer]: await rows(layer) };
  for (const extra of TILE_EXTRA_LAYERS[layer] ?? []) layers[extra] = await rows(extra);
  return mvtFromRows(layers, z, x, y);
}

/** `/tiles/{layer}/{z}/{x}/{y}.mvt` and TileJSON 3.0 at `/tiles/{layer}.json`. */
export function tileRoutes(deps: TileDeps) {
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
        if (!TILE_LAYERS.includes(p.layer)) throw notFound('tile layer', p.layer);
        // a write by this process is re-read before its tiles are served (read-your-writes); others' within the poll
        await deps.versions.settled();
        // versions not read yet (first tiles after start, or the start-up read failed): read them now
        if (deps.versions.of(p.layer) === undefined) await deps.versions.refresh().catch(() => undefined);
        const version = deps.versions.of(p.layer);
        const headers: Record<string, string> = { 'Cache-Control': 'public, max-age=60, stale-while-revalidate=600' };
        // without a known version (never read yet) there is no ETag and no cache: never a stale tile
        const key = version === undefined ? undefined : TileCache.key(p.layer, version, p.z, p.x, p.y);
        if (version !== undefined) {
          headers.ETag = `"${p.layer}-${version}-${p.z}-${p.x}-${p.y}"`;
          if (req.get('if-none-match') === headers.ETag) return { status: 304, headers };
        }
        let buf = key ? deps.cache?.get(key) : undefined;
        headers['X-Tile-Cache'] = buf ? 'hit' : 'miss';
        if (!buf) {
          buf = await renderTile(deps.db, p.layer, p.z, p.x, p.y);
          if (key) deps.cache?.set(key, buf);
        }
        if (buf.length === 0) return { status: 204, headers };
        return { status: 200, headers, file: { buffer: buf, contentType: 'application/vnd.mapbox-vector-tile' } };
      },
    },
  });
}

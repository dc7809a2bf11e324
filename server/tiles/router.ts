import type { Db } from '../db';
import { notFound } from '../errors';
import { implement, originOf } from '../http/contract-route';
import { COLLECTIONS } from '../features/collections';
import { TILE_FIELDS } from './fields';
import { mvtFromRows, type TileRow } from './mvt-from-rows';
import { CachedTile, type DataVersions, TileCache } from './cache';
import { compressTile, pickEncoding } from './encoding';

export const TILE_LAYERS = COLLECTIONS.filter((c) => c.tiles).map((c) => c.id);

export interface TileDeps {
  db: Db;
  /** each layer's data version as the database holds it; tiles carry it in their ETag so a write invalidates caches */
  versions: DataVersions;
  /** rendered tiles by layer, version and z/x/y (undefined: no cache) */
  cache?: TileCache;
  /**
   * With a read replica: changes when reads move between replica and primary. A tile is cached only when its version
   * and its rendering were read in the same epoch (the same server), so a replica behind the primary never leaves an old
   * tile under a newer version.
   */
  epoch?: () => number;
}

/** Layers served inside another layer's tile (kq_tile_blocks in sql/functions/tile_mvt.sql on PostGIS). */
export const TILE_EXTRA_LAYERS: Record<string, string[]> = { blocks: ['block-labels'] };

const EMPTY = Buffer.alloc(0);

/** Fetch one tile's MVT bytes from either engine (SQL function on PostGIS; TypeScript on the embedded engine). */
export async function renderTile(db: Db, layer: string, z: number, x: number, y: number): Promise<Buffer> {
  if (db.engine === 'postgis') {
    const row = (await db.named<{ mvt: Buffer | null }>('layer_tile_mvt', [layer, z, x, y])).rows[0];
    // the driver's Buffer as it is: no copy
    return row?.mvt ?? EMPTY;
  }
  const rows = async (l: string) => (await db.named<TileRow>('layer_tile_features', [l, z, x, y])).rows;
  const layers: Record<string, TileRow[]> = { [layer]: await rows(layer) };
  for (const extra of TILE_EXTRA_LAYERS[layer] ?? []) layers[extra] = await rows(extra);
  return mvtFromRows(layers, z, x, y);
}

/** `/tiles/{layer}/{z}/{x}/{y}.mvt` and TileJSON 3.0 at `/tiles/{layer}.json`. */
export function tileRoutes(deps: TileDeps) {
  // tiles being rendered for the cache: requests for the same tile meanwhile wait for that one rendering
  const rendering = new Map<string, Promise<CachedTile>>();
  /** The tile rendered, and kept in the cache under `key` (when there is a cache and a key). */
  const render = (layer: string, z: number, x: number, y: number, key: string | undefined): Promise<CachedTile> => {
    const cache = deps.cache;
    if (!cache || !key) return renderTile(deps.db, layer, z, x, y).then((body) => new CachedTile(body));
    let p = rendering.get(key);
    if (!p) {
      const e0 = deps.epoch?.();
      p = renderTile(deps.db, layer, z, x, y)
        .then((body) =>
          deps.epoch && (deps.epoch() !== e0 || deps.versions.epochRead !== e0) ? new CachedTile(body) : cache.set(key, body),
        )
        .finally(() => rendering.delete(key));
      rendering.set(key, p);
    }
    return p;
  };
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
        // the versions are kept per table (migration 013): protected-areas is protected_areas there
        const table = COLLECTIONS.find((k) => k.id === p.layer)!.table;
        // versions not read yet (first tiles after start, or the start-up read failed): read them now
        if (deps.versions.of(table) === undefined) await deps.versions.refresh().catch(() => undefined);
        const version = deps.versions.of(table);
        const headers: Record<string, string> = { 'Cache-Control': 'public, max-age=60, stale-while-revalidate=600' };
        // without a known version (never read yet) there is no ETag and no cache: never a stale tile
        const key = version === undefined ? undefined : TileCache.key(p.layer, version, p.z, p.x, p.y);
        if (version !== undefined) {
          headers.ETag = `"${p.layer}-${version}-${p.z}-${p.x}-${p.y}"`;
          if (req.get('if-none-match') === headers.ETag) return { status: 304, headers };
        }
        const cached = key ? deps.cache?.get(key) : undefined;
        headers['X-Tile-Cache'] = cached ? 'hit' : 'miss';
        const tile = cached ?? (await render(p.layer, p.z, p.x, p.y, key));
        if (tile.body.length === 0) return { status: 204, headers };
        const file = (buffer: Buffer) => ({ buffer, contentType: 'application/vnd.mapbox-vector-tile' });
        // with the cache on, a tile goes out compressed from the copy kept beside it (compressed once); without it,
        // the compress middleware compresses each answer
        const enc = key && deps.cache ? pickEncoding(req.get('accept-encoding'), tile.body.length) : undefined;
        if (!enc || !key) return { status: 200, headers, file: file(tile.body) };
        let bytes = tile.encoded[enc];
        if (!bytes) {
          bytes = await compressTile(enc, tile.body);
          deps.cache?.addEncoding(key, tile, enc, bytes);
        }
        headers['Content-Encoding'] = enc;
        headers.Vary = 'Accept-Encoding';
        return { status: 200, headers, file: file(bytes) };
      },
    },
  });
}

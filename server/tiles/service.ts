/**
 * One tile's answer (issue 17), whichever way the request came in: the contract route (server/tiles/router.ts) and the
 * tile lane in front of express (server/tiles/lane.ts) both ask here, so ETag, 304, cache, empty tiles and codings are
 * decided once.
 */
import type { Db } from '../db';
import { COLLECTIONS } from '../features/collections';
import { mvtFromRows, type TileRow } from './mvt-from-rows';
import { CachedTile, type DataVersions, TileCache, type TileEncoding } from './cache';
import { compressTile, pickEncoding } from './encoding';
import { TileBatcher } from './batch';
import type { TileExtents } from './extents';

export const TILE_LAYERS = COLLECTIONS.filter((c) => c.tiles).map((c) => c.id);

/** Layers served inside another layer's tile (kq_tile_blocks in sql/functions/tile_mvt.sql on PostGIS). */
export const TILE_EXTRA_LAYERS: Record<string, string[]> = { blocks: ['block-labels'] };

/** The versions are kept per table (migration 013): protected-areas is protected_areas there. */
const TABLE_OF = new Map(COLLECTIONS.filter((c) => c.tiles).map((c) => [c.id, c.table]));

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
  /** PostGIS tile statements at once; tiles asked for meanwhile go together in the next (server/tiles/batch.ts) */
  statements?: number;
  /** the layers' row boxes, by data version: tiles known empty are answered without rendering (undefined: none) */
  extents?: TileExtents;
}

/** One tile's MVT bytes on the embedded engine (PostGIS renders them in SQL: server/tiles/batch.ts). */
async function renderEmbedded(db: Db, layer: string, z: number, x: number, y: number): Promise<Buffer> {
  const rows = async (l: string) => (await db.named<TileRow>('layer_tile_features', [l, z, x, y])).rows;
  const layers: Record<string, TileRow[]> = { [layer]: await rows(layer) };
  for (const extra of TILE_EXTRA_LAYERS[layer] ?? []) layers[extra] = await rows(extra);
  return mvtFromRows(layers, z, x, y);
}

export interface TileAsk {
  layer: string;
  z: number;
  x: number;
  y: number;
  ifNoneMatch?: string;
  acceptEncoding?: string;
  /**
   * Compress a tile rendered without the cache here (the lane); false leaves it to the compress middleware (the express
   * route). A cached tile is always sent from its compressed copy.
   */
  encodeUncached?: boolean;
}

export interface TileAnswer {
  status: 200 | 204 | 304;
  headers: Record<string, string>;
  body?: Buffer;
  /** the tile's ETag was known (its layer's version was read): false only before the versions are first read */
  versioned: boolean;
  /** `headerList` of this answer, for answers `answerNow` keeps and gives again (built once) */
  list?: readonly string[];
}

/** An answer's headers as one flat list (name, value, …), with Content-Length when it has a body. */
export function headerList(a: Pick<TileAnswer, 'headers' | 'body'>): string[] {
  const list: string[] = [];
  for (const k in a.headers) list.push(k, a.headers[k]);
  if (a.body) list.push('Content-Length', String(a.body.length));
  return list;
}

/** Every tile answer's caching (200, 204, 304). */
const TILE_HEADERS = { 'Cache-Control': 'public, max-age=60, stale-while-revalidate=600' } as const;
/** A tile with bytes: its type, and that the answer depends on Accept-Encoding whether or not this one is compressed. */
const FULL_TILE_HEADERS = { 'Content-Type': 'application/vnd.mapbox-vector-tile', Vary: 'Accept-Encoding' } as const;

/**
 * Whether an If-None-Match names this ETag (RFC 9110 §13.1.2: `*`, or a list compared weakly, W/ ignored), so the
 * answer is 304. The origin decides it whatever the request's Cache-Control says (that is addressed to caches).
 */
export function noneMatch(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const strong = etag.replace(/^W\//, '');
  return ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === strong);
}

/** The tile answers of one service instance: its cache, and the renderings under way that later askers wait for. */
export class TileService {
  private readonly rendering = new Map<string, Promise<CachedTile>>();
  /** the answers of cached tiles, by coding, as `answerNow` gives them (they go when their tile leaves the cache) */
  private readonly kept = new WeakMap<CachedTile, Partial<Record<TileEncoding | 'identity', TileAnswer>>>();
  /** PostGIS: cold tiles several to a statement */
  readonly batcher?: TileBatcher;
  constructor(readonly deps: TileDeps) {
    if (deps.db.engine === 'postgis') this.batcher = new TileBatcher(deps.db, deps.statements);
  }

  /** Fetch one tile's MVT bytes from either engine (SQL functions on PostGIS; TypeScript on the embedded engine). */
  private renderTile(layer: string, z: number, x: number, y: number): Promise<Buffer> {
    return this.batcher ? this.batcher.render(layer, z, x, y) : renderEmbedded(this.deps.db, layer, z, x, y);
  }

  static known(layer: string): boolean {
    return TABLE_OF.has(layer);
  }

  /** The tile rendered, and kept in the cache under `key` (when there is a cache and a key). */
  private render(layer: string, z: number, x: number, y: number, key: string | undefined): Promise<CachedTile> {
    const { cache, epoch, versions } = this.deps;
    if (!cache || !key) return this.renderTile(layer, z, x, y).then((body) => new CachedTile(body));
    let p = this.rendering.get(key);
    if (!p) {
      const e0 = epoch?.();
      p = this.renderTile(layer, z, x, y)
        .then((body) => (epoch && (epoch() !== e0 || versions.epochRead !== e0) ? new CachedTile(body) : cache.set(key, body)))
        .finally(() => this.rendering.delete(key));
      this.rendering.set(key, p);
    }
    return p;
  }

  /**
   * The answer when it needs neither SQL nor compression nor a wait — a 304, a tile in the cache in the coding asked
   * for, or a tile known empty — given in the same turn of the event loop (the tile lane's warm path); undefined: ask
   * `answer`. Same answer as `answer` would give.
   */
  answerNow(a: TileAsk): TileAnswer | undefined {
    const { versions, cache, extents } = this.deps;
    if (versions.pending) return undefined;
    const table = TABLE_OF.get(a.layer)!;
    const version = versions.of(table);
    if (version === undefined) return undefined;
    if (a.ifNoneMatch) {
      const etag = TileService.etag(a, version);
      if (noneMatch(a.ifNoneMatch, etag)) return { status: 304, headers: { ...TILE_HEADERS, ETag: etag }, versioned: true };
    }
    const tile = cache && this.cachedNow(a, version, cache);
    if (tile) return tile;
    // no row of this version comes near the tile: the empty tile its rendering would give, without rendering or caching it
    if (extents?.empty(table, version, a.z, a.x, a.y)) return TileService.knownEmpty(a, version);
    return undefined;
  }

  /** A cached tile's answer in the coding asked for (undefined: not cached, or not yet in that coding). */
  private cachedNow(a: TileAsk, version: string, cache: TileCache): TileAnswer | undefined {
    const key = TileCache.key(a.layer, version, a.z, a.x, a.y);
    const tile = cache.peek(key);
    if (!tile) return undefined;
    const enc = tile.body.length ? pickEncoding(a.acceptEncoding, tile.body.length) : undefined;
    const bytes = enc ? tile.encoded[enc] : tile.body;
    if (!bytes) return undefined;
    cache.used(key, tile);
    // the same answer every time this tile is asked for in this coding: built once, kept beside the tile
    let kept = this.kept.get(tile);
    if (!kept) this.kept.set(tile, (kept = {}));
    return (kept[enc ?? 'identity'] ??= TileService.hit(a, version, enc, bytes));
  }

  /** A cached tile's answer in a coding (its headers also as one list, Content-Length last: TileAnswer.list). */
  private static hit(a: TileAsk, version: string, enc: TileEncoding | undefined, bytes: Buffer): TileAnswer {
    const headers: Record<string, string> = { ...TILE_HEADERS, ETag: TileService.etag(a, version), 'X-Tile-Cache': 'hit' };
    if (bytes.length) {
      Object.assign(headers, FULL_TILE_HEADERS);
      if (enc) headers['Content-Encoding'] = enc;
    }
    const answer = {
      status: bytes.length ? (200 as const) : (204 as const),
      headers,
      body: bytes.length ? bytes : undefined,
      versioned: true,
    };
    return Object.freeze({ ...answer, list: headerList(answer) });
  }

  /** The answer to a tile known empty (server/tiles/extents.ts): a rendered empty tile's, marked `X-Tile-Cache: empty`. */
  private static knownEmpty(a: TileAsk, version: string): TileAnswer {
    // built as literals, not spread (most tiles a map asks for at high zooms come here): the same headers in the same order
    const etag = TileService.etag(a, version);
    const cc = TILE_HEADERS['Cache-Control'];
    return {
      status: 204,
      headers: { 'Cache-Control': cc, ETag: etag, 'X-Tile-Cache': 'empty' },
      versioned: true,
      list: ['Cache-Control', cc, 'ETag', etag, 'X-Tile-Cache', 'empty'],
    };
  }

  /** A tile's strong ETag: its layer, the layer's data version and z/x/y (one set of bytes: features in id order). */
  private static etag(a: { layer: string; z: number; x: number; y: number }, version: string): string {
    return `"${a.layer}-${version}-${a.z}-${a.x}-${a.y}"`;
  }

  /** A known layer's tile (the caller has checked the layer and z/x/y). */
  async answer(a: TileAsk): Promise<TileAnswer> {
    const { versions, cache } = this.deps;
    // a write by this process is re-read before its tiles are served (read-your-writes); others' within the poll
    await versions.settled();
    const table = TABLE_OF.get(a.layer)!;
    // versions not read yet (first tiles after start, or the start-up read failed): read them now
    if (versions.of(table) === undefined) await versions.refresh().catch(() => undefined);
    // a 304, a cached tile in the coding asked for, or a tile known empty: the answer the lane gives in the same turn
    const now = this.answerNow(a);
    if (now) return now;
    const version = versions.of(table);
    const headers: Record<string, string> = { ...TILE_HEADERS };
    // without a known version (never read yet) there is no ETag and no cache: never a stale tile
    const key = version === undefined ? undefined : TileCache.key(a.layer, version, a.z, a.x, a.y);
    if (version !== undefined) {
      headers.ETag = TileService.etag(a, version);
      // before rendering: a browser revalidating its tile costs no SQL
      if (noneMatch(a.ifNoneMatch, headers.ETag)) return { status: 304, headers, versioned: true };
    }
    const cached = key ? cache?.get(key) : undefined;
    headers['X-Tile-Cache'] = cached ? 'hit' : 'miss';
    const tile = cached ?? (await this.render(a.layer, a.z, a.x, a.y, key));
    const versioned = version !== undefined;
    if (tile.body.length === 0) return { status: 204, headers, versioned };
    Object.assign(headers, FULL_TILE_HEADERS);
    const kept = !!(key && cache);
    if (!kept && !a.encodeUncached) return { status: 200, headers, body: tile.body, versioned };
    const enc = pickEncoding(a.acceptEncoding, tile.body.length);
    if (!enc) return { status: 200, headers, body: tile.body, versioned };
    // a cached tile goes out from the compressed copy kept beside it (compressed once)
    let bytes = kept ? tile.encoded[enc] : undefined;
    if (!bytes) {
      bytes = await compressTile(enc, tile.body);
      if (kept) cache!.addEncoding(key!, tile, enc, bytes);
    }
    headers['Content-Encoding'] = enc;
    return { status: 200, headers, body: bytes, versioned };
  }
}

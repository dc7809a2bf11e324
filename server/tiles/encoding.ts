/**
 * Content coding of cached tiles (issue 17): a tile is compressed once, when first asked for in that coding, and the
 * compressed bytes are kept beside it in the cache, so a warm tile costs no compression. Same settings as the
 * compress middleware (server/http/compress.ts), which still handles tiles rendered without the cache.
 */
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { BROTLI_QUALITY, COMPRESS_THRESHOLD_BYTES, GZIP_LEVEL } from '../http/compress';
import type { TileEncoding } from './cache';

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * The coding to send a tile of `size` bytes in, from the request's Accept-Encoding: the one with the higher q, brotli
 * on a tie (as the compress middleware prefers), none when neither is accepted or the tile is below the threshold.
 * `q=0` refuses a coding; `*` stands for any not named.
 */
export function pickEncoding(acceptEncoding: string | undefined, size: number): TileEncoding | undefined {
  if (!acceptEncoding || size < COMPRESS_THRESHOLD_BYTES) return undefined;
  if (acceptEncoding.length > PICKED_CHARS) return preferred(acceptEncoding);
  let pick = picked.get(acceptEncoding);
  if (pick === undefined) {
    pick = preferred(acceptEncoding) ?? null;
    // a map's clients send a handful of distinct values; any number of odd ones cannot grow this without bound
    if (picked.size >= PICKED_MAX) picked.clear();
    picked.set(acceptEncoding, pick);
  }
  return pick ?? undefined;
}

/** The coding an Accept-Encoding value prefers, read once per distinct value (every warm tile asks: server/tiles/lane.ts). */
const picked = new Map<string, TileEncoding | null>();
const PICKED_MAX = 256;
/** Longer values (no browser sends one) are read every time rather than kept. */
const PICKED_CHARS = 128;

function preferred(acceptEncoding: string): TileEncoding | undefined {
  const q = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const qp = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const v = qp === undefined ? 1 : Number(qp.slice(2));
    q.set(name, Number.isFinite(v) ? v : 0);
  }
  const br = q.get('br') ?? q.get('*') ?? 0;
  const gz = q.get('gzip') ?? q.get('*') ?? 0;
  if (br <= 0 && gz <= 0) return undefined;
  return br >= gz ? 'br' : 'gzip';
}

/** `body` in the coding (brotli quality 4, gzip level 6), off the main thread. */
export function compressTile(encoding: TileEncoding, body: Buffer): Promise<Buffer> {
  return encoding === 'br'
    ? brotliAsync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } })
    : gzipAsync(body, { level: GZIP_LEVEL });
}

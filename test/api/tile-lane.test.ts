/**
 * Issue 17: tiles are answered by a lane in front of express (server/tiles/lane.ts). Its answers must be the express
 * route's to the byte and header: the same tile asked with a query string (which the lane leaves to express) is the
 * express route's answer, so the two are compared for every layer, for full and empty tiles, cold and cached, plain and
 * compressed, and for conditional requests.
 */
import { describe, expect, it } from 'vitest';
import { useTestServer } from '../helpers/server';
import { TILE_LAYERS } from '../../server/tiles/service';

const cold = useTestServer({ TILE_CACHE_MB: '0' });
const warm = useTestServer({ TILE_CACHE_MB: '64' });

// over 沁水 at z10 (full for most layers) and a tile in the sea (empty everywhere)
const TILES = ['10/832/408', '10/834/410', '8/208/100', '6/10/20'];

/**
 * Status, the headers that describe the answer, and the decoded body's bytes (a tile renders to the same bytes every
 * time: features in id order, test/api/tile-batch.test.ts). Framing is not compared: the lane sends a
 * Content-Length where express's compress middleware, declining to compress, sends a large tile chunked.
 */
async function answer(url: string, headers: Record<string, string>) {
  const r = await fetch(url, { headers });
  // fetch decodes a br or gzip body itself
  const body = Buffer.from(await r.arrayBuffer());
  const enc = r.headers.get('content-encoding');
  const h = Object.fromEntries(
    [...r.headers].filter(
      ([k]) => !['date', 'ratelimit', 'x-tile-cache', 'content-length', 'transfer-encoding', 'keep-alive', 'connection'].includes(k),
    ),
  );
  return { status: r.status, headers: h, body: body.toString('base64'), rate: r.headers.get('ratelimit'), enc };
}

const VARIANTS: Record<string, (etag: string) => Record<string, string>> = {
  plain: () => ({}),
  brotli: () => ({ 'accept-encoding': 'gzip, deflate, br' }),
  gzip: () => ({ 'accept-encoding': 'gzip' }),
  'if-none-match': (etag) => ({ 'if-none-match': etag }),
  'if-none-match, weak and listed': (etag) => ({ 'if-none-match': `"other", W/${etag}` }),
  'if-none-match, any': () => ({ 'if-none-match': '*' }),
  'if-none-match, stale': () => ({ 'if-none-match': '"blocks-0-1-1-1"' }),
};

describe.each([
  ['cold (no cache)', cold],
  ['warm (cache on)', warm],
])('tile lane: %s', (_name, srv) => {
  it.each(TILE_LAYERS)('answers %s tiles as the express route does', async (layer) => {
    for (const t of TILES) {
      const lane = `${srv.url}/tiles/${layer}/${t}.mvt`;
      const first = await fetch(lane);
      await first.arrayBuffer();
      const etag = first.headers.get('etag')!;
      expect(etag, `${layer} ${t}`).toMatch(/^"/);
      for (const [v, headers] of Object.entries(VARIANTS)) {
        const viaLane = await answer(lane, headers(etag));
        const viaExpress = await answer(`${lane}?via=express`, headers(etag));
        expect(viaLane, `${layer} ${t} ${v}`).toEqual({ ...viaExpress, rate: viaLane.rate, enc: viaLane.enc });
        // the same coding negotiated (express may skip a body below its threshold, as the lane does)
        expect(viaLane.enc, `${layer} ${t} ${v}`).toBe(viaExpress.enc);
        expect(viaLane.rate, `${layer} ${t} ${v}`).toMatch(/^"tiles"; r=\d+; t=\d+$/);
      }
    }
  });
});

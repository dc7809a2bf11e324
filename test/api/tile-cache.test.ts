/**
 * Issue 17: tiles are cached in memory by layer, z/x/y and the layer's data version held in the database; a write
 * bumps the version (trigger, migration 013), so the next tile has a new ETag and is rendered afresh.
 */
import { describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, useTestServer } from '../helpers/server';
import { square } from '../../server/geometry/shapes.fixture';
import { TILE_LAYERS } from '../../server/tiles/service';

const srv = useTestServer();

const path = '/tiles/redlines/8/208/100.mvt';
const redline = {
  type: 'Feature',
  geometry: square(113, 37, 0.02),
  properties: { name: '缓存测试红线(合成)', status: 'proposed' },
};

describe('tile cache', () => {
  it('a second request is served from the cache with the same bytes and ETag', async () => {
    const a = await fetch(`${srv.url}${path}`);
    const b = await fetch(`${srv.url}${path}`);
    expect(a.status).toBe(200);
    expect(b.headers.get('x-tile-cache')).toBe('hit');
    expect(b.headers.get('etag')).toBe(a.headers.get('etag'));
    expect(Buffer.from(await b.arrayBuffer()).equals(Buffer.from(await a.arrayBuffer()))).toBe(true);
  });

  it.each(TILE_LAYERS)('every layer has an ETag and a cached second answer: %s', async (layer) => {
    // the layer's id in the URL (protected-areas) is not its table's name (protected_areas), which keys the versions
    const a = await fetch(`${srv.url}/tiles/${layer}/8/208/100.mvt`);
    await a.arrayBuffer();
    const b = await fetch(`${srv.url}/tiles/${layer}/8/208/100.mvt`);
    await b.arrayBuffer();
    expect(a.headers.get('etag'), layer).toMatch(new RegExp(`^"${layer}-\\d+-8-208-100"$`));
    expect(b.headers.get('x-tile-cache'), layer).toBe('hit');
    const again = await fetch(`${srv.url}/tiles/${layer}/8/208/100.mvt`, { headers: { 'if-none-match': a.headers.get('etag')! } });
    expect(again.status, layer).toBe(304);
  });

  it('a write to the layer changes the ETag at once and the tile is rendered afresh; other layers keep theirs', async () => {
    const before = await fetch(`${srv.url}${path}`);
    const blocksBefore = (await fetch(`${srv.url}/tiles/blocks/8/208/100.mvt`)).headers.get('etag');
    const w = await fetch(`${srv.url}/collections/redlines/items`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/geo+json' },
      body: JSON.stringify(redline),
    });
    expect(w.status).toBe(201);
    const after = await fetch(`${srv.url}${path}`);
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));
    expect(after.headers.get('x-tile-cache')).toBe('miss');
    const stale = await fetch(`${srv.url}${path}`, { headers: { 'if-none-match': before.headers.get('etag')! } });
    expect(stale.status).toBe(200);
    expect((await fetch(`${srv.url}/tiles/blocks/8/208/100.mvt`)).headers.get('etag')).toBe(blocksBefore);
  });
});

/**
 * Issue 17, past one machine: with DATABASE_READ_URL the read-only routes read from the second server while writes,
 * single items and sessions stay on the primary; and two app instances count one client's budget together
 * (RATE_LIMIT_STORE=database, migration 024). The "replica" here is a second database of the test cluster whose one
 * red line carries a marker name, so the answer shows which server a read came from (the streaming replica itself is
 * started by `npm run bench scale`: docs/benchmarks.md).
 */
import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { startServer, type Running } from '../../server/server';
import { ADMIN_TOKEN, freshDatabase, UNLIMITED } from '../helpers/server';
import { perFile } from '../helpers/per-file';
import { box } from '../../server/geometry/shapes.fixture';
import { knownEmptyTile, tilesOver, writeRedlineInTile } from '../helpers/tiles';

const MARKER = 'REPLICA-MARKER-红线';

async function ownerQuery(url: string, sql: string, params: unknown[] = []) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql, params)).rows;
  } finally {
    await c.end();
  }
}

const env = (primary: { url: string; appUrl: string }) => ({
  DATABASE_URL: primary.appUrl,
  MIGRATION_DATABASE_URL: primary.url,
  PORT: '0',
  ADMIN_TOKEN,
  SEED_DEMO: 'false',
  LOG_LEVEL: 'silent',
  ...UNLIMITED,
  // uploads: three a minute per client, counted in the primary before each answer
  RATE_LIMIT_PER_MIN: '3',
  RATE_LIMIT_STORE: 'database',
  RATE_LIMIT_SYNC_MS: '0',
  // two servers in one test process: one upload worker each
  WORKER_THREADS: '1',
});

const t = perFile(
  'primary, replica stand-in and two app instances',
  async () => {
    const primary = await freshDatabase();
    const replica = await freshDatabase();
    const [{ id }] = await ownerQuery(replica.url, 'SELECT id FROM redlines ORDER BY id LIMIT 1');
    await ownerQuery(replica.url, 'UPDATE redlines SET name = $1 WHERE id = $2', [MARKER, id]);
    const a: Running = await startServer({ ...env(primary), DATABASE_READ_URL: replica.appUrl, DB_READ_POLL_MS: '50' });
    // b re-reads the layers' data versions every 200 ms (TILE_VERSION_POLL_MS; 1 s by default)
    const b: Running = await startServer({ ...env(primary), TILE_VERSION_POLL_MS: '200' });
    return { primary, replica, a, b, id: String(id) };
  },
  async (x) => {
    await x.a.close();
    await x.b.close();
    await x.primary.drop();
    await x.replica.drop();
  },
);

const getJson = async (url: string) => {
  const r = await fetch(url);
  return { status: r.status, body: (await r.json()) as any };
};

describe('DATABASE_READ_URL and shared rate limits', () => {
  it('item lists read the replica, single items and writes the primary; health reports the replica', async () => {
    // the replica is seen by the router's first poll (every 50 ms here)
    let health = await getJson(`${t.a.url}/api/health`);
    for (let i = 0; i < 40 && !health.body.replica?.serving_reads; i++) {
      await new Promise((ok) => setTimeout(ok, 50));
      health = await getJson(`${t.a.url}/api/health`);
    }
    expect(health.status).toBe(200);
    expect(health.body.replica).toMatchObject({ up: true, standby: false, lag_ms: 0, serving_reads: true });

    const list = await getJson(`${t.a.url}/collections/redlines/items?q=${encodeURIComponent(MARKER)}`);
    expect(list.body.features.map((f: any) => f.id)).toEqual([t.id]);
    const item = await getJson(`${t.a.url}/collections/redlines/items/${encodeURIComponent(t.id)}`);
    expect(item.body.properties.name).not.toBe(MARKER);
    // the instance without a replica reads the primary for lists too
    expect((await getJson(`${t.b.url}/collections/redlines/items?q=${encodeURIComponent(MARKER)}`)).body.features).toEqual([]);

    const w = await fetch(`${t.a.url}/collections/redlines/items`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/geo+json' },
      body: JSON.stringify({
        type: 'Feature',
        geometry: box(112.2, 36.2, 112.21, 36.21),
        properties: { name: '副本测试红线(合成)', status: 'proposed' },
      }),
    });
    expect(w.status).toBe(201);
    const created = (await w.json()) as { id: string };
    // the write's own answer and a read of the item back come from the primary
    expect((await fetch(`${t.a.url}/collections/redlines/items/${encodeURIComponent(created.id)}`)).status).toBe(200);
    const where = async (url: string) =>
      (await ownerQuery(url, 'SELECT count(*)::int AS n FROM redlines WHERE id = $1', [created.id]))[0].n;
    expect(await where(t.primary.url)).toBe(1);
    expect(await where(t.replica.url)).toBe(0);

    health = await getJson(`${t.a.url}/api/health`);
    expect(health.body.replica.reads.replica).toBeGreaterThan(0);
    expect(health.body.replica.reads.primary).toBeGreaterThan(0);
  });

  it('a write through one instance reaches the other one’s tile cache within its version poll', async () => {
    const path = '/tiles/redlines/8/208/100.mvt';
    // b's poll may still be taking in the previous test's write (a new layer version empties its entry): read until a
    // second read in a row is served from the cache
    let cached = await fetch(`${t.b.url}${path}`);
    for (let i = 0; i < 40 && cached.headers.get('x-tile-cache') !== 'hit'; i++) {
      await new Promise((ok) => setTimeout(ok, 50));
      await fetch(`${t.b.url}${path}`);
      cached = await fetch(`${t.b.url}${path}`);
    }
    expect(cached.headers.get('x-tile-cache')).toBe('hit');
    const w = await fetch(`${t.a.url}/collections/redlines/items`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/geo+json' },
      body: JSON.stringify({
        type: 'Feature',
        geometry: box(113, 37, 113.02, 37.02),
        properties: { name: '跨实例缓存红线(合成)', status: 'proposed' },
      }),
    });
    expect(w.status).toBe(201);
    const t0 = Date.now();
    let etag = cached.headers.get('etag');
    while (etag === cached.headers.get('etag') && Date.now() - t0 < 5000) {
      await new Promise((ok) => setTimeout(ok, 50));
      etag = (await fetch(`${t.b.url}${path}`)).headers.get('etag');
    }
    expect(etag).not.toBe(cached.headers.get('etag'));
    // the poll interval plus a loaded machine's scheduling
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  it('a tile one instance knows empty is rendered with a feature written through the other within its version poll', async () => {
    // a z14 red-line tile in Sichuan, far from the demo data: b answers it from its boxes (server/tiles/extents.ts),
    // no statement
    const [x0, y] = tilesOver([100.05, 30.05, 100.05, 30.05], 14)[0];
    const { x, res } = await knownEmptyTile(t.b.url, 'redlines', 14, x0, y);
    expect(res.status).toBe(204);
    const w = await writeRedlineInTile(t.a.url, 14, x, y, '跨实例空瓦片红线(合成)');
    expect(w.status).toBe(201);
    // b's boxes are of the version before the write: from its next versions read the tile is rendered, with the line
    const t0 = Date.now();
    let after = await fetch(`${t.b.url}/tiles/redlines/14/${x}/${y}.mvt`);
    while (after.status !== 200 && Date.now() - t0 < 5000) {
      await new Promise((ok) => setTimeout(ok, 50));
      after = await fetch(`${t.b.url}/tiles/redlines/14/${x}/${y}.mvt`);
    }
    expect(after.status).toBe(200);
    expect(after.headers.get('x-tile-cache')).not.toBe('empty');
    expect((await after.arrayBuffer()).byteLength).toBeGreaterThan(0);
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  it('two instances spend one client budget: the fourth upload a minute is refused whichever instance gets it', async () => {
    const parse = (url: string) => fetch(`${url}/api/parse`, { method: 'POST' });
    const codes = [];
    for (const url of [t.a.url, t.b.url, t.a.url, t.b.url]) codes.push((await parse(url)).status);
    expect(codes.slice(0, 3)).not.toContain(429);
    expect(codes[3]).toBe(429);
    const [{ hits }] = await ownerQuery(t.primary.url, "SELECT hits FROM rate_limits WHERE key LIKE 'uploads:%'");
    expect(hits).toBe(4);
  });
});

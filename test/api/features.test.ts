import { describe, expect, it } from 'vitest';
import { VectorTile } from '@mapbox/vector-tile';
import Pbf from 'pbf';
import { ADMIN_TOKEN, useTestServer } from '../helpers/server';
import { bowtie, jaggedRing, square } from '../../server/geometry/shapes.fixture';

const srv = useTestServer();
const auth = { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' };

describe('health and discovery', () => {
  it('reports the engine and the PostGIS version', async () => {
    const body = await (await fetch(`${srv.url}/api/health`)).json();
    expect(body.status).toBe('ok');
    expect(body.database.engine).toBe('postgis');
    expect(body.database.postgis).toMatch(/^3\.\d+/);
  });
  it('lists every collection with links and serves the OpenAPI document', async () => {
    const body = await (await fetch(`${srv.url}/collections`)).json();
    const ids = body.collections.map((c: { id: string }) => c.id);
    expect(ids).toEqual(expect.arrayContaining(['blocks', 'protected-areas', 'redlines', 'wells', 'pipelines']));
    const oas = await (await fetch(`${srv.url}/api/openapi.json`)).json();
    expect(oas.openapi).toMatch(/^3\./);
    expect(Object.keys(oas.paths)).toContain('/api/collections/{collectionId}/items');
  });
  it('answers an unknown collection with 404 in the one error shape', async () => {
    const res = await fetch(`${srv.url}/collections/nope/items`);
    expect(res.status).toBe(404);
    const body = await res.json();
    expect(body.error).toMatchObject({ code: 'NOT_FOUND' });
    expect(body.error.message_zh).toBeTruthy();
  });
});

describe('items', () => {
  it('pages blocks with numberMatched, numberReturned and a next link', async () => {
    const res = await fetch(`${srv.url}/collections/blocks/items?limit=5`);
    expect(res.headers.get('content-type')).toContain('application/geo+json');
    const body = await res.json();
    expect(body.numberReturned).toBe(5);
    expect(body.numberMatched).toBeGreaterThanOrEqual(100);
    const next = body.links.find((l: { rel: string }) => l.rel === 'next');
    expect(next.href).toContain('offset=5');
    const page2 = await (await fetch(next.href)).json();
    expect(page2.features[0].id).not.toBe(body.features[0].id);
  });
  it('filters blocks by mineral and kind, and by bbox', async () => {
    const body = await (await fetch(`${srv.url}/collections/blocks/items?mineral=coal&kind=mining&limit=1000`)).json();
    expect(body.numberReturned).toBeGreaterThanOrEqual(60);
    expect(body.features.every((f: any) => f.properties.mineral === 'coal' && f.properties.kind === 'mining')).toBe(true);
    const far = await (await fetch(`${srv.url}/collections/blocks/items?bbox=80,30,81,31`)).json();
    expect(far.numberReturned).toBe(0);
  });
  it('refuses a malformed bbox with 422 naming the parameter', async () => {
    const res = await fetch(`${srv.url}/collections/blocks/items?bbox=1,2,3`);
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.error.details[0].field).toBe('bbox');
  });
});

describe('writes (OGC API – Features Part 4)', () => {
  const feature = {
    type: 'Feature',
    id: 'test-block-1',
    geometry: square(112.6, 35.7),
    properties: {
      name: '测试区块',
      licence_no: 'T-TEST-1',
      holder: '测试公司',
      kind: 'exploration',
      mineral: 'cbm',
      status: 'valid',
      valid_from: '2021-01-01',
      valid_to: '2026-01-01',
    },
  };
  it('needs the admin token', async () => {
    const res = await fetch(`${srv.url}/collections/blocks/items`, {
      method: 'POST',
      body: JSON.stringify(feature),
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(401);
  });
  it('creates, keeps the given id, computes the ellipsoidal area, replaces with history, deletes', async () => {
    const res = await fetch(`${srv.url}/collections/blocks/items`, { method: 'POST', body: JSON.stringify(feature), headers: auth });
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe('/api/collections/blocks/items/test-block-1');
    const created = await res.json();
    expect(created.id).toBe('test-block-1');
    // 0.05° × 0.05° at 35.7°N on the CGCS2000 ellipsoid ≈ 25.0 km² (independent estimate below)
    expect(created.properties.area_km2).toBeGreaterThan(24.5);
    expect(created.properties.area_km2).toBeLessThan(25.5);

    const etag = res.headers.get('etag')!;
    expect(etag).toMatch(/^"v\d+"$/);
    const before = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 20));
    const put = await fetch(`${srv.url}/collections/blocks/items/test-block-1`, {
      method: 'PUT',
      headers: { ...auth, 'if-match': etag },
      body: JSON.stringify({ ...feature, properties: { ...feature.properties, status: 'extension_applied' } }),
    });
    expect(put.status).toBe(200);
    expect((await put.json()).properties.status).toBe('extension_applied');
    const asAt = await (await fetch(`${srv.url}/collections/blocks/items?q=T-TEST-1&as_at=${encodeURIComponent(before)}`)).json();
    expect(asAt.features).toHaveLength(1);
    expect(asAt.features[0].properties.status).toBe('valid');

    const del = await fetch(`${srv.url}/collections/blocks/items/test-block-1`, {
      method: 'DELETE',
      headers: { ...auth, 'if-match': put.headers.get('etag')! },
    });
    expect(del.status).toBe(204);
    expect((await fetch(`${srv.url}/collections/blocks/items/test-block-1`)).status).toBe(404);
  });
  it('refuses a self-intersecting polygon with 422 and where it crosses, writing nothing', async () => {
    const bow = {
      ...feature,
      id: 'bow',
      geometry: bowtie(),
    };
    const res = await fetch(`${srv.url}/collections/blocks/items`, { method: 'POST', body: JSON.stringify(bow), headers: auth });
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.error.code).toBe('GEOMETRY_SELF_INTERSECTION');
    expect(body.error.details[0].lon).toBeCloseTo(112.05, 6);
    expect((await fetch(`${srv.url}/collections/blocks/items/bow`)).status).toBe(404);
  });
  it('refuses unknown vocabulary values naming the field', async () => {
    const res = await fetch(`${srv.url}/collections/blocks/items`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ ...feature, id: 'x2', properties: { ...feature.properties, mineral: 'gold' } }),
    });
    expect(res.status).toBe(422);
    expect((await res.json()).error.details[0].field).toBe('mineral');
  });
});

describe('vector tiles', () => {
  it('serves TileJSON and a blocks tile over 沁水 that decodes', async () => {
    const tj = await (await fetch(`${srv.url}/tiles/blocks.json`)).json();
    expect(tj.tilejson).toBe('3.0.0');
    // z8 tile containing 112.5°E 35.9°N
    const res = await fetch(`${srv.url}/tiles/blocks/8/208/100.mvt`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('vnd.mapbox-vector-tile');
    expect(res.headers.get('etag')).toBeTruthy();
    const tile = new VectorTile(new Pbf(new Uint8Array(await res.arrayBuffer())));
    expect(tile.layers.blocks.length).toBeGreaterThan(3);
  });
  it('labels each block once: one block-labels point in the blocks tiles, whatever the number of tiles it spans', async () => {
    const tj = await (await fetch(`${srv.url}/tiles/blocks.json`)).json();
    expect(tj.vector_layers.map((l: { id: string }) => l.id)).toEqual(['blocks', 'block-labels']);
    // the 3×3 z10 tiles around 112.5°E 35.9°N: blocks span several of them, each is labelled in exactly one
    const polygons = new Map<string, number>();
    const labels = new Map<string, number>();
    for (let x = 831; x <= 833; x++)
      for (let y = 402; y <= 404; y++) {
        const res = await fetch(`${srv.url}/tiles/blocks/10/${x}/${y}.mvt`);
        if (res.status === 204) continue;
        const tile = new VectorTile(new Pbf(new Uint8Array(await res.arrayBuffer())));
        for (let k = 0; k < (tile.layers.blocks?.length ?? 0); k++) {
          const id = String(tile.layers.blocks.feature(k).properties.id);
          polygons.set(id, (polygons.get(id) ?? 0) + 1);
        }
        for (let k = 0; k < (tile.layers['block-labels']?.length ?? 0); k++) {
          const f = tile.layers['block-labels'].feature(k);
          expect(f.type).toBe(1); // a point
          expect(f.properties.name).toBeTruthy();
          const id = String(f.properties.id);
          labels.set(id, (labels.get(id) ?? 0) + 1);
        }
      }
    expect([...polygons.values()].some((n) => n > 1)).toBe(true); // some block is cut into several tiles …
    expect(labels.size).toBeGreaterThan(0);
    for (const [id, n] of labels) expect({ id, n }).toEqual({ id, n: 1 }); // … and still has one label
  });
  it('clusters wells at low zoom and answers 204 for an empty tile', async () => {
    const res = await fetch(`${srv.url}/tiles/wells/8/208/100.mvt`);
    const tile = new VectorTile(new Pbf(new Uint8Array(await res.arrayBuffer())));
    const f = tile.layers.wells.feature(0);
    expect(Number(f.properties.point_count)).toBeGreaterThan(0);
    expect((await fetch(`${srv.url}/tiles/blocks/8/0/0.mvt`)).status).toBe(204);
  });
});

describe('indexes', () => {
  it('EXPLAIN of a bbox query and of a tile query uses the GiST index', async () => {
    await srv.db.query('SET enable_seqscan = off');
    const bbox = await srv.db.query<{ 'QUERY PLAN': string }>(
      'EXPLAIN SELECT id FROM wells WHERE geom && ST_MakeEnvelope(112.5, 35.6, 112.6, 35.7, 4490)',
    );
    expect(bbox.rows.map((r) => r['QUERY PLAN']).join('\n')).toMatch(/wells_geom_gist/);
    const tile = await srv.db.query<{ 'QUERY PLAN': string }>(
      'EXPLAIN SELECT id FROM blocks WHERE geom && kq_tile_envelope(12, 3331, 1635)',
    );
    expect(tile.rows.map((r) => r['QUERY PLAN']).join('\n')).toMatch(/blocks_geom_gist/);
  });
});

describe('subdivided twins', () => {
  it('keep protected_areas_sub in step with inserts, replacements and deletes', async () => {
    // a 2000-vertex jagged ring: the twin must split it into pieces of at most 256 vertices
    const ring = jaggedRing(2000, 112.0, 36.0, 0.2, 0.01, 1.7);
    const f = {
      type: 'Feature',
      id: 'pa-jagged',
      geometry: { type: 'Polygon', coordinates: [ring] },
      properties: { name: '锯齿保护区', category: 'forest_park' },
    };
    const created = await fetch(`${srv.url}/collections/protected-areas/items`, { method: 'POST', headers: auth, body: JSON.stringify(f) });
    expect(created.status).toBe(201);
    const twin = async () =>
      (
        await srv.db.query<{ n: number; maxv: number; planar: number; area: number }>(
          "SELECT count(*)::int AS n, max(ST_NPoints(geom))::int AS maxv, sum(ST_Area(geom)) AS planar, ST_Area(ST_Union(geom)::geography) / 1e6 AS area FROM protected_areas_sub WHERE id = 'pa-jagged'",
        )
      ).rows[0];
    const t1 = await twin();
    expect(t1.n).toBeGreaterThan(7);
    expect(t1.maxv).toBeLessThanOrEqual(256);
    const whole = (
      await srv.db.query<{ a: number; planar: number }>(
        "SELECT area_km2 AS a, ST_Area(geom) AS planar FROM protected_areas WHERE id = 'pa-jagged'",
      )
    ).rows[0];
    // the pieces tile the original exactly (planar), and their union measures the same on the ellipsoid;
    // summing the pieces' geodesic areas would not (T-junction vertices bend the geodesic edges, ~1e-5)
    expect(Math.abs(t1.planar - whole.planar) / whole.planar).toBeLessThan(1e-9);
    expect(Math.abs(t1.area - whole.a) / whole.a).toBeLessThan(1e-7);
    const small = { ...f, geometry: square(112, 36, 0.1) };
    const put = await fetch(`${srv.url}/collections/protected-areas/items/pa-jagged`, {
      method: 'PUT',
      headers: { ...auth, 'if-match': created.headers.get('etag')! },
      body: JSON.stringify(small),
    });
    expect(put.status).toBe(200);
    expect((await twin()).n).toBe(1);
    const del = await fetch(`${srv.url}/collections/protected-areas/items/pa-jagged`, {
      method: 'DELETE',
      headers: { ...auth, 'if-match': put.headers.get('etag')! },
    });
    expect(del.status).toBe(204);
    expect((await twin()).n).toBe(0);
  });
});

describe('rate limit on the expensive routes', () => {
  it('answers 429 RATE_LIMITED in the one error shape past the per-minute limit, and keeps serving reads', async () => {
    const { startTestServer: start } = await import('../helpers/server');
    const limited = await start({ RATE_LIMIT_PER_MIN: '3' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await fetch(`${limited.url}/api/parse`, { method: 'POST' })).status);
      expect(statuses.slice(0, 3).every((s) => s === 400)).toBe(true); // no file: refused by the parser, but counted
      expect(statuses[3]).toBe(429);
      const body = await (await fetch(`${limited.url}/api/checks`, { method: 'POST' })).json();
      expect(body.error).toMatchObject({ code: 'RATE_LIMITED', details: [{ limit: 3 }] });
      expect((await fetch(`${limited.url}/api/health`)).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

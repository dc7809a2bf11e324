import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VectorTile } from '@mapbox/vector-tile';
import Pbf from 'pbf';
import { startServer, type Running } from '../../server/server';
import { demoSnapshotPath } from '../../server/db/demo-snapshot';
import { expectSameAnswer, redLineLifeAndChecks, type CheckAnswer } from '../helpers/check-as-at';
import { bowtie } from '../../server/geometry/shapes.fixture';
import { ANON, bearer, call } from '../helpers/auth';
import { APPLICATION_STATES } from '../../server/vocab';

// Smoke suite on the embedded engine (PGlite + PostGIS): the main flows of `npm start`, and that
// features written through the API survive a restart of the engine and of the server.
const TOKEN = 'smoke-admin-token';
let dir: string;
let srv: Running;
const admin = bearer('bootstrap', TOKEN);
const json = async (r: Response) => (await r.json()) as Record<string, any>;
const env = () => ({ DATA_DIR: dir, PORT: '0', ADMIN_TOKEN: TOKEN, LOG_LEVEL: 'silent', SEED_DEMO: 'true' });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kq-pglite-'));
  srv = await startServer(env());
});
afterAll(async () => {
  await srv?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('embedded engine', () => {
  it.runIf(existsSync(demoSnapshotPath()))('a first start on an empty folder restores the demo snapshot built at install', () => {
    expect((srv.db as { restoredFrom?: string }).restoredFrom).toBe(demoSnapshotPath());
  });

  it('serves health with the pglite engine and the demo data', async () => {
    const h = await (await fetch(`${srv.url}/api/health`)).json();
    expect(h.database.engine).toBe('pglite');
    const blocks = await (await fetch(`${srv.url}/collections/blocks/items?limit=1`)).json();
    expect(blocks.numberMatched).toBeGreaterThanOrEqual(100);
  });

  it('builds vector tiles in TypeScript (no ST_AsMVT here)', async () => {
    const res = await fetch(`${srv.url}/tiles/blocks/8/208/100.mvt`);
    expect(res.status).toBe(200);
    const tile = new VectorTile(new Pbf(new Uint8Array(await res.arrayBuffer())));
    expect(tile.layers.blocks.length).toBeGreaterThan(3);
    // the label points travel in the same tile, as on PostGIS (kq_tile_blocks)
    expect(tile.layers['block-labels'].length).toBeGreaterThan(0);
    expect(tile.layers['block-labels'].feature(0).type).toBe(1);
  });

  it('refuses invalid geometry before it reaches SQL (the engine would stay silent)', async () => {
    const bow = {
      type: 'Feature',
      geometry: bowtie(),
      properties: { name: 'bow', kind: 'exploration', mineral: 'cbm' },
    };
    const res = await fetch(`${srv.url}/collections/blocks/items`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(bow),
    });
    expect(res.status).toBe(422);
    expect((await res.json()).error.code).toBe('GEOMETRY_SELF_INTERSECTION');
  });

  it('parses a coordinate file and checks it for conflicts', async () => {
    const form = new FormData();
    form.append('file', new Blob([readFileSync('data/samples/sample-guotu-gbk.txt')]), 'sample-guotu-gbk.txt');
    const parsed = await fetch(`${srv.url}/api/parse`, { method: 'POST', body: form });
    expect(parsed.status).toBe(200);
    const p = await parsed.json();
    expect(p.area_km2).toBeGreaterThan(1);
    // a block over a demo CBM block: the conflict engine must report it on this engine too
    const b = (await (await fetch(`${srv.url}/collections/blocks/items?mineral=cbm&kind=exploration&limit=1`)).json()).features[0];
    const check = await fetch(`${srv.url}/api/checks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ geometry: b.geometry, application: 'new_exploration', applicant: '烟测公司' }),
    });
    expect(check.status).toBe(200);
    const c = await check.json();
    const self = c.conflicts.find((x: { id: string }) => x.id === b.id);
    expect(self.outcome).toBe('forbidden');
    expect(self.overlap_area_km2).toBeCloseTo(b.properties.area_km2, 4);
  });

  it('assesses a stored block and plans its relinquishment', async () => {
    const b = (await (await fetch(`${srv.url}/collections/blocks/items?q=${encodeURIComponent('寿阳北')}&kind=exploration`)).json())
      .features[0];
    const a = await (await fetch(`${srv.url}/api/blocks/${b.id}/assessment`)).json();
    expect(a.inputs.licensed_area_km2).toBeCloseTo(b.properties.area_km2, 6);
    const plan = await fetch(`${srv.url}/api/blocks/${b.id}/relinquishment-plans`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ required_km2: 30 }),
    });
    expect(plan.status).toBe(200);
    expect((await plan.json()).candidates[0].area_km2).toBeGreaterThanOrEqual(30 - 1e-4);
  });

  it('keeps a feature added through the API across a restart of engine and server', async () => {
    const f = {
      type: 'Feature',
      id: 'smoke-redline',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [112.2, 36.2],
            [112.3, 36.2],
            [112.3, 36.3],
            [112.2, 36.3],
            [112.2, 36.2],
          ],
        ],
      },
      properties: { name: '烟测红线', status: 'proposed' },
    };
    const res = await fetch(`${srv.url}/collections/redlines/items`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(f),
    });
    expect(res.status).toBe(201);
    await srv.close();
    srv = await startServer(env());
    const again = await fetch(`${srv.url}/collections/redlines/items/smoke-redline`);
    expect(again.status).toBe(200);
    expect((await again.json()).properties.name).toBe('烟测红线');
  });

  it('keeps history on the embedded engine: If-Match, the change list and as_at for every version of a red line', async () => {
    const auth = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
    const url = `${srv.url}/collections/redlines/items/smoke-redline`;
    const got = await fetch(url);
    const tag = got.headers.get('etag')!;
    expect(tag).toMatch(/^"v\d+"$/);
    const body = (await got.json()) as { geometry: unknown };
    const put = (etag: string | null, name: string) =>
      fetch(url, {
        method: 'PUT',
        headers: etag ? { ...auth, 'if-match': etag } : auth,
        body: JSON.stringify({ type: 'Feature', geometry: body.geometry, properties: { name, status: 'official' } }),
      });
    expect((await put(null, 'x')).status).toBe(428);
    const edited = await put(tag, '烟测红线（正式）');
    expect(edited.status).toBe(200);
    expect((await put(tag, 'stale')).status).toBe(412);
    const del = await fetch(url, { method: 'DELETE', headers: { ...auth, 'if-match': edited.headers.get('etag')! } });
    expect(del.status).toBe(204);
    const h = (await (await fetch(`${url}/history`)).json()) as {
      versions: { operation: string; valid_from: string; properties: { name: string } | null }[];
    };
    expect(h.versions.map((v) => v.operation)).toEqual(['delete', 'update', 'create']);
    const at = async (t: string) =>
      (
        (await (await fetch(`${srv.url}/collections/redlines/items?bbox=112.1,36.1,112.4,36.4&as_at=${encodeURIComponent(t)}`)).json()) as {
          features: { id: string; properties: { name: string } }[];
        }
      ).features
        .filter((f) => f.id === 'smoke-redline')
        .map((f) => f.properties.name);
    expect(await at(h.versions[2].valid_from)).toEqual(['烟测红线']);
    expect(await at(h.versions[1].valid_from)).toEqual(['烟测红线（正式）']);
    expect(await at(h.versions[0].valid_from)).toEqual([]);
  });
  it('checks as at a date on the embedded engine: a red line created, moved and deleted is found only when it stood', async () => {
    await redLineLifeAndChecks(srv.url, { authorization: `Bearer ${TOKEN}` }, 'smoke-asat-rl', 104, 32);
    // as at now the history path gives today's answer (every layer, against the subdivided twins)
    const today = (await (await fetch(`${srv.url}/api/blocks/blk-0015/conflicts`)).json()) as CheckAnswer;
    const now = (await (
      await fetch(`${srv.url}/api/blocks/blk-0015/conflicts?as_at=${encodeURIComponent(new Date().toISOString())}`)
    ).json()) as CheckAnswer;
    expect(today.conflicts.length).toBeGreaterThan(0);
    expectSameAnswer(today, now);
  });
});

// The demo's register records on the embedded engine (issue 14 items 5, 6, 8): the demo load (or the snapshot built from
// it at install) holds applications in every state made by the applications service, the abnormal list of 2025 names
// two holders for investment, a written commitment over a proposed red line splits the extension check as on PostGIS
// (test/api/commitments.test.ts), and a block's ETag carries its flags.
describe('embedded engine: the demo register records', () => {
  it('applications in every state, the submitted ones with the snapshot the service froze', async () => {
    const list = await json(await call(srv.url, admin, 'GET', '/api/applications?limit=100'));
    const states = new Set(list.items.map((a: { state: string }) => a.state));
    expect(states).toEqual(new Set(Object.keys(APPLICATION_STATES)));
    const conv = list.items.find((a: { kind: string; state: string }) => a.kind === 'conversion' && a.state === 'submitted');
    const one = await json(await call(srv.url, admin, 'GET', `/api/applications/${conv.id}`));
    expect(one.snapshot.application_id).toBe(conv.id);
    expect(one.snapshot.conversion.block_id).toBe('blk-0057');
    expect(one.snapshot_sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(one.steps.map((s: { action: string }) => s.action)).toEqual(['create', 'submit']);
  });

  it('the abnormal list of 2025 names exactly two holders for investment', async () => {
    const l = await json(await call(srv.url, admin, 'GET', '/api/abnormal-list?year=2025'));
    const investment = new Set(
      l.entries
        .filter((e: { reasons: { source: string }[] }) => e.reasons.some((r) => r.source === 'investment'))
        .map((e: { holder: string }) => e.holder),
    );
    expect([...investment].sort()).toEqual(['山西省地质矿产勘查开发有限公司(合成)', '山西聚源煤化有限公司(合成)']);
  });

  it('a commitment over a proposed red line: commitment_on_file in the extension check', async () => {
    const check = async () =>
      (
        (await json(await call(srv.url, ANON, 'GET', '/api/blocks/blk-0003/conflicts?application=extension&as_of=2026-06-01')))
          .conflicts as {
          id: string;
          outcome: string;
          overlap_area_km2: number;
        }[]
      ).filter((e) => e.id === 'red-006');
    const before = await check();
    expect(before.map((e) => e.outcome)).toEqual(['keep_with_commitment']);
    const r = await call(srv.url, admin, 'POST', '/api/commitments', {
      block_id: 'blk-0003',
      feature_id: 'red-006',
      document_no: '承诺书（嵌入式测试）',
      signed_on: '2026-03-01',
    });
    expect(r.status, await r.clone().text()).toBe(201);
    const after = await check();
    expect(after.map((e) => e.outcome)).toEqual(['commitment_on_file']);
    expect(Math.abs(after[0].overlap_area_km2 / before[0].overlap_area_km2 - 1)).toBeLessThan(1e-3);
  });

  it('a block’s ETag carries its flags', async () => {
    const r = await call(srv.url, ANON, 'GET', '/api/collections/blocks/items/blk-0058');
    expect(r.headers.get('etag')).toMatch(/^"v\d+-f[0-9a-f]{12}"$/);
  });
});

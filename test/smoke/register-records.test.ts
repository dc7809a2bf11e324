import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type Running } from '../../server/server';
import { ANON, bearer, call } from '../helpers/auth';
import { APPLICATION_STATES } from '../../server/vocab';

// The demo's register records on the embedded engine (issue 14 items 5, 6, 8): the demo load (or the snapshot built from
// it at install) holds applications in every state made by the applications service, the abnormal list of 2025 names
// two holders for investment, a written commitment over a proposed red line splits the extension check as on PostGIS
// (test/api/commitments.test.ts), and a block's ETag carries its flags.
const TOKEN = 'smoke-admin-token';
let dir: string;
let srv: Running;
const admin = bearer('bootstrap', TOKEN);
const json = async (r: Response) => (await r.json()) as Record<string, any>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kq-pglite-records-'));
  srv = await startServer({ DATA_DIR: dir, PORT: '0', ADMIN_TOKEN: TOKEN, LOG_LEVEL: 'silent', SEED_DEMO: 'true' });
}, 900_000);
afterAll(async () => {
  await srv?.close();
  rmSync(dir, { recursive: true, force: true });
});

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

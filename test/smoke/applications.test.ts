import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type Running } from '../../server/server';
import { bearer, call, login } from '../helpers/auth';
import { box } from '../../server/geometry/shapes.fixture';

// Applications on the embedded engine (issue 14 item 1), on an empty register (opens quickly): an extension opened by
// the holder, submitted (conflict check and register assessment frozen on PGlite's PostGIS), accepted and approved by
// the province, its retained polygon written to the block with history.
const TOKEN = 'smoke-admin-token';
const H = '嵌入式申请测试公司(合成)';
let dir: string;
let srv: Running;
const day = (days: number) => new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kq-pglite-apps-'));
  srv = await startServer({ DATA_DIR: dir, PORT: '0', ADMIN_TOKEN: TOKEN, LOG_LEVEL: 'silent', SEED_DEMO: 'false' });
}, 600_000);
afterAll(async () => {
  await srv?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('embedded engine: an extension from draft to approval', () => {
  it('freezes its snapshot at submission and applies the retained polygon on approval, history kept', async () => {
    const admin = bearer('bootstrap', TOKEN);
    const made = await call(srv.url, admin, 'POST', '/api/collections/blocks/items', {
      type: 'Feature',
      id: 'smoke-ext',
      geometry: box(111.0, 37.0, 111.1, 37.1),
      properties: {
        name: '嵌入式延续',
        holder: H,
        kind: 'exploration',
        mineral: 'cbm',
        authority: '山西省自然资源厅',
        province_registered: true,
        first_registration_date: day(200 - 5 * 365),
        valid_from: day(200 - 5 * 365),
        valid_to: day(200),
      },
    });
    expect(made.status).toBe(201);
    for (const [username, role, holders, authority] of [
      ['smoke-holder', 'holder', [H], null],
      ['smoke-province', 'regulator', [], '山西省自然资源厅'],
    ] as const) {
      const r = await call(srv.url, admin, 'POST', '/api/accounts', { username, role, holders, authority, password: 'smoke-password-1' });
      expect(r.status).toBe(201);
    }
    const holder = await login(srv.url, 'smoke-holder', 'smoke-password-1');
    const province = await login(srv.url, 'smoke-province', 'smoke-password-1');

    const opened = await call(srv.url, holder, 'POST', '/api/applications', {
      kind: 'extension',
      block_id: 'smoke-ext',
      geometry: box(111.0, 37.0, 111.08, 37.1),
    });
    expect(opened.status, await opened.clone().text()).toBe(201);
    const id = ((await opened.json()) as { id: string }).id;
    const step = (who: typeof holder, action: string) =>
      call(srv.url, who, 'POST', `/api/applications/${id}/transitions`, { action, reason: `${action}（嵌入式）` });

    const submitted = await step(holder, 'submit');
    expect(submitted.status, await submitted.clone().text()).toBe(200);
    const s = ((await submitted.json()) as { snapshot: Record<string, any> }).snapshot;
    expect(s.deadline).toMatchObject({ in_time: true, last_day: day(170), source: '000:L3364' });
    expect(s.check.regime).toBe('shanxi-cbm-2020');
    expect(s.assessment.assessment.regime).toBe('shanxi-cbm-2020');
    expect(s.retained.outside_km2).toBeLessThan(1e-6);

    expect((await step(province, 'accept')).status).toBe(200);
    const approved = await step(province, 'approve');
    expect(approved.status, await approved.clone().text()).toBe(200);
    const f = (await (await call(srv.url, admin, 'GET', '/api/collections/blocks/items/smoke-ext')).json()) as {
      properties: { area_km2: number };
    };
    expect(f.properties.area_km2).toBeCloseTo(s.retained.retained_km2, 6);
    const h = (await (await call(srv.url, admin, 'GET', '/api/collections/blocks/items/smoke-ext/history')).json()) as {
      versions: { operation: string; actor: string | null }[];
    };
    expect(h.versions.map((v) => [v.operation, v.actor])).toEqual([
      ['update', 'smoke-province'],
      // the submission marked the block extension_applied (issue 14: the extension rule reads it)
      ['update', 'smoke-holder'],
      ['create', 'bootstrap-admin'],
    ]);
  }, 240_000);
});

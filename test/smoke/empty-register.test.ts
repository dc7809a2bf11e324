import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type Running } from '../../server/server';
import { bearer, call, login } from '../helpers/auth';
import { redLineLifeAndChecks } from '../helpers/check-as-at';
import { provinceCbmExploration } from '../helpers/blocks';
import { box } from '../../server/geometry/shapes.fixture';
import { overdueUsageFees } from '../../server/payments/abnormal';

// The embedded engine on an empty register (no demo data, so it opens quickly), one engine for the flows below — each
// writes its own features, far enough apart not to meet:
// - applications (issue 14 item 1): an extension opened by the holder, submitted (conflict check and register
//   assessment frozen on PGlite's PostGIS), accepted and approved by the province, its retained polygon written to the
//   block with history;
// - payments (issue 14 item 4): every named query of the payments area (terms upsert, obligations insert and list, the
//   locked payment insert, the calendar and the 异常名录 feed) on PGlite, with the same late-fee answer the PostGIS
//   suite gives;
// - checks as at a date (issue 13): the history queries of every layer run on PGlite's PostGIS as on PostgreSQL's.
const TOKEN = 'smoke-admin-token';
const H = '嵌入式申请测试公司(合成)';
let dir: string;
let srv: Running;
const day = (days: number) => new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kq-pglite-empty-'));
  srv = await startServer({ DATA_DIR: dir, PORT: '0', ADMIN_TOKEN: TOKEN, LOG_LEVEL: 'silent', SEED_DEMO: 'false' });
}, 600_000);
afterAll(async () => {
  await srv?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('embedded engine: an extension from draft to approval', () => {
  it('freezes its snapshot at submission and applies the retained polygon on approval, history kept', async () => {
    const admin = bearer('bootstrap', TOKEN);
    const made = await call(
      srv.url,
      admin,
      'POST',
      '/api/collections/blocks/items',
      provinceCbmExploration('smoke-ext', box(111.0, 37.0, 111.1, 37.1), {
        name: '嵌入式延续',
        holder: H,
        first_registration_date: day(200 - 5 * 365),
        valid_from: day(200 - 5 * 365),
        valid_to: day(200),
      }),
    );
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

describe('embedded engine: payments', () => {
  it('issues obligations, records a late payment, and answers statement, calendar and overdue list', async () => {
    const admin = bearer('bootstrap', TOKEN);
    const made = await call(
      srv.url,
      admin,
      'POST',
      '/api/collections/blocks/items',
      provinceCbmExploration('smoke-pay', box(111.5, 37.5, 111.6, 37.6), {
        name: '嵌入式缴款',
        holder: '嵌入式缴款测试公司(合成)',
        acquisition_method: 'listing',
        first_registration_date: '2017-01-10',
        valid_from: '2022-01-10',
        valid_to: '2027-01-09',
      }),
    );
    expect(made.status, await made.clone().text()).toBe(201);
    const issued = await call(srv.url, admin, 'POST', '/api/blocks/smoke-pay/payments/obligations', {
      terms: { income_total_yuan: '1000000.00', income_first_due: '2017-02-09' },
    });
    expect(issued.status, await issued.clone().text()).toBe(200);
    expect(((await issued.json()) as { created: string[] }).created).toHaveLength(7);
    const s0 = (await (await call(srv.url, admin, 'GET', '/api/blocks/smoke-pay/payments?on=2022-01-10')).json()) as {
      obligations: { key: string; amount: { fen: number } }[];
    };
    const y6 = s0.obligations.find((o) => o.key === 'expl-fee-6')!;
    const paid = await call(srv.url, admin, 'POST', '/api/payments', {
      obligation_id: 'smoke-pay:expl-fee-6',
      paid_on: '2022-01-20',
      amount_yuan: (y6.amount.fen / 100).toFixed(2),
    });
    expect(paid.status, await paid.clone().text()).toBe(201);
    const s = (await (await call(srv.url, admin, 'GET', '/api/blocks/smoke-pay/payments?on=2022-02-01')).json()) as {
      obligations: { key: string; status: string; days_late: number; late_fee: { owed: { fen: number } } }[];
    };
    const o = s.obligations.find((x) => x.key === 'expl-fee-6')!;
    expect([o.status, o.days_late, o.late_fee.owed.fen]).toEqual(['paid', 10, Math.round((y6.amount.fen * 2 * 10) / 1000)]);
    const due = (await (await call(srv.url, admin, 'GET', '/api/payments/due?within=30&on=2023-01-01')).json()) as {
      items: { key: string; status: string }[];
    };
    expect(due.items.map((i) => `${i.key}:${i.status}`)).toEqual(['income-1:overdue', 'expl-fee-7:due']);
    const overdue = await overdueUsageFees(srv.db, '2026-12-02');
    expect(overdue.map((x) => x.obligation_id)).toEqual([
      'smoke-pay:expl-fee-7',
      'smoke-pay:expl-fee-8',
      'smoke-pay:expl-fee-9',
      'smoke-pay:expl-fee-10',
    ]);
  }, 240_000);
});

describe('embedded engine: checks as at a date', () => {
  it('a red line created, moved and deleted is found by the check as at each version only where it stood', async () => {
    await redLineLifeAndChecks(srv.url, { authorization: `Bearer ${TOKEN}` }, 'pglite-asat-rl', 104, 32);
  }, 300_000);
});

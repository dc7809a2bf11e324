import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type Running } from '../../server/server';
import { bearer, call } from '../helpers/auth';
import { box } from '../../server/geometry/shapes.fixture';
import { overdueUsageFees } from '../../server/payments/abnormal';

// Payments on the embedded engine (issue 14 item 4), on an empty register (opens quickly): every named query of the
// payments area (terms upsert, obligations insert and list, the locked payment insert, the calendar and the 异常名录 feed)
// run on PGlite, with the same late-fee answer the PostGIS suite gives.
const TOKEN = 'smoke-admin-token';
let dir: string;
let srv: Running;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kq-pglite-pay-'));
  srv = await startServer({ DATA_DIR: dir, PORT: '0', ADMIN_TOKEN: TOKEN, LOG_LEVEL: 'silent', SEED_DEMO: 'false' });
}, 600_000);
afterAll(async () => {
  await srv?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('embedded engine: payments', () => {
  it('issues obligations, records a late payment, and answers statement, calendar and overdue list', async () => {
    const admin = bearer('bootstrap', TOKEN);
    const made = await call(srv.url, admin, 'POST', '/api/collections/blocks/items', {
      type: 'Feature',
      id: 'smoke-pay',
      geometry: box(111.0, 37.0, 111.1, 37.1),
      properties: {
        name: '嵌入式缴款',
        holder: '嵌入式缴款测试公司(合成)',
        kind: 'exploration',
        mineral: 'cbm',
        authority: '山西省自然资源厅',
        acquisition_method: 'listing',
        province_registered: true,
        first_registration_date: '2017-01-10',
        valid_from: '2022-01-10',
        valid_to: '2027-01-09',
      },
    });
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

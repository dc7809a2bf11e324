import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, startTestServer } from '../helpers/server';

let srv: Awaited<ReturnType<typeof startTestServer>>;
const json = { 'content-type': 'application/json' };
const post = (path: string, body: unknown, headers: Record<string, string> = json) =>
  fetch(`${srv.url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
const findBlock = async (q: string, kind = 'exploration') => {
  const fc = await (await fetch(`${srv.url}/collections/blocks/items?q=${encodeURIComponent(q)}&mineral=cbm&kind=${kind}`)).json();
  return fc.features[0];
};

beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(async () => {
  await srv?.close();
});

describe('POST /api/assessments/extension', () => {
  it('reproduces 寿阳北: (268.752 − 58.91) × 25% = 52.4605 km² under shanxi-cbm-2020', async () => {
    const res = await post('/api/assessments/extension', {
      regime: 'shanxi-cbm-2020',
      licensed_area_km2: 268.752,
      proven_reserve_area_km2: 58.91,
      unfinished_ratio: 0.1,
    });
    expect(res.status).toBe(200);
    const a = await res.json();
    expect(a.decision).toBe('extend');
    expect(a.reduction_km2).toBeCloseTo(52.4605, 4);
    expect(a.regime).toBe('shanxi-cbm-2020');
    expect(a.steps.length).toBeGreaterThan(0);
    for (const s of a.steps)
      expect(s).toEqual(expect.objectContaining({ rule: expect.any(String), citation: expect.any(String), formula: expect.any(String) }));
    expect(a.steps.map((s: { citation: string }) => s.citation).join(' ')).toMatch(/273号令|晋自然资发/);
  });
  it('refuses above 50% shortfall and applies 20% under national-2023', async () => {
    const refuse = await (
      await post('/api/assessments/extension', {
        regime: 'shanxi-cbm-2020',
        licensed_area_km2: 100,
        proven_reserve_area_km2: 0,
        unfinished_ratio: 0.6,
      })
    ).json();
    expect(refuse.decision).toBe('refuse');
    const n23 = await (
      await post('/api/assessments/extension', {
        regime: 'national-2023',
        licensed_area_km2: 100,
        proven_reserve_area_km2: 10,
        unfinished_ratio: 0,
      })
    ).json();
    expect(n23.reduction_km2).toBeCloseTo(18, 6);
  });
  it('answers invalid input with 422 naming the field', async () => {
    const res = await post('/api/assessments/extension', {
      regime: 'shanxi-cbm-2020',
      licensed_area_km2: -5,
      proven_reserve_area_km2: 0,
      unfinished_ratio: 2,
    });
    expect(res.status).toBe(422);
    const body = await res.json();
    const fields = body.error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['licensed_area_km2', 'unfinished_ratio']));
    expect(body.error.message_zh).toContain('输入无效');
  });
});

describe('stored blocks', () => {
  it('assesses a stored exploration block from its geometry, reserves and investment ledger', async () => {
    const b = await findBlock('寿阳北');
    const res = await fetch(`${srv.url}/api/blocks/${b.id}/assessment?on=2026-11-24`);
    expect(res.status).toBe(200);
    const r = await res.json();
    expect(r.inputs.licensed_area_km2).toBeCloseTo(b.properties.area_km2, 6);
    expect(r.inputs.proven_reserve_area_km2).toBeGreaterThan(50); // ~58.91 km² proven in the demo data
    expect(r.inputs.unfinished_ratio).toBeGreaterThanOrEqual(0);
    expect(r.assessment.regime).toMatch(/national-2019|shanxi-cbm-2020|national-2023/);
    expect(r.derived_steps.some((s: { rule: string }) => s.rule === 'R-INV-1')).toBe(true);
    expect(r.deadlines.expiry.date).toBe(b.properties.valid_to);
    expect(r.investment.rows.length).toBeGreaterThan(0);
  });
  it('answers 404 for an unknown block', async () => {
    expect((await fetch(`${srv.url}/api/blocks/nope/assessment`)).status).toBe(404);
  });
  it('lists deadlines within a window, soonest first', async () => {
    const r = await (await fetch(`${srv.url}/api/deadlines?within=3650d&on=2026-11-24`)).json();
    expect(r.items.length).toBeGreaterThan(10);
    const days = r.items.map((i: { due: { days_left: number } }) => i.due.days_left);
    expect([...days].sort((a, b) => a - b)).toEqual(days);
    expect(r.items[0].due.citation).toBeTruthy();
  });
});

describe('offsets (抵扣, R-RED-10)', () => {
  it('records that block B gives area to block A; both show it; 401 without token', async () => {
    const a = await findBlock('寿阳北');
    const b = await findBlock('寿阳西');
    const body = { from_block: b.id, to_block: a.id, area_km2: 10, offset_date: '2026-06-01' };
    expect((await post('/api/offsets', body)).status).toBe(401);
    const res = await post('/api/offsets', body, { ...json, authorization: `Bearer ${ADMIN_TOKEN}` });
    expect(res.status).toBe(201);
    const out = await res.json();
    expect(out.from_block_new_area_km2).toBeCloseTo(b.properties.area_km2 - 10, 4);
    for (const id of [a.id, b.id]) {
      const list = await (await fetch(`${srv.url}/api/blocks/${id}/offsets`)).json();
      expect(list.items).toHaveLength(1);
    }
    // B's own assessment is computed on its pre-offset area
    const bAssess = await (await fetch(`${srv.url}/api/blocks/${b.id}/assessment`)).json();
    expect(bAssess.inputs.licensed_area_km2).toBeCloseTo(b.properties.area_km2 + 10, 6);
  });
});

describe('relinquishment planner', () => {
  it('proposes candidates meeting the required area on a demo block', async () => {
    const b = await findBlock('寿阳北');
    const res = await post(`/api/blocks/${b.id}/relinquishment-plans`, { required_km2: 52.4605 });
    expect(res.status).toBe(200);
    const plan = await res.json();
    expect(plan.candidates.length).toBeGreaterThanOrEqual(1);
    for (const c of plan.candidates) {
      expect(c.area_km2).toBeGreaterThanOrEqual(52.4605 - 1e-4);
      expect(c.area_km2).toBeLessThanOrEqual(52.4605 * 1.005);
      expect(c.corners.length).toBeGreaterThanOrEqual(3);
      expect(c.reasons.length).toBeGreaterThan(0);
    }
  });
});

describe('COVID adjustment', () => {
  it('reproduces area × 10,000 × days / 365 over the affected window', async () => {
    const r = await (await post('/api/assessments/covid', { valid_from: '2018-01-01', valid_to: '2021-01-01', area_km2: 365 })).json();
    expect(r.investment_reduction.affected_days).toBe(96); // 2020-04-30 − 2020-01-25, as in the letter’s tables
    expect(r.investment_reduction.reduction_cny).toBeCloseTo((365 * 10_000 * 96) / 365, 2);
  });
});

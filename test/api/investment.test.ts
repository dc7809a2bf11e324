/**
 * Annual exploration investment and the abnormal list (issue 14 item 3): filing by each role (allowed / refused), the
 * minimum arithmetic with worked examples, a resubmission keeping history, the extension assessment reading the same
 * ledger, the candidates (below the minimum, not filed, filed late) and the publication.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ANON, bearer, call, login, type Who } from '../helpers/auth';
import { ADMIN_TOKEN, useTestServer } from '../helpers/server';
import { box } from '../../server/geometry/shapes.fixture';

const srv = useTestServer();
const H = '投入测试煤层气有限公司(合成)';
const H2 = '投入测试二号能源有限公司(合成)';
const OTHER = '别家投入能源有限公司(合成)';
const PROVINCE = '山西省自然资源厅';
const CITY = '晋城市规划和自然资源局';

const who: Record<'holder' | 'holder2' | 'other' | 'province' | 'city' | 'admin', Who> = {} as never;
let base = '';

/** A Shanxi CBM exploration block issued by the province, licensed 100 km² on record. */
async function block(id: string, lon: number, holder: string, props: Record<string, unknown>) {
  const r = await call(base, who.admin, 'POST', '/api/collections/blocks/items', {
    type: 'Feature',
    id,
    geometry: box(lon, 37.5, lon + 0.1, 37.6),
    properties: {
      name: `投入测试 ${id}`,
      holder,
      kind: 'exploration',
      mineral: 'cbm',
      authority: PROVINCE,
      province_registered: true,
      extensions_used: 0,
      acquisition_method: 'listing',
      ...props,
    },
  });
  expect(r.status, await r.clone().text()).toBe(201);
  await srv.ownerQuery('UPDATE blocks SET licensed_area_km2 = 100 WHERE id = $1', [id]);
}

const json = async (r: Response) => (await r.json()) as Record<string, any>;
const file = (w: Who, id: string, body: Record<string, unknown>) => call(base, w, 'POST', `/api/blocks/${id}/investment-reports`, body);
const errorOf = async (r: Response) =>
  ((await r.json()) as { error: { code: string; message_zh: string; details?: Record<string, unknown>[] } }).error;

beforeAll(async () => {
  base = srv.url;
  const boot = bearer('bootstrap', ADMIN_TOKEN);
  for (const [username, role, holders, authority] of [
    ['inv-holder', 'holder', [H], null],
    ['inv-holder2', 'holder', [H2], null],
    ['inv-other', 'holder', [OTHER], null],
    ['inv-city', 'regulator', [], CITY],
    ['inv-province', 'regulator', [], PROVINCE],
  ] as const) {
    const r = await call(base, boot, 'POST', '/api/accounts', { username, role, holders, authority, password: 'invest-password-1' });
    expect(r.status, await r.clone().text()).toBe(201);
  }
  who.holder = await login(base, 'inv-holder', 'invest-password-1');
  who.holder2 = await login(base, 'inv-holder2', 'invest-password-1');
  who.other = await login(base, 'inv-other', 'invest-password-1');
  who.city = await login(base, 'inv-city', 'invest-password-1');
  who.province = await login(base, 'inv-province', 'invest-password-1');
  who.admin = boot;
  // 2025 is exploration year 7 (first registered 2019-01-01): 50,000 CNY/km² (273号令 第十六条（二）)
  await block('inv-a', 112.0, H, { first_registration_date: '2019-01-01', valid_from: '2024-01-01', valid_to: '2029-01-01' });
  // the tier changes within 2025: year 15 until 2025-07-01 (80,000), year 16 after (100,000)
  await block('inv-b', 112.2, H, { first_registration_date: '2010-07-01', valid_from: '2025-07-01', valid_to: '2030-07-01' });
  // no figure of 2025 at all
  await block('inv-c', 112.4, H2, { first_registration_date: '2021-01-01', valid_from: '2021-01-01', valid_to: '2026-01-01' });
  // meets the minimum
  await block('inv-d', 112.6, H2, { first_registration_date: '2021-01-01', valid_from: '2021-01-01', valid_to: '2026-06-01' });
}, 60_000);

describe('filing a year (POST /api/blocks/{id}/investment-reports)', () => {
  const body = { year: 2024, breakdown: { drilling: 4_000_000, research: 1_000_000 } };

  it('the holder for its own block, the regulator overseeing it and an admin: 201; others refused', async () => {
    expect((await file(who.holder, 'inv-a', body)).status).toBe(201);
    expect((await file(who.province, 'inv-a', body)).status).toBe(201);
    expect((await file(who.admin, 'inv-a', body)).status).toBe(201);
    let r = await file(who.other, 'inv-a', body);
    expect(r.status).toBe(403);
    expect((await errorOf(r)).details?.[0]?.reason).toBe('FORBIDDEN_HOLDER');
    r = await file(who.city, 'inv-a', body);
    expect(r.status).toBe(403);
    expect((await file(ANON, 'inv-a', body)).status).toBe(401);
    expect((await file(who.holder, 'nope', body)).status).toBe(404);
  });

  it('worked example: 100 km² in exploration year 7 owes 100 × 50,000 = 5,000,000 CNY; 4,000,000 leaves 20% unfinished', async () => {
    const r = await file(who.holder, 'inv-a', {
      year: 2025,
      breakdown: { drilling: 3_000_000, research: 500_000, management: 500_000 },
      amount_cny: 4_000_000,
      document_no: '核字〔2026〕1号',
    });
    expect(r.status, await r.clone().text()).toBe(201);
    const out = await json(r);
    expect(out.report).toMatchObject({
      block_id: 'inv-a',
      year: 2025,
      revision: 1,
      amount_cny: 4_000_000,
      physical_and_research_cny: 3_500_000,
    });
    expect(out.check).toMatchObject({
      minimum_cny: 5_000_000,
      reported_cny: 4_000_000,
      meets_minimum: false,
      shortfall_cny: 1_000_000,
      shortfall_ratio: 0.2,
      composition: { ok: true, share: 0.875 },
    });
    const rules = out.check.steps.map((s: { rule: string }) => s.rule);
    expect(rules).toEqual(expect.arrayContaining(['R-INV-6', 'R-INV-1', 'R-RED-4', 'R-INV-5']));
    expect(out.check.steps.map((s: { formula: string }) => s.formula)).toEqual(
      expect.arrayContaining([
        '100 × (50000 × 12/12) = 5000000',
        '5000000 = 5000000 CNY',
        '4000000 < 5000000 CNY',
        'u = (5000000 − 4000000) / 5000000 = 20%',
      ]),
    );
  });

  it('worked example across a tier: 100 × (80,000 × 6/12 + 100,000 × 6/12) = 9,000,000 CNY', async () => {
    const out = await json(await file(who.holder, 'inv-b', { year: 2025, breakdown: { seismic: 9_500_000 } }));
    expect(out.check.minimum_cny).toBe(9_000_000);
    expect(out.check.meets_minimum).toBe(true);
    expect(out.check.steps.map((s: { formula: string }) => s.formula)).toEqual(
      expect.arrayContaining(['100 × (80000 × 6/12) = 4000000', '100 × (100000 × 6/12) = 5000000']),
    );
  });

  it('refuses bad input with stable codes and the field at fault', async () => {
    let e = await errorOf(await file(who.holder, 'inv-a', { year: 2025, breakdown: {} }));
    expect(e.code).toBe('BREAKDOWN_EMPTY');
    e = await errorOf(await file(who.holder, 'inv-a', { year: 2025, breakdown: { drilling: 10 }, amount_cny: 11 }));
    expect(e.code).toBe('BREAKDOWN_MISMATCH');
    expect(e.details?.[0]?.field).toBe('amount_cny');
    expect(e.message_zh).toContain('不符');
    const thisYear = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
    e = await errorOf(await file(who.holder, 'inv-a', { year: thisYear, breakdown: { drilling: 10 } }));
    expect(e.code).toBe('YEAR_NOT_CLOSED');
    e = await errorOf(await file(who.holder, 'inv-a', { year: 2018, breakdown: { drilling: 10 } }));
    expect(e.code).toBe('YEAR_BEFORE_REGISTRATION');
    const r = await file(who.holder, 'inv-a', { year: 2025, breakdown: { bribes: 10 } });
    expect(r.status).toBe(422);
    expect((await errorOf(r)).code).toBe('INVALID_INVESTMENT_REPORT');
  });
});

describe('one ledger: the extension assessment reads the filed figures', () => {
  it('a filing changes the assessment’s investment and shortfall, and the block’s term shows the same numbers', async () => {
    const before = await json(await call(base, who.holder, 'GET', '/api/blocks/inv-a/assessment'));
    const r = await file(who.holder, 'inv-a', { year: 2025, breakdown: { drilling: 5_000_000, research: 1_000_000 }, note: '审计后更正' });
    const filed = await json(r);
    expect(filed.report.revision).toBe(2);
    expect(filed.notes.map((n: { code: string }) => n.code)).toContain('REVISION');
    const after = await json(await call(base, who.holder, 'GET', '/api/blocks/inv-a/assessment'));
    expect(after.investment.actual_cny).toBeCloseTo(before.investment.actual_cny + 2_000_000, 2);
    expect(after.investment.unfinished_ratio).toBeLessThan(before.investment.unfinished_ratio);
    expect(after.inputs.unfinished_ratio).toBe(after.investment.unfinished_ratio);
    expect(filed.term).toMatchObject({
      required_cny: after.investment.total_cny,
      actual_cny: after.investment.actual_cny,
      unfinished_ratio: after.investment.unfinished_ratio,
    });
    const inv = await json(await call(base, who.holder, 'GET', '/api/blocks/inv-a/investment'));
    expect(inv.term).toEqual(filed.term);
  });

  it('a resubmission keeps the earlier revisions; the ledger holds the latest; both filings are audited', async () => {
    const inv = await json(await call(base, who.province, 'GET', '/api/blocks/inv-a/investment'));
    const y2025 = inv.reports.filter((x: { year: number }) => x.year === 2025);
    expect(y2025.map((x: { revision: number; amount_cny: number }) => [x.revision, x.amount_cny])).toEqual([
      [2, 6_000_000],
      [1, 4_000_000],
    ]);
    const year = inv.years.find((y: { year: number }) => y.year === 2025);
    expect(year).toMatchObject({
      amount_cny: 6_000_000,
      source: 'report',
      minimum_cny: 5_000_000,
      meets_minimum: true,
      deadline: '2026-03-31',
    });
    const audit = await json(await call(base, who.admin, 'GET', '/api/audit?collection=investment_reports&id=inv-a%2F2025'));
    expect(audit.items.map((e: { operation: string }) => e.operation).sort()).toEqual(['file', 'refile']);
  });

  it('the block’s investment is confidential: another holder 403, the anonymous 401', async () => {
    expect((await call(base, who.other, 'GET', '/api/blocks/inv-a/investment')).status).toBe(403);
    expect((await call(base, ANON, 'GET', '/api/blocks/inv-a/investment')).status).toBe(401);
  });
});

describe('the abnormal list (GET /api/abnormal-list, POST /api/abnormal-list/publications)', () => {
  beforeAll(async () => {
    // inv-a: below the minimum in its first version; put it back below (3,000,000 < 5,000,000)
    expect((await file(who.holder, 'inv-a', { year: 2025, breakdown: { drilling: 3_000_000 } })).status).toBe(201);
    // inv-d: meets the minimum (2025 is exploration year 5: 100 × 30,000 = 3,000,000)
    expect((await file(who.holder2, 'inv-d', { year: 2025, breakdown: { drilling: 3_500_000 } })).status).toBe(201);
  });

  /** the test's own blocks (the demo's are in the same database) */
  const mine = (list: Record<string, any>) => list.entries.filter((e: { block_id: string }) => e.block_id.startsWith('inv-'));
  const codes = (list: Record<string, any>, id: string) =>
    list.entries.find((e: { block_id: string }) => e.block_id === id)?.reasons.map((r: { code: string }) => r.code) ?? [];

  it('regulators see the candidates with figures and citations: below the minimum, not filed, filed late', async () => {
    const list = await json(await call(base, who.province, 'GET', '/api/abnormal-list?year=2025'));
    expect(list).toMatchObject({ status: 'candidates', year: 2025, authority: PROVINCE, deadline: '2026-03-31', publication: null });
    // every filing above was made after 2026-03-31 (the test runs later): late
    expect(codes(list, 'inv-a')).toEqual(['INVESTMENT_REPORTED_LATE', 'INVESTMENT_BELOW_MINIMUM']);
    expect(codes(list, 'inv-c')).toEqual(['INVESTMENT_NOT_REPORTED']);
    expect(codes(list, 'inv-d')).toEqual(['INVESTMENT_REPORTED_LATE']);
    expect(codes(list, 'inv-b')).toEqual(['INVESTMENT_REPORTED_LATE']);
    expect(list.holders).toBe(new Set(list.entries.map((e: { holder: string }) => e.holder)).size);
    const below = list.entries.find((e: { block_id: string }) => e.block_id === 'inv-a').reasons[1];
    expect(below).toMatchObject({ source: 'investment', params: { reported: '3000000', minimum: '5000000', shortfall: '40%' } });
    expect(below.message_zh).toContain('未达到法定最低勘查投入');
    expect(below.citations.map((c: { doc: string }) => c.doc)).toEqual(expect.arrayContaining(['273号令 第十六条', '273号令 第四十四条']));
    const notFiled = list.entries.find((e: { block_id: string }) => e.block_id === 'inv-c').reasons[0];
    expect(notFiled.citations.map((c: { doc: string }) => c.doc)).toContain('273号令 第四十三条');
  });

  it('unpaid usage fees feed the same list (payments source, contract template 第六条, 000:L4432)', async () => {
    // the demo's overdue usage fee: blk-0019, exploration year 9, due 2025-12-29 (data/demo/payments.json)
    const list = await json(await call(base, who.province, 'GET', '/api/abnormal-list?year=2025'));
    const entry = list.entries.find((e: { block_id: string }) => e.block_id === 'blk-0019');
    const fee = entry?.reasons.find((r: { code: string }) => r.code === 'USAGE_FEE_OVERDUE');
    expect(fee).toMatchObject({ source: 'payments', params: { due_date: '2025-12-29' } });
    expect(fee.params.outstanding).toBeDefined();
    expect(fee.message_zh).toContain('异常名录');
    expect(fee.citations[0].doc).toContain('第六条');
    expect(fee.citations[0].source).toContain('000:L4432');
    // a list of the year before does not hold a fee that fell due later
    const earlier = await json(await call(base, who.province, 'GET', '/api/abnormal-list?year=2024'));
    expect(codes(earlier, 'blk-0019')).not.toContain('USAGE_FEE_OVERDUE');
  });

  it('a filing made by the deadline is not late; a later deadline makes nothing missing yet', async () => {
    await srv.ownerQuery("UPDATE investment_reports SET submitted_at = '2026-03-01T02:00:00Z' WHERE block_id IN ('inv-d', 'inv-b')");
    const list = await json(await call(base, who.province, 'GET', '/api/abnormal-list?year=2025'));
    expect(codes(list, 'inv-d')).toEqual([]);
    expect(codes(list, 'inv-b')).toEqual([]);
    const later = await json(
      await call(base, who.admin, 'GET', `/api/abnormal-list?year=2025&deadline_mmdd=12-31&authority=${encodeURIComponent(PROVINCE)}`),
    );
    expect(later.deadline).toBe('2026-12-31');
    if (new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10) <= '2026-12-31') expect(codes(later, 'inv-c')).toEqual([]);
  });

  it('scope: a city regulator may not list the province; holders and the anonymous see only what is published', async () => {
    const r = await call(base, who.city, 'GET', `/api/abnormal-list?year=2025&authority=${encodeURIComponent(PROVINCE)}`);
    expect(r.status).toBe(403);
    const city = await json(await call(base, who.city, 'GET', '/api/abnormal-list?year=2025'));
    expect(city.authority).toBe(CITY);
    expect(mine(city)).toEqual([]);
    for (const w of [ANON, who.holder]) {
      const l = await json(await call(base, w, 'GET', '/api/abnormal-list?year=2025'));
      expect(l).toMatchObject({ status: 'not_published', entries: [] });
    }
    expect((await call(base, ANON, 'GET', '/api/abnormal-list?authority=nowhere')).status).toBe(422);
  });

  it('a regulator publishes (audited); then everyone reads the published list, without the confidential figures', async () => {
    expect((await call(base, who.holder, 'POST', '/api/abnormal-list/publications', { year: 2025 })).status).toBe(403);
    expect((await call(base, ANON, 'POST', '/api/abnormal-list/publications', { year: 2025 })).status).toBe(401);
    let r = await call(base, who.province, 'POST', '/api/abnormal-list/publications', { year: 2099 });
    expect(r.status).toBe(422);
    expect((await errorOf(r)).code).toBe('YEAR_NOT_DUE');
    r = await call(base, who.province, 'POST', '/api/abnormal-list/publications', {
      year: 2025,
      document_no: '晋自然资公告〔2026〕9号(合成)',
    });
    expect(r.status, await r.clone().text()).toBe(201);
    const pub = await json(r);
    expect(pub).toMatchObject({ year: 2025, authority: PROVINCE, deadline: '2026-03-31', published_by: 'inv-province' });
    expect(pub.entries_sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(
      mine(pub)
        .map((e: { block_id: string }) => e.block_id)
        .sort(),
    ).toEqual(['inv-a', 'inv-c']);
    // the demo's filings of 2025: two holders below the minimum (data/demo/investment_reports.json)
    expect(pub.entries.map((e: { block_id: string }) => e.block_id)).toEqual(expect.arrayContaining(['blk-0030', 'blk-0031']));
    expect(pub.entries.map((e: { block_id: string }) => e.block_id)).not.toContain('blk-0021');
    // and exactly those two holders among the demo's rights fail on investment (data/demo-data.test.ts counts the files)
    const demoInvestment = pub.entries.filter(
      (e: { block_id: string; reasons: { source: string }[] }) =>
        e.block_id.startsWith('blk-') && e.reasons.some((r) => r.source === 'investment'),
    );
    expect(new Set(demoInvestment.map((e: { holder: string }) => e.holder))).toEqual(
      new Set(['山西聚源煤化有限公司(合成)', '山西省地质矿产勘查开发有限公司(合成)']),
    );
    const audit = await json(await call(base, who.admin, 'GET', `/api/audit?collection=abnormal_list&id=${pub.id}`));
    expect(audit.items.map((e: { operation: string }) => e.operation)).toEqual(['publish']);

    const open = await json(await call(base, ANON, 'GET', '/api/abnormal-list?year=2025'));
    expect(open).toMatchObject({
      status: 'published',
      year: 2025,
      authority: PROVINCE,
      holders: new Set(pub.entries.map((e: { holder: string }) => e.holder)).size,
    });
    expect(open.publication).toMatchObject({ id: pub.id, document_no: '晋自然资公告〔2026〕9号(合成)' });
    const below = open.entries
      .find((e: { block_id: string }) => e.block_id === 'inv-a')
      .reasons.find((x: { code: string }) => x.code === 'INVESTMENT_BELOW_MINIMUM');
    expect(below.params).toEqual({ block: '投入测试 inv-a', year: 2025 });
    expect(JSON.stringify(open)).not.toMatch(/"(reported|minimum|shortfall)"/);
    // the regulator's live view names the publication beside the candidates
    const live = await json(await call(base, who.province, 'GET', '/api/abnormal-list?year=2025'));
    expect(live.publication.id).toBe(pub.id);
    // and can read the published form too
    const asPublished = await json(await call(base, who.province, 'GET', '/api/abnormal-list?year=2025&view=published'));
    expect(asPublished.status).toBe('published');
  });
});

/**
 * Payments (issue 14 item 4): obligations issued from the register and the contract, payments recorded against them,
 * late fees at 0.2 % a day capped at the principal, a block's statement, the calendar of what falls due, every role;
 * the demo's overdue usage fee and the 异常名录 feed (overdueUsageFees).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ANON, bearer, call, login, type Who } from '../helpers/auth';
import { ADMIN_TOKEN, useTestServer } from '../helpers/server';
import { box } from '../../server/geometry/shapes.fixture';
import { explorationUsageFee } from '../../server/rules/fees';
import { fenOf, yuan } from '../../server/rules/money';
import { overdueUsageFees } from '../../server/payments/abnormal';

const srv = useTestServer();
const H = '缴款测试煤层气有限公司(合成)';
const PROVINCE = '山西省自然资源厅';
const B = 'pay-listing';

type Key = 'anon' | 'holder' | 'other' | 'province' | 'city' | 'mnr' | 'admin' | 'demoHolder';
const who = {} as Record<Key, Who>;
let base = '';
let area = 0;

const json = async (r: Response) => (await r.json()) as Record<string, any>;
const errorOf = async (r: Response) =>
  (await json(r)).error as { code: string; message: string; message_zh: string; details?: Record<string, unknown>[] };
const statement = async (w: Who, id: string, on: string) => call(base, w, 'GET', `/api/blocks/${id}/payments?on=${on}`);
const line = (s: Record<string, any>, key: string) => (s.obligations as Record<string, any>[]).find((o) => o.key === key)!;
const pay = (w: Who, body: Record<string, unknown>) => call(base, w, 'POST', '/api/payments', body);

beforeAll(async () => {
  base = srv.url;
  const boot = bearer('bootstrap', ADMIN_TOKEN);
  for (const [username, role, holders, authority] of [
    ['pay-holder', 'holder', [H], null],
    ['pay-other', 'holder', ['别家能源有限公司(合成)'], null],
    ['pay-city', 'regulator', [], '晋城市规划和自然资源局'],
  ] as const) {
    const r = await call(base, boot, 'POST', '/api/accounts', { username, role, holders, authority, password: 'pay-password-1' });
    expect(r.status, await r.clone().text()).toBe(201);
  }
  who.anon = ANON;
  who.holder = await login(base, 'pay-holder', 'pay-password-1');
  who.other = await login(base, 'pay-other', 'pay-password-1');
  who.city = await login(base, 'pay-city', 'pay-password-1');
  who.province = await login(base, 'regulator', 'demo-regulator-2026');
  who.mnr = await login(base, 'mnr', 'demo-mnr-2026');
  who.admin = await login(base, 'admin', 'demo-admin-2026');
  who.demoHolder = await login(base, 'holder', 'demo-holder-2026');
  // a provincial CBM exploration right granted by listing, first registered 2017-01-10, in its second term
  const made = await call(base, boot, 'POST', '/api/collections/blocks/items', {
    type: 'Feature',
    id: B,
    geometry: box(111.5, 37.5, 111.6, 37.6),
    properties: {
      name: '缴款测试区块',
      holder: H,
      kind: 'exploration',
      mineral: 'cbm',
      authority: PROVINCE,
      acquisition_method: 'listing',
      province_registered: true,
      first_registration_date: '2017-01-10',
      valid_from: '2022-01-10',
      valid_to: '2027-01-09',
      extensions_used: 1,
    },
  });
  expect(made.status, await made.clone().text()).toBe(201);
  area = ((await made.json()) as { properties: { area_km2: number } }).properties.area_km2;
}, 120_000);

const TERMS = {
  contract_doc: '挂牌出让合同（测试）',
  income_total_yuan: '5000000.00',
  income_first_ratio: 0.2,
  income_first_due: '2017-02-09',
};

describe('issuing obligations (a regulator overseeing the block, an admin)', () => {
  it('refuses anonymous, holders and a regulator who does not oversee the block', async () => {
    const path = `/api/blocks/${B}/payments/obligations`;
    expect((await call(base, who.anon, 'POST', path, { terms: TERMS })).status).toBe(401);
    for (const k of ['holder', 'other', 'city'] as const) {
      const r = await call(base, who[k], 'POST', path, { terms: TERMS });
      expect(r.status, k).toBe(403);
      expect((await errorOf(r)).code).toBe('FORBIDDEN');
    }
  });

  it('refuses terms that break the rules, pointing at the field', async () => {
    const path = `/api/blocks/${B}/payments/obligations`;
    const low = await call(base, who.province, 'POST', path, { terms: { ...TERMS, income_first_ratio: 0.1 } });
    expect(low.status).toBe(422);
    const e = await errorOf(low);
    expect([e.code, e.details?.[0]?.field]).toEqual(['FIRST_BELOW_MIN', 'terms.income_first_ratio']);
    expect(e.message_zh).toContain('20%');
    const noDue = await call(base, who.province, 'POST', path, { terms: { income_total_yuan: '100.00' } });
    expect((await errorOf(noDue)).code).toBe('FIRST_DUE_REQUIRED');
    const bad = await call(base, who.province, 'POST', path, { terms: { ...TERMS, income_total_yuan: '1.234' } });
    expect([bad.status, (await errorOf(bad)).code]).toEqual([422, 'INVALID_PAYMENT_TERMS']);
    const sum = await call(base, who.province, 'POST', path, {
      terms: { ...TERMS, income_instalments: [{ due_date: '2030-01-01', amount_yuan: '1.00' }] },
    });
    expect([sum.status, (await errorOf(sum)).code]).toEqual([422, 'INSTALMENTS_SUM']);
    expect((await call(base, who.province, 'POST', '/api/blocks/no-such-block/payments/obligations', {})).status).toBe(404);
  });

  it('issues 出让收益 (20 % first, the rest pending 转采) and usage fees from year 6, audited; issuing again keeps them', async () => {
    const r = await call(base, who.province, 'POST', `/api/blocks/${B}/payments/obligations`, { terms: TERMS, reason: '合同签订' });
    expect(r.status, await r.clone().text()).toBe(200);
    const out = await json(r);
    expect(out.created).toEqual(['income-1', 'income-rest', 'expl-fee-6', 'expl-fee-7', 'expl-fee-8', 'expl-fee-9', 'expl-fee-10']);
    const s = out.statement;
    expect(line(s, 'income-1').amount).toEqual({ fen: 100_000_000, yuan: '1000000.00' });
    expect(line(s, 'income-rest')).toMatchObject({ due_date: null, status: 'pending', amount: { yuan: '4000000.00' } });
    const y6 = line(s, 'expl-fee-6');
    expect(y6).toMatchObject({ due_date: '2022-01-10', period_to: '2023-01-09', rule: 'R-FEE-1', citation: '273号令 第三十三条（一）' });
    expect(y6.amount.fen).toBe(fenOf(explorationUsageFee({ exploration_year: 6, area_km2: area }).amount_cny));
    expect(line(s, 'expl-fee-10').amount.fen).toBe(fenOf(explorationUsageFee({ exploration_year: 10, area_km2: area }).amount_cny));
    expect(s.notes.map((n: { code: string }) => n.code)).toContain('FEES_FREE');
    const audit = await srv.ownerQuery(
      "SELECT collection, operation, actor FROM audit_log WHERE item_id = $1 AND collection LIKE 'payment%' ORDER BY id",
      [B],
    );
    expect(audit.rows).toEqual([
      { collection: 'payment_terms', operation: 'create', actor: 'regulator' },
      { collection: 'payment_obligations', operation: 'issue', actor: 'regulator' },
    ]);
    const again = await json(await call(base, who.admin, 'POST', `/api/blocks/${B}/payments/obligations`, {}));
    expect(again.created).toEqual([]);
    expect(again.statement.unissued).toEqual([]);
  });
});

describe('payments and late fees (财综〔2023〕10号 第三十三条, 001:L20903: 0.2 % a day, at most the principal)', () => {
  it('only a regulator overseeing the block or an admin records a payment', async () => {
    const body = { obligation_id: `${B}:expl-fee-6`, paid_on: '2022-01-05', amount_yuan: '1.00' };
    expect((await pay(who.anon, body)).status).toBe(401);
    for (const k of ['holder', 'other', 'city'] as const) expect((await pay(who[k], body)).status, k).toBe(403);
  });

  it('refuses a bad amount, an unknown obligation, a payment dated in the future and an overpayment', async () => {
    const id = `${B}:expl-fee-6`;
    const e1 = await pay(who.province, { obligation_id: id, paid_on: '2022-01-05', amount_yuan: '10.005' });
    expect([e1.status, (await errorOf(e1)).code]).toEqual([422, 'INVALID_PAYMENT']);
    const e2 = await errorOf(await pay(who.province, { obligation_id: `${B}:nope`, paid_on: '2022-01-05', amount_yuan: '1' }));
    expect([e2.code, e2.details?.[0]?.field]).toEqual(['OBLIGATION_NOT_FOUND', 'obligation_id']);
    const e3 = await pay(who.province, { obligation_id: id, paid_on: '2199-01-01', amount_yuan: '1' });
    expect((await errorOf(e3)).code).toBe('PAID_IN_FUTURE');
    const e4 = await pay(who.province, { obligation_id: id, paid_on: '2022-01-05', amount_yuan: '99999999.00' });
    const err = await errorOf(e4);
    expect([e4.status, err.code, err.details?.[0]?.field]).toEqual([422, 'OVERPAYMENT', 'amount_yuan']);
  });

  it('worked example: part paid on time, the rest 10 days late → the fee on the rest only; the late fee paid off', async () => {
    const id = `${B}:expl-fee-6`;
    const s0 = await json(await statement(who.province, B, '2022-01-10'));
    const principal = line(s0, 'expl-fee-6').amount.fen as number;
    const onTime = 500_000; // 5,000.00 元 on the due date
    const r1 = await pay(who.province, { obligation_id: id, paid_on: '2022-01-10', amount_yuan: '5000.00', receipt_no: 'R-1' });
    expect(r1.status, await r1.clone().text()).toBe(201);
    expect((await json(r1)).payment).toMatchObject({
      part: 'principal',
      amount: { fen: onTime, yuan: '5000.00' },
      receipt_no: 'R-1',
      recorded_by: 'regulator',
    });
    const rest = principal - onTime;
    const r2 = await pay(who.admin, { obligation_id: id, paid_on: '2022-01-20', amount_yuan: yuan(rest) });
    expect(r2.status, await r2.clone().text()).toBe(201);
    const s = await json(await statement(who.province, B, '2022-02-01'));
    const o = line(s, 'expl-fee-6');
    const fee = Math.round((rest * 2 * 10) / 1000);
    expect(o).toMatchObject({ status: 'paid', outstanding: { fen: 0 }, days_late: 10 });
    expect(o.late_fee.owed.fen).toBe(fee);
    expect(o.late_fee.segments).toEqual([{ from: '2022-01-11', to: '2022-01-20', days: 10, unpaid: { fen: rest, yuan: yuan(rest) } }]);
    expect(o.late_fee.readings.map((m: { code: string }) => m.code)).toEqual(['LATE_DAY_COUNT', 'LATE_CAP_READING', 'LATE_USAGE_FEE']);
    expect(o.late_fee.steps[0].formula).toBe(`${yuan(rest)} × 0.2% × 10 = ${yuan(fee)} CNY`);
    // a late-fee payment of more than is owed is refused; the exact amount is taken
    const over = await pay(who.province, { obligation_id: id, part: 'late_fee', paid_on: '2022-02-01', amount_yuan: yuan(fee + 1) });
    expect((await errorOf(over)).code).toBe('OVERPAYMENT');
    expect((await pay(who.province, { obligation_id: id, part: 'late_fee', paid_on: '2022-02-01', amount_yuan: yuan(fee) })).status).toBe(
      201,
    );
    const after = line(await json(await statement(who.province, B, '2022-02-01')), 'expl-fee-6');
    expect(after.late_fee.outstanding.fen).toBe(0);
    const audit = await srv.ownerQuery(
      "SELECT count(*)::int AS n FROM audit_log WHERE collection = 'payments' AND after->>'block_id' = $1",
      [B],
    );
    expect(audit.rows[0].n).toBe(3);
  });

  it('worked example: never paid → the fee grows 0.2 % a day until it reaches the principal (500 days), then stops', async () => {
    const s = await json(await statement(who.province, B, '2025-06-01'));
    const o = line(s, 'expl-fee-7'); // due 2023-01-10, unpaid
    expect(o.status).toBe('overdue');
    expect(o.days_late).toBe(873);
    expect(o.late_fee.capped).toBe(true);
    expect(o.late_fee.owed).toEqual(o.amount);
    expect(o.late_fee.accrued.fen).toBe(Math.round((o.amount.fen * 2 * 873) / 1000));
    const young = line(await json(await statement(who.province, B, '2023-02-09')), 'expl-fee-7');
    expect([young.days_late, young.late_fee.capped, young.late_fee.owed.fen]).toEqual([
      30,
      false,
      Math.round((young.amount.fen * 60) / 1000),
    ]);
    expect(s.totals.balance.fen).toBe(s.totals.outstanding.fen + s.totals.late_fee_outstanding.fen);
  });
});

describe("a block's statement and who sees it", () => {
  it('its holder, overseeing regulators and admins; not other holders, another city, or anonymous', async () => {
    const on = '2026-12-02';
    expect((await statement(who.anon, B, on)).status).toBe(401);
    for (const k of ['other', 'city', 'demoHolder'] as const) {
      const r = await statement(who[k], B, on);
      expect(r.status, k).toBe(403);
      expect((await errorOf(r)).message_zh).toContain('缴款');
    }
    for (const k of ['holder', 'province', 'mnr', 'admin'] as const) expect((await statement(who[k], B, on)).status, k).toBe(200);
    expect((await statement(who.admin, 'no-such-block', on)).status).toBe(404);
    expect((await call(base, who.admin, 'GET', `/api/blocks/${B}/payments?on=2026-13-01`)).status).toBe(422);
  });

  it('demo: blk-0019 has one usage fee overdue (exploration year 9, due 2025-12-29), the earlier ones paid (year 8 late, its late fee paid), the rest of the term to come', async () => {
    const s = await json(await statement(who.province, 'blk-0019', '2026-12-02'));
    expect(s.obligations.map((o: Record<string, any>) => [o.key, o.status])).toEqual([
      ['expl-fee-6', 'paid'],
      ['expl-fee-7', 'paid'],
      ['expl-fee-8', 'paid'],
      ['expl-fee-9', 'overdue'],
      ['expl-fee-10', 'due'],
      ['expl-fee-11', 'due'],
      ['expl-fee-12', 'due'],
      ['expl-fee-13', 'due'],
      ['expl-fee-14', 'due'],
    ]);
    const y8 = line(s, 'expl-fee-8');
    expect([y8.days_late, y8.late_fee.outstanding.fen, y8.payments.length]).toEqual([17, 0, 3]);
    expect(y8.late_fee.owed.fen).toBeGreaterThan(0);
    const y9 = line(s, 'expl-fee-9');
    expect([y9.due_date, y9.days_late, y9.late_fee.capped]).toEqual(['2025-12-29', 338, false]);
    expect(y9.late_fee.owed.fen).toBe(Math.round((y9.amount.fen * 2 * 338) / 1000));
    expect(s.totals.overdue).toEqual(y9.outstanding);
  });
});

describe('GET /api/payments/due (the calendar)', () => {
  it('a regulator sees its authority’s open obligations due within N days and those overdue', async () => {
    const r = await call(base, who.province, 'GET', '/api/payments/due?within=30&on=2026-12-02');
    expect(r.status).toBe(200);
    const c = await json(r);
    expect([c.until, c.authority]).toEqual(['2027-01-01', PROVINCE]);
    const keys = c.items.map((i: Record<string, any>) => `${i.block_id}:${i.key}:${i.status}`);
    expect(keys).toContain('blk-0019:expl-fee-9:overdue');
    expect(keys).toContain('blk-0019:expl-fee-10:due');
    expect(keys).not.toContain('blk-0019:expl-fee-8:paid');
    expect(c.items.every((i: Record<string, any>) => i.block.authority === PROVINCE)).toBe(true);
    expect(keys.some((k: string) => k.startsWith('blk-0023'))).toBe(false); // a ministry right
    expect(c.totals.overdue.fen).toBeGreaterThan(0);
  });

  it('a holder sees its own only; a regulator may not name an authority it does not oversee; anonymous 401', async () => {
    const own = await json(await call(base, who.demoHolder, 'GET', '/api/payments/due?within=30&on=2027-06-01'));
    expect(own.items.map((i: Record<string, any>) => i.key)).toEqual(['mining-fee-2027-06-23']);
    expect(own.items[0].block.holder).toBe('中联煤层气有限责任公司(合成)');
    const none = await json(await call(base, who.other, 'GET', '/api/payments/due?within=3660&on=2026-12-02'));
    expect(none.items).toEqual([]);
    expect((await call(base, who.city, 'GET', `/api/payments/due?authority=${encodeURIComponent(PROVINCE)}`)).status).toBe(403);
    expect((await call(base, who.anon, 'GET', '/api/payments/due')).status).toBe(401);
    expect((await call(base, who.admin, 'GET', '/api/payments/due?within=-1')).status).toBe(422);
    const all = await json(await call(base, who.admin, 'GET', '/api/payments/due?within=30&on=2027-06-01'));
    expect(all.items.some((i: Record<string, any>) => i.block_id === 'blk-0023')).toBe(true);
  });
});

describe('the 异常名录 feed: overdue unpaid usage fees', () => {
  it('lists each usage fee unpaid after its due date with its reason and citation (000:L4432)', async () => {
    const list = await overdueUsageFees(srv.db, '2026-12-02');
    const demo = list.find((x) => x.obligation_id === 'blk-0019:expl-fee-9')!;
    expect(demo).toMatchObject({
      block_id: 'blk-0019',
      holder: '山西美锦能源股份有限公司(合成)',
      due_date: '2025-12-29',
      days_overdue: 338,
    });
    expect(demo.reason.code).toBe('USAGE_FEE_OVERDUE');
    expect(demo.reason.message_zh).toContain('异常名录');
    expect(demo.citation).toContain('第六条');
    expect(demo.source).toContain('000:L4432');
    // the test block's unpaid years, not its 出让收益 (pending) nor the paid year 6
    const mine = list.filter((x) => x.block_id === B).map((x) => x.obligation_id);
    expect(mine).toEqual([`${B}:expl-fee-7`, `${B}:expl-fee-8`, `${B}:expl-fee-9`, `${B}:expl-fee-10`]);
    expect(list.every((x) => x.kind !== ('transfer_income' as never))).toBe(true);
    const scoped = await overdueUsageFees(srv.db, '2026-12-02', { holders: [H] });
    expect(scoped.map((x) => x.block_id)).toEqual([B, B, B, B]);
    // before year 9 fell due, the demo block is not listed
    expect((await overdueUsageFees(srv.db, '2025-12-29')).some((x) => x.block_id === 'blk-0019')).toBe(false);
  });
});

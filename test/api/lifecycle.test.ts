import { describe, expect, it } from 'vitest';
import { featureCollection, feature, union } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import { ADMIN_TOKEN, useTestServer } from '../helpers/server';
import { square } from '../../server/geometry/shapes.fixture';
import { demoDeductedFirst } from '../../data/planner-figures';
import { ellipsoidalAreaKm2 } from '../../server/geodesy/area';

const srv = useTestServer();
const json = { 'content-type': 'application/json' };
const post = (path: string, body: unknown, headers: Record<string, string> = json) =>
  fetch(`${srv.url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
const findBlock = async (q: string, kind = 'exploration') => {
  const fc = await (await fetch(`${srv.url}/collections/blocks/items?q=${encodeURIComponent(q)}&mineral=cbm&kind=${kind}`)).json();
  return fc.features[0];
};

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
    const res = await fetch(`${srv.url}/api/blocks/${b.id}/assessment?on=2026-11-24`, { headers: reader });
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

const admin = { ...json, authorization: `Bearer ${ADMIN_TOKEN}` };
/** investment ledgers and offsets are confidential (issue 13): read them as an administrator */
const reader = { authorization: `Bearer ${ADMIN_TOKEN}` };
const createBlock = async (id: string, lon: number, props: Record<string, unknown>, size?: number) => {
  const res = await post(
    '/collections/blocks/items',
    { type: 'Feature', id, geometry: square(lon, 30.5, size), properties: { name: id, status: 'valid', ...props } },
    admin,
  );
  expect(res.status).toBe(201);
  return res.json();
};
/**
 * A Shanxi CBM exploration block of `holder` whose extension is granted on 2026-06-01 (its minimum investment met: u = 0),
 * so it has a reduction due that an offset can stand in for (the `t-due-recv` pattern below).
 */
const grantedReceiver = async (id: string, lon: number, holder: string) => {
  await createBlock(
    id,
    lon,
    {
      kind: 'exploration',
      mineral: 'cbm',
      holder,
      extensions_used: 0,
      first_registration_date: '2021-07-01',
      valid_from: '2021-07-01',
      valid_to: '2026-06-30',
    },
    0.2,
  );
  for (const year of [2021, 2022, 2023, 2024, 2025, 2026])
    await srv.db.query('INSERT INTO investments (block_id, year, amount_cny) VALUES ($1, $2, $3)', [id, year, 50_000_000]);
  const r = await (await fetch(`${srv.url}/api/blocks/${id}/assessment?on=2026-06-01`, { headers: reader })).json();
  expect(r.assessment.decision).toBe('extend');
  return { id, properties: { holder }, due_km2: r.assessment.reduction_km2 as number };
};

describe('offsets (抵扣, R-RED-10) — one transaction, every eligibility rule', () => {
  it("records B giving area to A: ledger row, B's licensed area reduced (with history), A credited; B's next base is its pre-offset area, not counted twice", async () => {
    // 晋自然资发〔2020〕11号 四（二）1 (000:L4258): “乙探矿权……同步作变更登记手续（仅作面积变更，有效期不变）”;
    // 四（二）2: “乙探矿权到期延续时，以抵扣前证载面积为基础……进行面积核减”; “要注明本区块未核减/其它区块缩小面积（抵扣）” (000:L4264).
    // 甲 (receiver): a block of 寿阳西's holder whose extension is granted on the offset date (寿阳北 is refused then: see below)
    const b = await findBlock('寿阳西');
    const a = await grantedReceiver('t-recv-zl', 102.5, b.properties.holder);
    expect(a.due_km2).toBeGreaterThan(10);
    const body = { from_block: b.id, to_block: a.id, area_km2: 10, offset_date: '2026-06-01' };
    expect((await post('/api/offsets', body)).status).toBe(401);
    const before = await (await fetch(`${srv.url}/api/blocks/${b.id}/assessment?on=2026-06-02`, { headers: reader })).json();
    const res = await post('/api/offsets', body, admin);
    expect(res.status).toBe(201);
    const out = await res.json();
    expect(out.regime).toBe('shanxi-cbm-2020');
    expect(out.from_block_new_area_km2).toBeCloseTo(b.properties.area_km2 - 10, 4);
    expect(out.disclosure).toEqual({ to_block: '本区块未核减', from_block: '其它区块缩小面积（抵扣）' });
    for (const id of [a.id, b.id]) {
      const list = await (await fetch(`${srv.url}/api/blocks/${id}/offsets`, { headers: reader })).json();
      expect(list.items).toHaveLength(1);
      expect(list.items[0].receiver_credit_km2).toBe(10);
    }
    // the giving block's licensed area on record is reduced, the previous version kept in history
    const rec = (
      await srv.db.query<{ licensed_area_km2: number; area_km2: number }>('SELECT licensed_area_km2, area_km2 FROM blocks WHERE id = $1', [
        b.id,
      ])
    ).rows[0];
    expect(rec.licensed_area_km2).toBeCloseTo(rec.area_km2 - 10, 6);
    const hist = (
      await srv.db.query<{ n: number }>('SELECT count(*)::int AS n FROM blocks_history WHERE id = $1 AND licensed_area_km2 IS NULL', [b.id])
    ).rows[0];
    expect(hist.n).toBeGreaterThanOrEqual(1);
    // B's own next assessment: base on the pre-offset area = what it was before (not + 10 on top of an unchanged geometry)
    const after = await (await fetch(`${srv.url}/api/blocks/${b.id}/assessment?on=2026-06-02`, { headers: reader })).json();
    expect(after.inputs.licensed_area_km2).toBeCloseTo(b.properties.area_km2, 6);
    expect(after.inputs.licensed_area_km2).toBeCloseTo(before.inputs.licensed_area_km2, 6);
    expect(after.assessment.reduction_km2).toBeCloseTo(before.assessment.reduction_km2, 6);
    // A is credited against its due reduction (本区块未核减)
    const aAssess = await (await fetch(`${srv.url}/api/blocks/${a.id}/assessment?on=2026-06-02`, { headers: reader })).json();
    expect(aAssess.offset_credit.credit_km2).toBe(10);
    expect(aAssess.assessment.decision).toBe('extend');
    expect(aAssess.offset_credit.due_reduction_km2).toBeCloseTo(a.due_km2 - 10, 6);
    expect(out.receiver).toMatchObject({ block_id: a.id, credit_km2: 10 });
    expect(out.receiver.due_before_km2).toBeCloseTo(a.due_km2, 6);
    expect(out.receiver.due_after_km2).toBeCloseTo(a.due_km2 - 10, 6);
    expect(aAssess.warnings.map((w: { code: string }) => w.code)).toContain('RECEIVED_CREDIT');
  });

  it('OFFSET_RECEIVER_NOT_DUE: no offset to a block whose extension is refused or not assessable — nothing is due, nothing written (000:L4258, L4264)', async () => {
    // 晋自然资发〔2020〕11号 四（二）1 (000:L4258): “在甲探矿权办理延续登记的同时，办理抵扣面积的乙探矿权……同步作变更登记手续”;
    // “要注明本区块未核减” (000:L4264): the offset is the receiver's reduction taken elsewhere. 寿阳北 on 2026-06-01 is refused
    // (two extensions used, reserves not converted, u > 50 %): it has no extension, so no reduction to take from 寿阳西.
    const a = await findBlock('寿阳北');
    const b = await findBlock('寿阳西');
    const date = '2026-06-01';
    const aAssess = await (await fetch(`${srv.url}/api/blocks/${a.id}/assessment?on=${date}`, { headers: reader })).json();
    expect(aAssess.assessment.decision).toBe('refuse');
    const licensedBefore = (await srv.db.query<{ l: number | null }>('SELECT licensed_area_km2 AS l FROM blocks WHERE id = $1', [b.id]))
      .rows[0].l;
    const ledgerBefore = (await (await fetch(`${srv.url}/api/blocks/${b.id}/offsets`, { headers: reader })).json()).items.length;
    const r = await post('/api/offsets', { from_block: b.id, to_block: a.id, area_km2: 0.01, offset_date: date }, admin);
    expect(r.status).toBe(422);
    const e = (await r.json()).error;
    expect(e.code).toBe('OFFSET_RECEIVER_NOT_DUE');
    expect(e.details[0]).toMatchObject({ field: 'to_block', due_km2: 0, decision: 'refuse' });
    const codes = aAssess.assessment.refusal_reasons.map((m: { code: string }) => m.code);
    expect(e.details[0].reasons.map((m: { code: string }) => m.code)).toEqual(codes);
    expect(e.message_zh).toMatch(/不予延续/);
    expect(e.message_zh).toContain('000:L4264');
    expect(e.message).toMatch(/extension is refused/);
    expect(e.message).toContain('000:L4264');
    // nothing written: no ledger row, the giving block's licensed area untouched
    expect((await (await fetch(`${srv.url}/api/blocks/${b.id}/offsets`, { headers: reader })).json()).items).toHaveLength(ledgerBefore);
    expect((await srv.db.query<{ l: number | null }>('SELECT licensed_area_km2 AS l FROM blocks WHERE id = $1', [b.id])).rows[0].l).toBe(
      licensedBefore,
    );
    // a receiver that cannot be assessed (no validity dates) owes nothing either
    await createBlock('t-recv-nodates', 102.7, { kind: 'exploration', mineral: 'cbm', holder: b.properties.holder });
    const nd = await post('/api/offsets', { from_block: b.id, to_block: 't-recv-nodates', area_km2: 1, offset_date: date }, admin);
    expect(nd.status).toBe(422);
    const e2 = (await nd.json()).error;
    expect(e2.code).toBe('OFFSET_RECEIVER_NOT_DUE');
    expect(e2.details[0]).toMatchObject({ field: 'to_block', decision: null });
    expect(e2.message_zh).toMatch(/无延续评估/);
  });

  it('OFFSET_EXCEEDS_DUE: an offset larger than what the receiving block must still relinquish is refused, nothing written (11号 四（二）: “同等面积”)', async () => {
    // 晋自然资发〔2020〕11号 四（二） (000:L4256): “以省内其他未到期的煤层气探矿权抵扣核减面积” — the offset stands in for
    // the receiver's own cut, so it cannot exceed the reduction still due on the receiving block (its cut less credits received).
    // A receiver whose extension is granted (investment met, u = 0) and a giver of the same holder, both Shanxi CBM.
    const common = {
      kind: 'exploration',
      mineral: 'cbm',
      holder: '测试抵扣煤层气',
      extensions_used: 0,
      first_registration_date: '2021-07-01',
    };
    await createBlock('t-due-recv', 101.3, { ...common, valid_from: '2021-07-01', valid_to: '2026-06-30' });
    await createBlock('t-due-give', 101.5, { ...common, valid_from: '2024-07-01', valid_to: '2029-06-30' });
    for (const year of [2021, 2022, 2023, 2024, 2025, 2026])
      await srv.db.query('INSERT INTO investments (block_id, year, amount_cny) VALUES ($1, $2, $3)', ['t-due-recv', year, 50_000_000]);
    const a = { id: 't-due-recv' };
    const b = { id: 't-due-give' };
    const date = '2026-06-01';
    const aAssess = await (await fetch(`${srv.url}/api/blocks/${a.id}/assessment?on=${date}`, { headers: reader })).json();
    expect(aAssess.assessment.decision).toBe('extend');
    const due: number = aAssess.offset_credit?.due_reduction_km2 ?? aAssess.assessment.reduction_km2;
    expect(due).toBeGreaterThan(1);
    const ledgerBefore = (await (await fetch(`${srv.url}/api/blocks/${b.id}/offsets`, { headers: reader })).json()).items.length;
    const recBefore = (
      await srv.db.query<{ licensed_area_km2: number | null }>('SELECT licensed_area_km2 FROM blocks WHERE id = $1', [b.id])
    ).rows[0];
    const histBefore = (await srv.db.query<{ n: number }>('SELECT count(*)::int AS n FROM blocks_history WHERE id = $1', [b.id])).rows[0].n;

    const over = await post('/api/offsets', { from_block: b.id, to_block: a.id, area_km2: Math.ceil(due) + 1, offset_date: date }, admin);
    expect(over.status).toBe(422);
    const e = (await over.json()).error;
    expect(e.code).toBe('OFFSET_EXCEEDS_DUE');
    expect(e.details[0].field).toBe('area_km2');
    expect(e.details[0].due_km2).toBeCloseTo(due, 6);
    expect(e.message_zh).toMatch(/超出应核减面积/);
    expect(e.message).toMatch(/exceeds/);
    // nothing written: no ledger row, the giving block's licensed area and history untouched
    expect((await (await fetch(`${srv.url}/api/blocks/${b.id}/offsets`, { headers: reader })).json()).items).toHaveLength(ledgerBefore);
    const recAfter = (
      await srv.db.query<{ licensed_area_km2: number | null }>('SELECT licensed_area_km2 FROM blocks WHERE id = $1', [b.id])
    ).rows[0];
    expect(recAfter.licensed_area_km2).toBe(recBefore.licensed_area_km2);
    expect((await srv.db.query<{ n: number }>('SELECT count(*)::int AS n FROM blocks_history WHERE id = $1', [b.id])).rows[0].n).toBe(
      histBefore,
    );

    // exactly what is due is accepted (the bound is inclusive), and the receiver then owes nothing more
    const exact = await post('/api/offsets', { from_block: b.id, to_block: a.id, area_km2: due, offset_date: date }, admin);
    expect(exact.status).toBe(201);
    const out = await exact.json();
    expect(out.receiver.due_before_km2).toBeCloseTo(due, 6);
    expect(out.receiver.due_after_km2).toBeCloseTo(0, 6);
    // a further offset of any size now exceeds the (zero) due reduction
    const more = await post('/api/offsets', { from_block: b.id, to_block: a.id, area_km2: 0.5, offset_date: date }, admin);
    expect(more.status).toBe(422);
    expect((await more.json()).error.code).toBe('OFFSET_EXCEEDS_DUE');
  });

  it('the giving block cannot give more than it holds outside proven reserves: 422 INVALID_OFFSET, nothing written (000:L3366)', async () => {
    // 273号令 第十五条第二款 “（不含已提交探明地质储量范围）”: area inside proven reserves is not area to relinquish; a block of
    // ≈ 26 km² cannot give 30 km² to a receiver that owes ≈ 105 km² (11号 四（二）2: “导致乙区块面积不足核减的面积，应从其它探矿权中再次抵扣补足”).
    const common = {
      kind: 'exploration',
      mineral: 'cbm',
      holder: '测试抵扣煤层气',
      extensions_used: 0,
      first_registration_date: '2021-07-01',
    };
    const big = await post(
      '/collections/blocks/items',
      {
        type: 'Feature',
        id: 't-due-big',
        geometry: square(101.7, 30.5, 0.2),
        properties: { name: 't-due-big', status: 'valid', ...common, valid_from: '2021-07-01', valid_to: '2026-06-30' },
      },
      admin,
    );
    expect(big.status).toBe(201);
    for (const year of [2021, 2022, 2023, 2024, 2025, 2026])
      await srv.db.query('INSERT INTO investments (block_id, year, amount_cny) VALUES ($1, $2, $3)', ['t-due-big', year, 500_000_000]);
    await createBlock('t-due-small', 102.1, { ...common, valid_from: '2024-07-01', valid_to: '2029-06-30' });
    const due = await (await fetch(`${srv.url}/api/blocks/t-due-big/assessment?on=2026-06-01`, { headers: reader })).json();
    expect(due.assessment.decision).toBe('extend');
    expect(due.assessment.reduction_km2).toBeGreaterThan(30);
    const small = await (await fetch(`${srv.url}/collections/blocks/items/t-due-small`)).json();
    expect(small.properties.area_km2).toBeLessThan(30);
    const r = await post(
      '/api/offsets',
      { from_block: 't-due-small', to_block: 't-due-big', area_km2: 30, offset_date: '2026-06-01' },
      admin,
    );
    expect(r.status).toBe(422);
    const e = (await r.json()).error;
    expect(e.code).toBe('INVALID_OFFSET');
    expect(e.details[0].field).toBe('area_km2');
    expect(e.message_zh).toBeTruthy();
    expect((await (await fetch(`${srv.url}/api/blocks/t-due-small/offsets`, { headers: reader })).json()).items).toHaveLength(0);
    const rec = (
      await srv.db.query<{ licensed_area_km2: number | null }>('SELECT licensed_area_km2 FROM blocks WHERE id = $1', ['t-due-small'])
    ).rows[0];
    expect(rec.licensed_area_km2).toBeNull();
  });

  it('the giving block keeps its history after offsets: each offset is an area-only change registration, validity unchanged (11号 四（二）1)', async () => {
    // 000:L4258: “乙探矿权……同步作变更登记手续（仅作面积变更，有效期不变）”; 000:L4260: “乙探矿权到期延续时，以抵扣前证载面积为基础”.
    const b = await (await fetch(`${srv.url}/collections/blocks/items/t-due-give`)).json();
    const res = await fetch(`${srv.url}/collections/blocks/items/${b.id}/history`, { headers: reader });
    expect(res.status).toBe(200);
    const h = await res.json();
    type V = { operation: string; actor: string | null; properties: Record<string, unknown> | null; geometry: unknown };
    const versions: V[] = h.versions;
    const ledger = (await (await fetch(`${srv.url}/api/blocks/${b.id}/offsets`, { headers: reader })).json()).items as {
      area_km2: number;
      from_block: string;
    }[];
    const given = ledger.filter((o) => o.from_block === b.id);
    expect(given.length).toBeGreaterThanOrEqual(1);
    // one update per offset given, newest first, each by the caller who recorded the offset
    const updates = versions.filter((v) => v.operation === 'update');
    expect(updates.length).toBeGreaterThanOrEqual(given.length);
    const areas = versions.map((v) => v.properties?.licensed_area_km2 as number | null | undefined);
    const geometryArea = b.properties.area_km2 as number;
    // the newest version's licensed area = the geometry's area less every offset given; the oldest has none on record
    const totalGiven = given.reduce((s, o) => s + Number(o.area_km2), 0);
    expect(areas[0]).toBeCloseTo(geometryArea - totalGiven, 4);
    expect(areas[areas.length - 1] ?? null).toBeNull();
    // the licensed area only ever shrinks through the versions; validity dates and geometry are unchanged by an offset
    const nums = areas.filter((x): x is number => typeof x === 'number');
    for (let i = 1; i < nums.length; i++) expect(nums[i - 1]).toBeLessThan(nums[i] + 1e-9);
    for (const v of updates.slice(0, given.length)) {
      expect(v.properties?.valid_to).toBe(b.properties.valid_to);
      expect(v.properties?.valid_from).toBe(b.properties.valid_from);
      expect(v.geometry).toEqual(versions[versions.length - 1].geometry);
    }
    // who recorded it: the block's history names the caller on each area change (the offset audits the block's new
    // version beside the ledger row, in the same transaction), and the offset's own audit row says the same
    for (const v of updates.slice(0, given.length)) expect(v.actor).toBe('bootstrap-admin');
    const audit = await (await fetch(`${srv.url}/api/audit?collection=offsets`, { headers: reader })).json();
    const mine = audit.items.filter((r: { after: { from_block?: string } | null }) => r.after?.from_block === b.id);
    expect(mine.length).toBe(given.length);
    expect(mine[0].actor).toBe('bootstrap-admin');
    expect(mine[0].after.from_block_area_after_km2).toBeCloseTo(geometryArea - totalGiven, 4);
    // and its own next assessment still starts from the pre-offset area (not the reduced one)
    const after = await (await fetch(`${srv.url}/api/blocks/${b.id}/assessment?on=2026-06-02`, { headers: reader })).json();
    expect(after.inputs.licensed_area_km2).toBeCloseTo(geometryArea, 6);
  });

  it("refuses another holder's block, an expired block and a mining right, with bilingual codes (273号令 第十五条: “其山西省境内其他煤层气区块”)", async () => {
    const a = await findBlock('寿阳北');
    const other = await findBlock('保德'); // another holder
    const r1 = await post('/api/offsets', { from_block: other.id, to_block: a.id, area_km2: 1, offset_date: '2026-06-01' }, admin);
    expect(r1.status).toBe(422);
    const e1 = (await r1.json()).error;
    expect(e1.code).toBe('OFFSET_NOT_ALLOWED');
    expect(e1.details.map((d: { code: string }) => d.code)).toContain('OFFSET_OTHER_HOLDER');
    expect(e1.message_zh).toMatch(/矿业权人不同/);
    // 未到期 (11号 四（二）, 000:L4258): the same holder's block, but expired on the offset date
    const b = await findBlock('寿阳西');
    const r2 = await post('/api/offsets', { from_block: b.id, to_block: a.id, area_km2: 1, offset_date: '2031-01-10' }, admin);
    expect(r2.status).toBe(422);
    expect((await r2.json()).error.details.map((d: { code: string }) => d.code)).toContain('OFFSET_SOURCE_EXPIRED');
    // an exploration right is needed on both sides
    await createBlock('t-mining-zl', 100.1, {
      kind: 'mining',
      mineral: 'cbm',
      holder: a.properties.holder,
      valid_from: '2015-01-01',
      valid_to: '2035-01-01',
      first_registration_date: '2015-01-01',
    });
    const r3 = await post('/api/offsets', { from_block: 't-mining-zl', to_block: a.id, area_km2: 1, offset_date: '2026-06-01' }, admin);
    expect(r3.status).toBe(422);
    expect((await r3.json()).error.details.map((d: { code: string }) => d.code)).toContain('OFFSET_NOT_EXPLORATION');
    // nothing was written
    expect((await (await fetch(`${srv.url}/api/blocks/t-mining-zl/offsets`, { headers: reader })).json()).items).toHaveLength(0);
  });

  it('national-2023: not from an oil/gas right granted less than 5 years ago (自然资规〔2023〕6号 七, 001:L10495)', async () => {
    // “油气探矿权可以扣减同一盆地的该探矿权人其他区块同等面积，但新出让的油气探矿权 5年内不得用于抵扣该探矿权人其他区块应扣减面积”
    const common = { kind: 'exploration', mineral: 'oil_gas', holder: '测试油气公司', basin: 'test_basin', extensions_used: 1 };
    await createBlock('t-og-target', 100.3, {
      ...common,
      first_registration_date: '2010-01-01',
      first_registration_area_km2: 30,
      valid_from: '2021-01-01',
      valid_to: '2026-01-01',
    });
    await createBlock('t-og-young', 100.5, {
      ...common,
      first_registration_date: '2022-03-01',
      valid_from: '2022-03-01',
      valid_to: '2027-03-01',
    });
    await createBlock('t-og-old', 100.7, {
      ...common,
      first_registration_date: '2012-03-01',
      valid_from: '2022-03-01',
      valid_to: '2027-03-01',
    });
    const young = await post(
      '/api/offsets',
      { from_block: 't-og-young', to_block: 't-og-target', area_km2: 1, offset_date: '2025-06-01' },
      admin,
    );
    expect(young.status).toBe(422);
    const e = (await young.json()).error;
    expect(e.details.map((d: { code: string }) => d.code)).toContain('OFFSET_WITHIN_5Y');
    expect(e.details[0].message_zh).toBeTruthy();
    const old = await post(
      '/api/offsets',
      { from_block: 't-og-old', to_block: 't-og-target', area_km2: 1, offset_date: '2025-06-01' },
      admin,
    );
    expect(old.status).toBe(201);
    expect((await old.json()).regime).toBe('national-2023');
  });
});

describe('deadlines per block from its own regime', () => {
  it('a coal exploration right that used two extensions keeps its extension-application deadline (national regime, not 273号令)', async () => {
    // 273号令 第十五条 (000:L3364) “经批准可以延续两次……期满后不再延续” is the Shanxi CBM rule; 自然资规〔2023〕6号 七 sets no cap.
    await createBlock('t-coal-2ext', 100.9, {
      kind: 'exploration',
      mineral: 'coal',
      holder: '测试煤业',
      extensions_used: 2,
      first_registration_date: '2012-01-01',
      valid_from: '2022-01-01',
      valid_to: '2027-01-20',
    });
    await createBlock('t-cbm-2ext', 101.1, {
      kind: 'exploration',
      mineral: 'cbm',
      holder: '测试煤层气',
      extensions_used: 2,
      first_registration_date: '2012-01-01',
      valid_from: '2022-01-01',
      valid_to: '2027-01-20',
    });
    const r = await (await fetch(`${srv.url}/api/deadlines?within=90d&on=2026-11-24`)).json();
    const coal = r.items.filter((i: { block_id: string }) => i.block_id === 't-coal-2ext');
    expect(coal.map((i: { deadline: string }) => i.deadline)).toEqual(['extension_application', 'expiry']);
    expect(coal[0].regime).toBe('national-2023');
    expect(coal[0].due.citation).not.toMatch(/273号令/);
    const cbm = r.items.filter((i: { block_id: string }) => i.block_id === 't-cbm-2ext');
    expect(cbm.map((i: { deadline: string }) => i.deadline)).toEqual(['expiry']);
    expect(cbm[0].regime).toBe('shanxi-cbm-2020');
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
      // what counts toward the reduction is the area outside proven reserves (000:L3366): the counted area meets the
      // requirement within 0.5 %; the cut itself may be larger where it takes reserve area
      expect(c.counted_km2).toBeGreaterThanOrEqual(52.4605 - 1e-4);
      expect(c.counted_km2).toBeLessThanOrEqual(52.4605 * 1.005);
      expect(c.area_km2).toBeGreaterThanOrEqual(c.counted_km2 - 1e-9);
      expect(c.corners.length).toBeGreaterThanOrEqual(3);
      expect(c.reasons.length).toBeGreaterThan(0);
    }
  });

  it('does not silently accept void_reading: at an extension overlaps are never deducted, so it is not applied and a warning says so', async () => {
    // 自然资规〔2023〕4号 四（十一）“新立探矿权采矿权申请范围不得与已设矿业权垂直投影范围重叠” (001:L9710-9712) is for new
    // rights; void_reading only decides when another right stops barring, which cannot change what leaves a block at its extension.
    const b = await findBlock('寿阳北');
    const res = await post(`/api/blocks/${b.id}/relinquishment-plans`, { required_km2: 52.4605, void_reading: 'after_annulment' });
    expect(res.status).toBe(200);
    const plan = await res.json();
    const names = plan.readings_applied.map((r: { name: string }) => r.name);
    expect(names).not.toContain('void_reading');
    expect(names).toContain('protected_counts_toward_required');
    const w = plan.warnings.find((m: { code: string }) => m.code === 'VOID_READING_NOT_APPLIED');
    expect(w?.message).toMatch(/void_reading = "after_annulment" not applied/);
    expect(w?.message_zh).toMatch(/他人矿业权失效时点读法“公告废止后”未采用/);
    expect(w?.message_zh).toMatch(/自然资规〔2023〕4号 四（十一）/);
    const without = await (await post(`/api/blocks/${b.id}/relinquishment-plans`, { required_km2: 52.4605 })).json();
    expect(without.warnings.map((m: { code: string }) => m.code)).not.toContain('VOID_READING_NOT_APPLIED');
  });
});

describe('relinquishment planner: one source of truth for what is deducted (issue 11 item 5)', () => {
  it('沁源: deducts first exactly what the conflict engine deducts at its extension — not the nature reserve nor the proposed red line', async () => {
    // 晋自然资发〔2020〕11号 十 (000:L4292-4294) deducts protected areas before the extension; the conflict engine keeps nature
    // reserves in the transition and proposed red lines on a commitment, so the planner must not take them (one source of truth).
    const rows = demoDeductedFirst('blk-0001').rows;
    const unionKm2 = (gs: (Polygon | MultiPolygon)[]) => {
      const u = gs.length > 1 ? union(featureCollection(gs.map((g) => feature(g)))) : gs.length ? feature(gs[0]) : null;
      return u ? ellipsoidalAreaKm2(u.geometry as Polygon | MultiPolygon) : 0;
    };
    const deducted = unionKm2(rows.filter((r) => r.deducted).map((r) => r.inside));
    const everything = unionKm2(rows.map((r) => r.inside));
    expect(rows.some((r) => !r.deducted && r.outcome === 'may_continue')).toBe(true);
    expect(rows.some((r) => !r.deducted && r.outcome === 'keep_with_commitment')).toBe(true);
    expect(everything - deducted).toBeGreaterThan(1);
    const res = await post('/api/blocks/blk-0001/relinquishment-plans', { required_km2: 100, max_candidates: 1 });
    expect(res.status).toBe(200);
    const plan = await res.json();
    // PostGIS clip and union vs Turf clip and union of the same polygons: within 0.1 % (≈ 0.5 km² here, against the
    // 200+ km² the nature reserve and the proposed red line would add if they were deducted)
    expect(Math.abs(plan.protected_km2 - deducted)).toBeLessThan(deducted * 1e-3);
    // under the default reading they do not count toward the requirement: the cut is found on top of them
    expect(plan.warnings.map((w: { code: string }) => w.code)).toContain('PROTECTED_NOT_COUNTED_READING');
    for (const c of plan.candidates) {
      expect(c.counted_km2).toBeGreaterThanOrEqual(100 - 1e-4);
      expect(c.area_km2).toBeGreaterThanOrEqual(plan.protected_km2 + 100 - 1e-3);
    }
  }, 180_000);
});

describe('COVID adjustment', () => {
  it('reproduces area × 10,000 × days / 365 over the affected window', async () => {
    const r = await (await post('/api/assessments/covid', { valid_from: '2018-01-01', valid_to: '2021-01-01', area_km2: 365 })).json();
    expect(r.investment_reduction.affected_days).toBe(96); // 2020-04-30 − 2020-01-25, as in the letter’s tables
    expect(r.investment_reduction.reduction_cny).toBeCloseTo((365 * 10_000 * 96) / 365, 2);
  });
});

describe('the two COVID approvals of 晋自然资函〔2020〕1333号 on record (migration 015)', () => {
  it('寿阳西 carries the investment reduction (附件2), 榆社-武乡 the term extension (附件1): each only its own effect', async () => {
    // 000:L6201 “一、同意对安鑫煤业等10家公司16个项目……延长勘查期限96天（考核期相应后延）”;
    // 000:L6203 “二、同意对中石油等3家公司10个项目……据实核减其受疫情影响期间最低勘查投入”.
    const sy = await (await fetch(`${srv.url}/api/blocks/blk-0017/assessment?on=2020-11-01`, { headers: reader })).json();
    expect(sy.covid_approvals).toEqual({ term_extension_doc: null, investment_reduction_doc: '晋自然资函〔2020〕1333号 附件2' });
    const ys = await (await fetch(`${srv.url}/api/blocks/blk-0016/assessment?on=2026-06-01`, { headers: reader })).json();
    expect(ys.covid_approvals).toEqual({ term_extension_doc: '晋自然资函〔2020〕1333号 附件1', investment_reduction_doc: null });
    expect(ys.derived_steps.some((s: { rule: string }) => s.rule === 'R-COVID-3')).toBe(false);
    // its current term (2022-09-13 – 2027-09-12) is after the window: the extension concerned the 2019 term only
    expect(ys.readings.map((m: { code: string }) => m.code)).toContain('COVID_TERM_OTHER_TERM');
    // the approvals are public (the letter is 主动公开): shown to anyone, while the investment figures are withheld
    const pub = await (await fetch(`${srv.url}/api/blocks/blk-0016/assessment?on=2026-06-01`)).json();
    expect(pub.covid_approvals.term_extension_doc).toBe('晋自然资函〔2020〕1333号 附件1');
    expect(pub.investment).toBeNull();
  });
});

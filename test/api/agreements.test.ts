/**
 * Agreements on file (issue 14 item 5): who records and reads them, what is refused, and the check's answer — the part
 * of an overlap an agreement covers is agreement_on_file, the rest still requires_agreement, both areas shown; on the
 * check's date and as at an instant.
 *
 * Worked example (demo data, data/demo/agreements.json): CBM exploration block blk-0061 (山西蓝焰) and coal mining right
 * blk-0073 (凤凰山煤矿) overlap by ≈ 34.52 km². Their agreement 〔2024〕第3号 (valid 2024-10-01 … 2029-09-30) covers only the
 * part west of 112.5235°E. A new-mining check of blk-0061's own area on 2026-06-01 gives for blk-0073:
 *   covered   C = area(overlap ∩ agreement polygon)        → agreement_on_file (basis OVL-4 + AGR-FILE)
 *   remaining R = overlap − C (the polygon overlap − agreement) → requires_agreement (basis OVL-4 + AGR-FILE note)
 *   overlap = the same check on 2024-06-01, before the agreement holds: one requires_agreement entry of that area
 *   (≈ 34.52 km² = C ≈ 16.58 + R ≈ 17.94; measuring R's own polygon gives ~2e-4 km² more: the cut adds vertices on the
 *   overlap's edges along parallels, which changes their geodesic bulge — so R is the arithmetic rest)
 *   and C = the agreement's own area (the input covers the whole of blk-0061, so the whole overlap).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ANON, bearer, call, login, type Who } from '../helpers/auth';
import { ADMIN_TOKEN, useTestServer } from '../helpers/server';
import { box } from '../../server/geometry/shapes.fixture';
import { existsSync } from 'node:fs';
import { pdfText, savePdf } from '../helpers/pdf';

const srv = useTestServer();
const LANYAN = '山西蓝焰煤层气集团有限责任公司(合成)';
const OTHER = '别家能源有限公司(合成)';
const CITY = '晋城市规划和自然资源局';

const who: Record<'party' | 'other' | 'province' | 'city' | 'admin' | 'boot', Who> = {} as never;
let base = '';

type Entry = {
  id: string;
  collection: string;
  outcome: string;
  overlap_area_km2: number;
  share_of_input: number;
  basis: { rule: string; note?: { code: string; message_zh: string } }[];
  agreement?: {
    part: string;
    overlap_km2: number;
    covered_km2: number;
    remaining_km2: number;
    documents: { id: string; document_no: string }[];
  };
  geometry: unknown;
};
type Check = { conflicts: Entry[]; summary: Record<string, { count: number; area_km2: number }>; verdict: { code: string } };

const json = async (r: Response) => (await r.json()) as Record<string, any>;
const errorOf = async (r: Response) => ((await r.json()) as { error: { code: string; message: string; message_zh: string } }).error;
const of = (c: Check, id: string) => c.conflicts.filter((e) => e.collection === 'blocks' && e.id === id);

async function blockCheck(id: string, query: string): Promise<Check> {
  const r = await call(base, ANON, 'GET', `/api/blocks/${id}/conflicts?application=new_mining&${query}`);
  expect(r.status, await r.clone().text()).toBe(200);
  return (await r.json()) as Check;
}

async function postCheck(geometry: unknown, query: string): Promise<Check> {
  const r = await call(base, ANON, 'POST', `/api/checks?${query}`, geometry);
  expect(r.status, await r.clone().text()).toBe(200);
  return (await r.json()) as Check;
}

beforeAll(async () => {
  base = srv.url;
  who.boot = bearer('bootstrap', ADMIN_TOKEN);
  for (const [username, role, holders, authority] of [
    ['ag-party', 'holder', [LANYAN], null],
    ['ag-other', 'holder', [OTHER], null],
    ['ag-city', 'regulator', [], CITY],
  ] as const) {
    const r = await call(base, who.boot, 'POST', '/api/accounts', { username, role, holders, authority, password: 'agree-password-1' });
    expect(r.status, await r.clone().text()).toBe(201);
  }
  who.party = await login(base, 'ag-party', 'agree-password-1');
  who.other = await login(base, 'ag-other', 'agree-password-1');
  who.city = await login(base, 'ag-city', 'agree-password-1');
  who.province = await login(base, 'regulator', 'demo-regulator-2026');
  who.admin = await login(base, 'admin', 'demo-admin-2026');
});

describe('the check answers agreement_on_file for exactly the area an agreement covers', () => {
  it('worked example: blk-0061 × blk-0073 splits into covered and remaining, which add up to the overlap', async () => {
    const before = await blockCheck('blk-0061', 'as_of=2024-06-01');
    const [whole] = of(before, 'blk-0073');
    expect(of(before, 'blk-0073')).toHaveLength(1);
    expect(whole.outcome).toBe('requires_agreement');
    expect(whole.agreement).toBeUndefined();
    expect(whole.overlap_area_km2).toBeCloseTo(34.52, 1);

    const now = await blockCheck('blk-0061', 'as_of=2026-06-01');
    const parts = of(now, 'blk-0073');
    expect(parts.map((p) => [p.outcome, p.agreement?.part])).toEqual([
      ['agreement_on_file', 'covered'],
      ['requires_agreement', 'remaining'],
    ]);
    const [covered, remaining] = parts;
    // both parts carry both areas and the whole overlap
    for (const p of parts) {
      expect(p.agreement!.covered_km2).toBe(covered.overlap_area_km2);
      expect(p.agreement!.remaining_km2).toBe(remaining.overlap_area_km2);
      expect(p.agreement!.overlap_km2).toBeCloseTo(whole.overlap_area_km2, 9);
      expect(p.agreement!.documents.map((d) => d.document_no)).toEqual(['蓝焰-凤凰山 重叠区协议〔2024〕第3号（合成）']);
      expect(p.basis.map((b) => b.rule)).toEqual(['OVL-4', 'AGR-FILE']);
    }
    // C + R = overlap: C measured on the covered polygon, R the rest of the overlap as measured
    expect(covered.overlap_area_km2 + remaining.overlap_area_km2).toBeCloseTo(whole.overlap_area_km2, 9);
    expect(covered.overlap_area_km2).toBeGreaterThan(1);
    expect(remaining.overlap_area_km2).toBeGreaterThan(1);
    // the input is the whole of blk-0061: the agreement's polygon is all covered
    const list = await json(await call(base, who.province, 'GET', '/api/agreements?block_id=blk-0073'));
    expect(list.items).toHaveLength(1);
    expect(Math.abs(list.items[0].area_km2 - covered.overlap_area_km2)).toBeLessThan(1e-6);
    expect(covered.basis[1].note!.code).toBe('AGREEMENT_COVERS');
    expect(covered.basis[1].note!.message_zh).toContain('先采气、后采煤');
    expect(remaining.basis[1].note!.code).toBe('AGREEMENT_REMAINDER');
    // the right counts once in the summary, its union area unchanged; the verdict still needs an agreement
    expect(now.summary.blocks.count).toBe(before.summary.blocks.count);
    expect(now.summary.blocks.area_km2).toBeCloseTo(before.summary.blocks.area_km2, 6);
    // the verdict lists both classes: the covered part among the conditions, the rest still needing an agreement
    const reasons = (now.verdict as unknown as { reasons: { outcome: string; verdict: string; area_km2: number }[] }).reasons;
    expect(reasons.find((r) => r.outcome === 'agreement_on_file')).toMatchObject({ verdict: 'conditions' });
    expect(reasons.find((r) => r.outcome === 'requires_agreement')!.verdict).toBe('agreement');
  });

  it('an input inside the covered part has only agreement_on_file; one east of it only requires_agreement', async () => {
    const [agreement] = (await json(await call(base, who.province, 'GET', '/api/agreements?block_id=blk-0061'))).items;
    const west = await postCheck(agreement.geometry, 'application=new_mining&block_id=blk-0061&as_of=2026-06-01');
    expect(of(west, 'blk-0073').map((e) => e.outcome)).toEqual(['agreement_on_file']);
    const east = await postCheck(box(112.53, 35.705, 112.565, 35.745), 'application=new_mining&block_id=blk-0061&as_of=2026-06-01');
    expect(of(east, 'blk-0073').map((e) => e.outcome)).toEqual(['requires_agreement']);
    // without the party on the applicant's side (no block_id) no agreement applies
    const none = await postCheck(agreement.geometry, 'application=new_exploration&as_of=2026-06-01');
    expect(of(none, 'blk-0073').map((e) => e.outcome)).toEqual(['requires_agreement']);
  });

  it('the whole overlap covered (blk-0036 × blk-0083): one agreement_on_file entry; after valid_to the overlap needs an agreement again', async () => {
    const on = await blockCheck('blk-0036', 'as_of=2026-06-01');
    expect(of(on, 'blk-0083').map((e) => [e.outcome, e.agreement?.part])).toEqual([['agreement_on_file', 'covered']]);
    expect(of(on, 'blk-0083')[0].agreement!.remaining_km2).toBeLessThan(1e-6);
    const after = await blockCheck('blk-0036', 'as_of=2033-05-10');
    expect(of(after, 'blk-0083').map((e) => e.outcome)).toEqual(['requires_agreement']);
  });
});

describe.runIf(existsSync('/usr/bin/chromium') && existsSync('/usr/bin/pdftotext'))(
  'the check report PDF names the agreement on file',
  () => {
    it('under blk-0073: the covered part with the agreement’s document number, date and terms, and the part left', async () => {
      const f = await json(await call(base, ANON, 'GET', '/collections/blocks/items/blk-0061'));
      const r = await call(
        base,
        ANON,
        'POST',
        '/api/checks?format=pdf&block_id=blk-0061&application=new_mining&as_of=2026-06-01&applicant=' + encodeURIComponent(LANYAN),
        f.geometry,
      );
      const pdf = Buffer.from(await r.arrayBuffer());
      expect(r.status, pdf.subarray(0, 300).toString()).toBe(200);
      // table cells wrap: compare without whitespace
      const text = pdfText(savePdf('check-agreement-zh', pdf)).replace(/\s+/g, '');
      expect(text).toContain('在案协议覆盖部分');
      expect(text).toContain('在案协议未覆盖部分');
      expect(text).toContain('蓝焰-凤凰山重叠区协议〔2024〕第3号（合成）');
      expect(text).toContain('先采气、后采煤');
      // the same check's conflicts as CSV: the documents in their own column
      const csv = await (await call(base, ANON, 'GET', `/api/checks/${r.headers.get('x-check-id')}/conflicts?format=csv`)).text();
      expect(csv).toContain('在案文件');
      expect(csv).toMatch(/在案协议覆盖部分 [\d.]+ km²（共重叠 [\d.]+ km²）：双方协议 文号 蓝焰-凤凰山 重叠区协议〔2024〕第3号（合成）/);
    });
  },
);

describe('recording agreements: roles, refusals, audit, as_at', () => {
  const body = (extra: Record<string, unknown> = {}) => ({
    parties: ['blk-0034', 'blk-0076'],
    document_no: '测试协议〔2026〕第9号（合成）',
    signed_on: '2026-01-10',
    terms: ['gas_before_coal'],
    ...extra,
  });

  it('public 401, holders 403, a city regulator overseeing neither party 403', async () => {
    expect((await call(base, ANON, 'POST', '/api/agreements', body())).status).toBe(401);
    const h = await call(base, who.party, 'POST', '/api/agreements', body());
    expect(h.status).toBe(403);
    expect((await errorOf(h)).code).toBe('FORBIDDEN');
    const c = await call(base, who.city, 'POST', '/api/agreements', body());
    expect(c.status).toBe(403);
    expect((await errorOf(c)).message_zh).toContain('均无管辖权');
  });

  it('refuses the same party twice, an unknown party, rights that do not overlap, a polygon outside the overlap, bad dates', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ parties: ['blk-0034', 'blk-0034'] }, 'AGREEMENT_SAME_PARTY'],
      [{ parties: ['blk-0034', 'blk-9999'] }, 'AGREEMENT_PARTY_NOT_FOUND'],
      [{ parties: ['blk-0034', 'blk-0083'] }, 'AGREEMENT_NO_OVERLAP'],
      [{ geometry: box(110, 36, 110.1, 36.1) }, 'AGREEMENT_NO_OVERLAP'],
      [{ valid_from: '2025-01-01' }, 'AGREEMENT_BAD_DATES'],
      [{ terms: ['no_such_term'] }, 'INVALID_AGREEMENT'],
    ];
    for (const [extra, code] of cases) {
      const r = await call(base, who.admin, 'POST', '/api/agreements', body(extra));
      expect([r.status, (await errorOf(r)).code], JSON.stringify(extra)).toEqual([422, code]);
    }
    // a polygon reaching well outside the parties' overlap
    const overlap = (await json(await call(base, ANON, 'GET', '/api/blocks/blk-0034/conflicts'))).conflicts.find(
      (e: Entry) => e.id === 'blk-0076',
    );
    expect(overlap).toBeTruthy();
    const r = await call(base, who.admin, 'POST', '/api/agreements', body({ geometry: box(112.3, 35.5, 112.7, 35.8) }));
    expect([r.status, (await errorOf(r)).code]).toEqual([422, 'AGREEMENT_OUTSIDE_OVERLAP']);
  });

  it('the province regulator records one (audited); the holders of either party read it, another holder does not; withdrawn it no longer applies, as_at before still sees it', async () => {
    const r = await call(base, who.province, 'POST', '/api/agreements', body());
    expect(r.status, await r.clone().text()).toBe(201);
    const a = await json(r);
    expect(r.headers.get('location')).toBe(`/api/agreements/${a.id}`);
    expect(a.parties.map((p: { block_id: string }) => p.block_id)).toEqual(['blk-0034', 'blk-0076']);
    expect(a.valid_from).toBe('2026-01-10');
    expect(a.area_km2).toBeGreaterThan(10);
    // open-ended from 2026-01-10: in force today (China time), as the check reads it; the list says the same
    expect(a.in_force).toBe(true);
    const listed = (await json(await call(base, who.province, 'GET', '/api/agreements?block_id=blk-0034'))).items;
    expect(listed.find((x: { id: string }) => x.id === a.id)?.in_force).toBe(true);

    // blk-0034 is 亚美大陆's: the check of its new mining area now has the agreement
    const on = await blockCheck('blk-0034', 'as_of=2026-06-01');
    expect(of(on, 'blk-0076').map((e) => e.outcome)).toEqual(['agreement_on_file']);

    const audit = await json(await call(base, who.admin, 'GET', `/api/audit?collection=agreements`));
    expect(audit.items.some((e: { item_id: string; operation: string }) => e.item_id === a.id && e.operation === 'create')).toBe(true);

    // readers: admin and regulators always; a holder of neither party is refused and sees no such item in the list
    expect((await call(base, who.other, 'GET', `/api/agreements/${a.id}`)).status).toBe(403);
    expect((await json(await call(base, who.other, 'GET', '/api/agreements'))).items).toEqual([]);
    const mine = await json(await call(base, who.party, 'GET', '/api/agreements'));
    expect(mine.items.map((x: { parties: { block_id: string }[] }) => x.parties[0].block_id)).toEqual(['blk-0061']);
    expect((await call(base, ANON, 'GET', `/api/agreements/${a.id}`)).status).toBe(401);

    const mark = (await srv.ownerQuery('SELECT to_char(clock_timestamp() AT TIME ZONE \'UTC\', \'YYYY-MM-DD"T"HH24:MI:SS.US"Z"\') AS t'))
      .rows[0].t;
    expect((await call(base, who.party, 'POST', `/api/agreements/${a.id}/withdraw`, { reason: 'x' })).status).toBe(403);
    const w = await call(base, who.province, 'POST', `/api/agreements/${a.id}/withdraw`, { reason: '双方解除协议（测试）' });
    expect(w.status, await w.clone().text()).toBe(200);
    expect(await json(w)).toMatchObject({ withdrawn_reason: '双方解除协议（测试）', in_force: false });
    expect((await errorOf(await call(base, who.province, 'POST', `/api/agreements/${a.id}/withdraw`, { reason: 'again' }))).code).toBe(
      'AGREEMENT_WITHDRAWN',
    );
    const gone = await blockCheck('blk-0034', 'as_of=2026-06-01');
    expect(of(gone, 'blk-0076').map((e) => e.outcome)).toEqual(['requires_agreement']);
    const then = await blockCheck('blk-0034', `as_of=2026-06-01&as_at=${encodeURIComponent(mark)}`);
    expect(of(then, 'blk-0076').map((e) => e.outcome)).toEqual(['agreement_on_file']);
  });
});

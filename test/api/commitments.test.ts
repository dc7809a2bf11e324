/**
 * Written commitments over proposed ecological red lines (issue 14 item 5, last sentence; PA-5, 2020-07-27 letter 二,
 * 000 L6185): who records and reads them, what is refused and why, and the check's answer at extension — the part of
 * the overlap the commitment covers is commitment_on_file, the rest still keep_with_commitment.
 *
 * Demo data: CBM exploration right blk-0003 (中石油煤层气, 自然资源部) overlaps the proposed red line red-006. The commitment
 * below covers the part of that overlap west of the overlap's middle meridian, so the extension check of blk-0003 shows
 *   covered   C = area(overlap ∩ commitment polygon)  → commitment_on_file (basis PA-5 + CMT-FILE)
 *   remaining R = overlap − C                         → keep_with_commitment (basis PA-5 + CMT-FILE note)
 * with C + R = the overlap the check gave before the commitment.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as turf from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import { ANON, bearer, call, login, type Who } from '../helpers/auth';
import { ADMIN_TOKEN, useTestServer } from '../helpers/server';
import { box } from '../../server/geometry/shapes.fixture';

const srv = useTestServer();
const PETRO = '中石油煤层气有限责任公司(合成)';
const BLOCK = 'blk-0003';
const REDLINE = 'red-006';

type Entry = {
  id: string;
  collection: string;
  outcome: string;
  overlap_area_km2: number;
  basis: { rule: string; note?: { code: string; message_zh: string } }[];
  commitment?: { part: string; overlap_km2: number; covered_km2: number; remaining_km2: number; documents: { id: string }[] };
  geometry: { type: string; coordinates: unknown } | null;
};
type Check = { conflicts: Entry[] };

const who: Record<'holder' | 'other' | 'province' | 'mnr' | 'admin' | 'boot', Who> = {} as never;
let base = '';
const json = async (r: Response) => (await r.json()) as Record<string, any>;
const errorOf = async (r: Response) =>
  ((await r.json()) as { error: { code: string; message: string; message_zh: string; details?: Record<string, unknown>[] } }).error;

async function extensionCheck(query = ''): Promise<Entry[]> {
  const r = await call(base, ANON, 'GET', `/api/blocks/${BLOCK}/conflicts?application=extension&as_of=2026-06-01${query}`);
  expect(r.status, await r.clone().text()).toBe(200);
  return ((await r.json()) as Check).conflicts.filter((e) => e.collection === 'redlines' && e.id === REDLINE);
}

/** The lon/lat bounds of a GeoJSON (Multi)Polygon. */
function bounds(g: { type: string; coordinates: unknown }) {
  const pts = (g.coordinates as unknown[]).flat(g.type === 'Polygon' ? 1 : 2) as number[][];
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/** Within 0.1 %: a polygon measured on its own and the same place measured through the subdivided overlay differ by the
 * geodesic bulge of the vertices the cut adds (see test/api/agreements.test.ts). */
const near = (a: number, b: number) => expect(Math.abs(a - b) / b, `${a} vs ${b}`).toBeLessThan(1e-3);

const body = (extra: Record<string, unknown> = {}) => ({
  block_id: BLOCK,
  feature_id: REDLINE,
  document_no: '中石油煤层气 拟划红线承诺书〔2026〕第1号（测试）',
  signed_on: '2026-03-01',
  ...extra,
});

beforeAll(async () => {
  base = srv.url;
  who.boot = bearer('bootstrap', ADMIN_TOKEN);
  for (const [username, role, holders] of [
    ['cm-holder', 'holder', [PETRO]],
    ['cm-other', 'holder', ['别家能源有限公司(合成)']],
  ] as const) {
    const r = await call(base, who.boot, 'POST', '/api/accounts', { username, role, holders, password: 'commit-password-1' });
    expect(r.status, await r.clone().text()).toBe(201);
  }
  who.holder = await login(base, 'cm-holder', 'commit-password-1');
  who.other = await login(base, 'cm-other', 'commit-password-1');
  who.province = await login(base, 'regulator', 'demo-regulator-2026');
  who.mnr = await login(base, 'mnr', 'demo-mnr-2026');
  who.admin = await login(base, 'admin', 'demo-admin-2026');
});

describe('refusals: only a proposed red line is kept on a commitment', () => {
  it('public 401, holder 403, a province regulator on a 自然资源部 right 403', async () => {
    expect((await call(base, ANON, 'POST', '/api/commitments', body())).status).toBe(401);
    expect((await call(base, who.holder, 'POST', '/api/commitments', body())).status).toBe(403);
    const p = await call(base, who.province, 'POST', '/api/commitments', body());
    expect([p.status, (await errorOf(p)).code]).toEqual([403, 'FORBIDDEN']);
  });

  it('a nature reserve core zone, another protected area, an official red line, a coal right: 422 naming the rule', async () => {
    const core = await call(base, who.admin, 'POST', '/api/commitments', body({ collection: 'protected-areas', feature_id: 'pa-005' }));
    expect(core.status).toBe(422);
    const c = await errorOf(core);
    expect(c.code).toBe('COMMITMENT_NOT_CURABLE_CORE');
    expect(c.message_zh).toContain('273号令 第三十一条');
    expect(c.details![0]).toMatchObject({ rule: 'PA-6', source: '000 L3446' });
    const pas = (await json(await call(base, ANON, 'GET', '/api/collections/protected-areas/items?limit=100'))).features as {
      id: string;
      properties: { category: string };
    }[];
    const scenic = pas.find((f) => f.properties.category === 'scenic_area')!;
    const other = await call(base, who.admin, 'POST', '/api/commitments', body({ collection: 'protected-areas', feature_id: scenic.id }));
    expect([other.status, (await errorOf(other)).code]).toEqual([422, 'COMMITMENT_NOT_CURABLE_PROTECTED']);
    const official = await call(base, who.admin, 'POST', '/api/commitments', body({ block_id: 'blk-0035', feature_id: 'red-001' }));
    const o = await errorOf(official);
    expect([official.status, o.code]).toEqual([422, 'COMMITMENT_NOT_CURABLE_OFFICIAL']);
    expect(o.message_zh).toContain('已正式划定');
    const coal = await call(base, who.admin, 'POST', '/api/commitments', body({ block_id: 'blk-0073' }));
    expect([coal.status, (await errorOf(coal)).code]).toEqual([422, 'COMMITMENT_NOT_CBM']);
    const nf = await call(base, who.admin, 'POST', '/api/commitments', body({ feature_id: 'red-999' }));
    expect([nf.status, (await errorOf(nf)).code]).toEqual([422, 'COMMITMENT_FEATURE_NOT_FOUND']);
    const dates = await call(base, who.admin, 'POST', '/api/commitments', body({ valid_from: '2026-01-01' }));
    expect([dates.status, (await errorOf(dates)).code]).toEqual([422, 'COMMITMENT_BAD_DATES']);
    const far = await call(base, who.admin, 'POST', '/api/commitments', body({ geometry: box(100, 30, 100.1, 30.1) }));
    expect([far.status, (await errorOf(far)).code]).toEqual([422, 'COMMITMENT_NO_OVERLAP']);
  });
});

describe('the check answers the commitment on file for exactly the area it covers', () => {
  it('recorded by the ministry (audited): covered → commitment_on_file, the rest keep_with_commitment; C + R = the overlap; on a day before it holds none; withdrawn it no longer applies', async () => {
    const before = await extensionCheck();
    expect(before.map((e) => e.outcome)).toEqual(['keep_with_commitment']);
    const overlap = before[0].overlap_area_km2;
    expect(overlap).toBeGreaterThan(0.01);
    // cover the western half of the overlap
    const [w, s, e, n] = bounds(before[0].geometry!);
    const mid = (w + e) / 2;
    const half = box(w - 0.01, s - 0.01, mid, n + 0.01);
    // the polygon given reaches outside the overlap: clipped only within 0.1 %, else refused
    const out = await call(base, who.mnr, 'POST', '/api/commitments', body({ geometry: half }));
    expect([out.status, (await errorOf(out)).code]).toEqual([422, 'COMMITMENT_OUTSIDE_OVERLAP']);
    // first a commitment over the whole overlap
    const r0 = await call(base, who.mnr, 'POST', '/api/commitments', body({ note: '全部重叠区（测试）' }));
    expect(r0.status, await r0.clone().text()).toBe(201);
    const whole = await json(r0);
    near(whole.area_km2, overlap);
    expect(whole).toMatchObject({ block_id: BLOCK, redline_id: REDLINE, redline_status: 'proposed', recorded_by: 'mnr' });
    expect(whole.terms).toEqual(['no_works_in_proposed_redline', 'change_registration_on_delineation']);
    const all = await extensionCheck();
    expect(all.map((x) => x.outcome)).toEqual(['commitment_on_file']);
    near(all[0].overlap_area_km2, overlap);
    expect(all[0].basis.map((b) => b.rule)).toEqual(expect.arrayContaining(['PA-5', 'CMT-FILE']));
    const note = all[0].basis.find((b) => b.rule === 'CMT-FILE')!.note!;
    expect(note.message_zh).toContain('暂不扣减');
    // withdraw it; record one over the western part only
    expect((await call(base, who.mnr, 'POST', `/api/commitments/${whole.id}/withdraw`, { reason: '改为部分承诺（测试）' })).status).toBe(
      200,
    );
    const gone = await json(await call(base, who.admin, 'GET', `/api/commitments/${whole.id}`));
    expect(gone.withdrawn_reason).toBe('改为部分承诺（测试）');
    // the western part of the overlap (planar cut in lon/lat, as PostGIS cuts it)
    const westPart = turf.intersect(
      turf.featureCollection([turf.feature(all[0].geometry as Polygon | MultiPolygon), turf.feature(half as Polygon)]),
    )!.geometry;
    const r1 = await call(base, who.mnr, 'POST', '/api/commitments', body({ geometry: westPart }));
    expect(r1.status, await r1.clone().text()).toBe(201);
    const c1 = await json(r1);
    const split = await extensionCheck();
    expect(split.map((x) => x.outcome)).toEqual(['commitment_on_file', 'keep_with_commitment']);
    const [C, R] = split;
    near(C.overlap_area_km2, c1.area_km2);
    expect(C.overlap_area_km2 + R.overlap_area_km2).toBeCloseTo(overlap, 6);
    expect(R.overlap_area_km2).toBeGreaterThan(0.001);
    expect(C.commitment).toMatchObject({ part: 'covered', documents: [{ id: c1.id }] });
    expect(R.commitment).toMatchObject({ part: 'remaining' });
    expect(R.basis.find((b) => b.rule === 'CMT-FILE')!.note!.code).toBe('COMMITMENT_REMAINDER');

    const audit = await json(await call(base, who.admin, 'GET', '/api/audit?collection=commitments'));
    const ops = audit.items
      .filter((x: { item_id: string }) => [whole.id, c1.id].includes(x.item_id))
      .map((x: { operation: string }) => x.operation);
    expect(ops.sort()).toEqual(['create', 'create', 'withdraw']);

    // readers: the right's holder, regulators overseeing it, admins; not another holder, not the public
    expect((await call(base, who.other, 'GET', `/api/commitments/${c1.id}`)).status).toBe(403);
    expect((await json(await call(base, who.other, 'GET', '/api/commitments'))).items).toEqual([]);
    const mine = await json(await call(base, who.holder, 'GET', `/api/commitments?block_id=${BLOCK}`));
    expect(mine.items.map((x: { id: string }) => x.id)).toEqual([c1.id]);
    // in force today (China time; from 2026-03-01, open-ended, the red line proposed), as the check reads it; the withdrawn one not
    expect(c1.in_force).toBe(true);
    expect(mine.items[0].in_force).toBe(true);
    const withWithdrawn = (await json(await call(base, who.holder, 'GET', `/api/commitments?block_id=${BLOCK}&withdrawn=true`))).items;
    expect(withWithdrawn.map((x: { id: string; in_force: boolean }) => [x.id, x.in_force])).toEqual([
      [c1.id, true],
      [whole.id, false],
    ]);
    expect((await call(base, ANON, 'GET', `/api/commitments/${c1.id}`)).status).toBe(401);
    expect((await call(base, who.admin, 'GET', '/api/commitments/CMT-999999')).status).toBe(404);

    // a check on a day before it holds has none
    const early = await call(base, ANON, 'GET', `/api/blocks/${BLOCK}/conflicts?application=extension&as_of=2026-02-01`);
    expect(((await early.json()) as Check).conflicts.filter((x) => x.id === REDLINE).map((x) => x.outcome)).toEqual([
      'keep_with_commitment',
    ]);
    expect((await call(base, who.holder, 'POST', `/api/commitments/${c1.id}/withdraw`, { reason: 'x' })).status).toBe(403);
    const off = await call(base, who.mnr, 'POST', `/api/commitments/${c1.id}/withdraw`, { reason: '红线已正式划定（测试）' });
    expect(off.status).toBe(200);
    expect((await json(off)).in_force).toBe(false);
    expect((await errorOf(await call(base, who.mnr, 'POST', `/api/commitments/${c1.id}/withdraw`, { reason: 'again' }))).code).toBe(
      'COMMITMENT_WITHDRAWN',
    );
    expect((await extensionCheck()).map((x) => x.outcome)).toEqual(['keep_with_commitment']);
  });
});

/**
 * Applications with a lifecycle (issue 14 item 1): every transition by every side (allowed and refused), the frozen
 * snapshot, the 30-day deadline at submission, the extension's reduction applied to the block with history, the
 * cancellation ending the right, the regulator's queue and the holder's list.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ANON, bearer, call, login, type Who } from '../helpers/auth';
import { ADMIN_TOKEN, useTestServer } from '../helpers/server';
import { box } from '../../server/geometry/shapes.fixture';

const srv = useTestServer();
const H = '申请测试煤层气有限公司(合成)';
const OTHER = '别家能源有限公司(合成)';
const PROVINCE = '山西省自然资源厅';
const CITY = '晋城市规划和自然资源局';

const who: Record<'holder' | 'other' | 'province' | 'city' | 'mnr' | 'admin', Who> = {} as never;
let base = '';

/** Today (China) plus `days`, YYYY-MM-DD. */
const day = (days: number) => new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);

/** A Shanxi CBM exploration block of H, provincial, a 0.1° square at (lon, lat), expiring in `expiresIn` days. */
async function block(id: string, lon: number, lat: number, expiresIn: number, extra: Record<string, unknown> = {}) {
  const validTo = day(expiresIn);
  const validFrom = day(expiresIn - 5 * 365);
  const r = await call(base, who.admin, 'POST', '/api/collections/blocks/items', {
    type: 'Feature',
    id,
    geometry: box(lon, lat, lon + 0.1, lat + 0.1),
    properties: {
      name: `申请测试 ${id}`,
      holder: H,
      kind: 'exploration',
      mineral: 'cbm',
      authority: PROVINCE,
      province_registered: true,
      first_registration_date: validFrom,
      valid_from: validFrom,
      valid_to: validTo,
      extensions_used: 0,
      acquisition_method: 'listing',
      ...extra,
    },
  });
  expect(r.status, await r.clone().text()).toBe(201);
  // a ledger with the minimum investment made in full: the assessment extends with a 25% reduction
  const y0 = Number(validFrom.slice(0, 4));
  for (let y = y0; y <= y0 + 5; y++)
    await srv.ownerQuery('INSERT INTO investments (block_id, year, amount_cny) VALUES ($1, $2, $3)', [id, y, 1e9]);
  return r.headers.get('etag')!;
}

async function create(w: Who, body: Record<string, unknown>) {
  return call(base, w, 'POST', '/api/applications', body);
}
async function step(w: Who, id: string, action: string, extra: Record<string, unknown> = {}) {
  return call(base, w, 'POST', `/api/applications/${id}/transitions`, { action, reason: `${action} by ${w.name}`, ...extra });
}
async function errorOf(r: Response) {
  return ((await r.json()) as { error: { code: string; message: string; message_zh: string; details?: Record<string, unknown>[] } }).error;
}
const json = async (r: Response) => (await r.json()) as Record<string, any>;

beforeAll(async () => {
  base = srv.url;
  const boot = bearer('bootstrap', ADMIN_TOKEN);
  for (const [username, role, holders, authority] of [
    ['ap-holder', 'holder', [H], null],
    ['ap-other', 'holder', [OTHER], null],
    ['ap-city', 'regulator', [], CITY],
  ] as const) {
    const r = await call(base, boot, 'POST', '/api/accounts', { username, role, holders, authority, password: 'apps-password-1' });
    expect(r.status, await r.clone().text()).toBe(201);
  }
  who.holder = await login(base, 'ap-holder', 'apps-password-1');
  who.other = await login(base, 'ap-other', 'apps-password-1');
  who.city = await login(base, 'ap-city', 'apps-password-1');
  who.province = await login(base, 'regulator', 'demo-regulator-2026');
  who.mnr = await login(base, 'mnr', 'demo-mnr-2026');
  who.admin = boot;
  await block('ap-ext', 111.0, 37.0, 200);
  await block('ap-late', 111.2, 37.0, 20);
  await block('ap-cancel', 111.4, 37.0, 400);
  await block('ap-flow', 111.6, 37.0, 400);
}, 60_000);

describe('opening an application', () => {
  it('a holder opens a draft for its own block: 201, Location, ETag, the create step and its audit row', async () => {
    const r = await create(who.holder, { kind: 'retention', block_id: 'ap-flow', reason: '勘查工作暂停', document_no: '申字〔2026〕1号' });
    expect(r.status).toBe(201);
    const a = await json(r);
    expect(r.headers.get('location')).toBe(`/api/applications/${a.id}`);
    expect(r.headers.get('etag')).toBe(`"v${a.version}"`);
    expect(a).toMatchObject({ kind: 'retention', state: 'draft', applicant: H, authority: PROVINCE, block_id: 'ap-flow', snapshot: null });
    expect(a.steps).toMatchObject([
      { action: 'create', from_state: null, to_state: 'draft', actor: 'ap-holder', document_no: '申字〔2026〕1号' },
    ]);
    const audit = await json(await call(base, who.admin, 'GET', `/api/audit?collection=applications&id=${a.id}`));
    expect(audit.items.map((e: { operation: string }) => e.operation)).toEqual(['create']);
  });

  it('refuses a holder for another holder’s block (403), the anonymous (401), and bad input with stable codes', async () => {
    let r = await create(who.other, { kind: 'extension', block_id: 'ap-ext' });
    expect(r.status).toBe(403);
    expect((await errorOf(r)).details?.[0]?.reason).toBe('FORBIDDEN_APPLICANT');
    expect((await create(ANON, { kind: 'extension', block_id: 'ap-ext' })).status).toBe(401);
    r = await create(who.holder, { kind: 'extension' });
    expect(r.status).toBe(422);
    expect((await errorOf(r)).code).toBe('BLOCK_REQUIRED');
    r = await create(who.holder, { kind: 'extension', block_id: 'nope' });
    expect((await errorOf(r)).code).toBe('BLOCK_NOT_FOUND');
    r = await create(who.holder, { kind: 'cancellation', block_id: 'ap-cancel', geometry: box(111.4, 37.0, 111.45, 37.05) });
    expect((await errorOf(r)).code).toBe('GEOMETRY_NOT_ALLOWED');
    r = await create(who.holder, { kind: 'new_exploration' });
    const e = await errorOf(r);
    expect(e.code).toBe('GEOMETRY_REQUIRED');
    expect(e.message_zh).toContain('geometry');
    r = await create(who.holder, { kind: 'extension', block_id: 'ap-ext', geometry: box(110.95, 37.0, 111.05, 37.1) });
    expect(r.status).toBe(422);
    const out = await errorOf(r);
    expect(out.code).toBe('RETAINED_OUTSIDE_BLOCK');
    expect(Number(out.details?.[0]?.outside_km2)).toBeGreaterThan(10);
    r = await create(who.holder, { kind: 'teleport', block_id: 'ap-ext' });
    expect((await errorOf(r)).code).toBe('INVALID_APPLICATION');
  });

  it('a read-only token and a cookie write without the CSRF header are refused before anything is read', async () => {
    const t = await call(base, who.holder, 'POST', '/api/tokens', { name: 'read only', scope: 'read' });
    expect(t.status).toBe(201);
    const ro = bearer('ro', ((await t.json()) as { token: string }).token);
    const r = await create(ro, { kind: 'retention', block_id: 'ap-flow' });
    expect(r.status).toBe(403);
    expect((await errorOf(r)).code).toBe('TOKEN_READ_ONLY');
    expect((await call(base, ro, 'GET', '/api/applications')).status).toBe(200);
    const h = who.holder as Who & { cookie: string };
    const noCsrf = await call(base, { name: 'no csrf', headers: { cookie: h.cookie } }, 'POST', '/api/applications', {
      kind: 'retention',
      block_id: 'ap-flow',
    });
    expect(noCsrf.status).toBe(403);
    expect((await errorOf(noCsrf)).code).toBe('CSRF_FAILED');
  });

  it('a regulator opens one only for an authority it oversees', async () => {
    expect((await create(who.city, { kind: 'cancellation', block_id: 'ap-cancel' })).status).toBe(403);
    const r = await create(who.province, { kind: 'new_exploration', applicant: OTHER, geometry: box(111.0, 37.5, 111.1, 37.6) });
    expect(r.status).toBe(201);
    expect(await json(r)).toMatchObject({ authority: PROVINCE, applicant: OTHER, mineral: 'cbm', created_by: 'regulator' });
  });
});

describe('every transition by every side', () => {
  let id = '';
  let etag = '';
  it('edits the draft with If-Match (428 without, 412 stale), only on the applicant side', async () => {
    const a = await json(await create(who.holder, { kind: 'retention', block_id: 'ap-flow' }));
    id = a.id;
    const url = `/api/applications/${id}`;
    expect((await call(base, who.holder, 'PATCH', url, { title: '保留申请' })).status).toBe(428);
    expect((await call(base, who.holder, 'PATCH', url, { title: '保留申请' }, { 'if-match': '"v999"' })).status).toBe(412);
    expect((await call(base, who.province, 'PATCH', url, { title: 'x' }, { 'if-match': `"v${a.version}"` })).status).toBe(403);
    const r = await call(base, who.holder, 'PATCH', url, { title: '保留申请', reason: '补充标题' }, { 'if-match': `"v${a.version}"` });
    expect(r.status).toBe(200);
    etag = r.headers.get('etag')!;
    expect((await json(r)).steps.map((s: { action: string }) => s.action)).toEqual(['create', 'edit']);
  });

  it('draft: the regulator cannot accept (403) and nobody approves a draft (409 ILLEGAL_TRANSITION)', async () => {
    expect((await step(who.province, id, 'accept')).status).toBe(409);
    expect((await step(who.holder, id, 'accept')).status).toBe(403);
    const r = await step(who.admin, id, 'approve');
    expect(r.status).toBe(409);
    const e = await errorOf(r);
    expect(e.code).toBe('ILLEGAL_TRANSITION');
    expect(e.details?.[0]).toMatchObject({ state: 'draft', action: 'approve', allowed_from: 'accepted' });
    expect(e.message_zh).toContain('已受理');
    expect((await step(who.holder, id, 'submit')).status).toBe(200);
  });

  it('refuses a step without a reason (422) and a stale application ETag (412)', async () => {
    const a = await json(await create(who.holder, { kind: 'retention', block_id: 'ap-flow' }));
    const r = await call(base, who.holder, 'POST', `/api/applications/${a.id}/transitions`, { action: 'submit' });
    expect(r.status).toBe(422);
    expect((await errorOf(r)).code).toBe('INVALID_TRANSITION');
    expect((await step(who.holder, a.id, 'submit')).status).toBe(200);
    expect(
      (
        await call(
          base,
          who.holder,
          'POST',
          `/api/applications/${a.id}/transitions`,
          { action: 'withdraw', reason: 'x' },
          { 'if-match': `"v${a.version}"` },
        )
      ).status,
    ).toBe(412);
    expect((await step(who.holder, a.id, 'withdraw')).status).toBe(200);
  });

  it('submitted: only the overseeing regulator accepts; the holder cannot; a city bureau cannot; edits are 409', async () => {
    const a = await json(await call(base, who.holder, 'GET', `/api/applications/${id}`));
    expect(a.state).toBe('submitted');
    expect(etag).not.toBe(`"v${a.version}"`);
    expect((await step(who.holder, id, 'accept')).status).toBe(403);
    expect((await step(who.city, id, 'accept')).status).toBe(403);
    expect((await step(who.other, id, 'withdraw')).status).toBe(403);
    expect((await step(who.holder, id, 'submit')).status).toBe(409);
    const e = await call(base, who.holder, 'PATCH', `/api/applications/${id}`, { title: 'x' }, { 'if-match': `"v${a.version}"` });
    expect(e.status).toBe(409);
    expect((await errorOf(e)).code).toBe('NOT_A_DRAFT');
    expect((await step(who.province, id, 'approve')).status).toBe(409);
    expect((await step(who.province, id, 'accept', { document_no: '晋自然资受〔2026〕7号' })).status).toBe(200);
  });

  it('accepted: the holder cannot approve or refuse; the regulator refuses with a reason; then nothing moves it', async () => {
    expect((await step(who.holder, id, 'approve')).status).toBe(403);
    expect((await step(who.holder, id, 'refuse')).status).toBe(403);
    expect((await step(who.city, id, 'refuse')).status).toBe(403);
    const r = await step(who.province, id, 'refuse', { reason: '材料不全', document_no: '晋自然资不〔2026〕3号' });
    expect(r.status).toBe(200);
    const a = await json(r);
    expect(a.state).toBe('refused');
    expect(a.decided_at).toBeTruthy();
    expect(a.steps.map((s: { action: string; to_state: string }) => `${s.action}→${s.to_state}`)).toEqual([
      'create→draft',
      'edit→draft',
      'submit→submitted',
      'accept→accepted',
      'refuse→refused',
    ]);
    expect(a.steps[4]).toMatchObject({ reason: '材料不全', document_no: '晋自然资不〔2026〕3号', actor: 'regulator', role: 'regulator' });
    for (const action of ['submit', 'accept', 'approve', 'refuse', 'withdraw'])
      expect((await step(who.admin, id, action)).status, action).toBe(409);
    const audit = await json(await call(base, who.admin, 'GET', `/api/audit?collection=applications&id=${id}`));
    expect(audit.items.map((e: { operation: string }) => e.operation)).toEqual(['refuse', 'accept', 'submit', 'edit', 'create']);
  });

  it('withdraw: the holder withdraws before a decision (draft, submitted, accepted), the regulator cannot', async () => {
    for (const upTo of ['draft', 'submitted', 'accepted']) {
      const a = await json(await create(who.holder, { kind: 'retention', block_id: 'ap-flow' }));
      if (upTo !== 'draft') expect((await step(who.holder, a.id, 'submit')).status).toBe(200);
      if (upTo === 'accepted') expect((await step(who.province, a.id, 'accept')).status).toBe(200);
      expect((await step(who.province, a.id, 'withdraw')).status).toBe(403);
      const r = await step(who.holder, a.id, 'withdraw');
      expect(r.status, upTo).toBe(200);
      expect((await json(r)).state).toBe('withdrawn');
    }
  });

  it('the ministry, above the province, decides a provincial application; a retention approved marks the block retained', async () => {
    const a = await json(await create(who.holder, { kind: 'retention', block_id: 'ap-flow' }));
    expect((await step(who.holder, a.id, 'submit')).status).toBe(200);
    expect((await step(who.mnr, a.id, 'accept')).status).toBe(200);
    const r = await step(who.mnr, a.id, 'approve', { document_no: '自然资准〔2026〕1号' });
    expect(r.status).toBe(200);
    const out = await json(r);
    expect(out.state).toBe('approved');
    expect(out.steps.at(-1).effect.messages[0].code).toBe('EFFECT_RETAINED');
    const b = await json(await call(base, ANON, 'GET', '/api/collections/blocks/items/ap-flow'));
    expect(b.properties.status).toBe('retained');
  });
});

describe('the demo’s applications (data/demo/applications.json, loaded through this service)', () => {
  it('one in every state; a submitted one carries the snapshot the service froze, an approved one its register effect', async () => {
    const all = await json(await call(base, who.admin, 'GET', '/api/applications?limit=1000'));
    const demo = all.items.filter((a: { block_id: string | null }) => a.block_id?.startsWith('blk-'));
    expect(new Set(demo.map((a: { state: string }) => a.state))).toEqual(
      new Set(['draft', 'submitted', 'accepted', 'approved', 'refused', 'withdrawn']),
    );
    expect(new Set(demo.map((a: { kind: string }) => a.kind))).toEqual(
      new Set(['extension', 'conversion', 'change', 'retention', 'cancellation']),
    );
    const conv = demo.find((a: { kind: string }) => a.kind === 'conversion');
    const c = await json(await call(base, who.admin, 'GET', `/api/applications/${conv.id}`));
    expect(c.snapshot).toMatchObject({ application_id: conv.id, block: { id: 'blk-0057' }, conversion: { block_id: 'blk-0057' } });
    expect(c.snapshot.check.regime).toBe('shanxi-cbm-2020');
    const approved = demo.find((a: { state: string }) => a.state === 'approved');
    const steps = (await json(await call(base, who.admin, 'GET', `/api/applications/${approved.id}`))).steps;
    expect(steps.map((x: { action: string }) => x.action)).toEqual(['create', 'submit', 'accept', 'approve']);
    expect(steps.at(-1).effect.messages[0].code).toBe('EFFECT_RETAINED');
    expect((await json(await call(base, ANON, 'GET', '/api/collections/blocks/items/blk-0038'))).properties.status).toBe('retained');
  });
});

describe('reading: the queue, the holder’s list, one application', () => {
  it('the regulator’s queue lists submitted applications of its subtree; a city bureau cannot ask for the province', async () => {
    const a = await json(await create(who.holder, { kind: 'change', block_id: 'ap-cancel' }));
    expect((await step(who.holder, a.id, 'submit')).status).toBe(200);
    const q = await json(
      await call(base, who.province, 'GET', `/api/applications?state=submitted&authority=${encodeURIComponent(PROVINCE)}`),
    );
    expect(q.authority).toBe(PROVINCE);
    expect(q.items.map((i: { id: string }) => i.id)).toContain(a.id);
    expect(q.items.every((i: { state: string }) => i.state === 'submitted')).toBe(true);
    expect(q.items[0].snapshot).toBeUndefined();
    const mine = await json(await call(base, who.mnr, 'GET', '/api/applications?state=submitted'));
    expect(mine.items.map((i: { id: string }) => i.id)).toContain(a.id);
    const city = await json(await call(base, who.city, 'GET', '/api/applications?state=submitted'));
    expect(city.items.map((i: { id: string }) => i.id)).not.toContain(a.id);
    expect((await call(base, who.city, 'GET', `/api/applications?authority=${encodeURIComponent(PROVINCE)}`)).status).toBe(403);
    expect((await call(base, ANON, 'GET', '/api/applications')).status).toBe(401);
  });

  it('a holder lists its own applications only, and reads no other holder’s', async () => {
    const own = await json(await call(base, who.holder, 'GET', '/api/applications?limit=1000'));
    expect(own.items.length).toBeGreaterThan(3);
    expect(own.items.every((i: { applicant: string }) => i.applicant === H)).toBe(true);
    const other = await json(await call(base, who.other, 'GET', '/api/applications'));
    expect(other.items.every((i: { applicant: string }) => i.applicant === OTHER)).toBe(true);
    const r = await call(base, who.other, 'GET', `/api/applications/${own.items[0].id}`);
    expect(r.status).toBe(403);
    expect((await call(base, who.holder, 'GET', '/api/applications/APP-999999')).status).toBe(404);
  });
});

describe('submission: the deadline and the frozen snapshot', () => {
  it('refuses an extension submitted less than 30 days before expiry: 422 naming the dates in both languages', async () => {
    const a = await json(await create(who.holder, { kind: 'extension', block_id: 'ap-late' }));
    const r = await step(who.holder, a.id, 'submit');
    expect(r.status).toBe(422);
    const e = await errorOf(r);
    expect(e.code).toBe('EXTENSION_APPLICATION_LATE');
    const validTo = day(20);
    const last = day(-10);
    expect(e.details?.[0]).toMatchObject({ valid_to: validTo, last_day: last, filed_on: day(0), days_late: 10, source: '000:L3364' });
    expect(e.message).toContain(validTo);
    expect(e.message).toContain(last);
    expect(e.message_zh).toContain('273号令 第十五条');
    expect(e.message_zh).toContain(last);
    // still a draft: nothing was frozen or recorded
    const still = await json(await call(base, who.holder, 'GET', `/api/applications/${a.id}`));
    expect(still).toMatchObject({ state: 'draft', snapshot: null });
    expect(still.steps).toHaveLength(1);
  });

  let id = '';
  let frozen: unknown;
  const retained = box(111.0, 37.0, 111.07, 37.1); // the western 70% of ap-ext

  it('freezes the check and the register assessment at submission: inputs, regime, result, rule and data versions', async () => {
    const a = await json(await create(who.holder, { kind: 'extension', block_id: 'ap-ext', geometry: retained }));
    id = a.id;
    const r = await step(who.holder, id, 'submit', { document_no: '申延〔2026〕2号' });
    expect(r.status, await r.clone().text()).toBe(200);
    const out = await json(r);
    const s = out.snapshot;
    expect(out.snapshot_sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(s.deadline).toMatchObject({ in_time: true, valid_to: day(200), last_day: day(170), rule: 'R-VAL-2', source: '000:L3364' });
    expect(s.check.inputs.subject).toMatchObject({ application: 'extension', applicant: H, regime: 'shanxi-cbm-2020' });
    expect(s.check.inputs.extent).toBe('application');
    expect(s.check.regime).toBe('shanxi-cbm-2020');
    expect(Array.isArray(s.check.result.conflicts)).toBe(true);
    // the verdict as the check answered it that day is kept, not re-derived later by whatever rules then apply
    expect(s.check.result.verdict).toMatchObject({ code: expect.any(String), reasons: expect.any(Array) });
    expect(s.assessment.assessment).toMatchObject({ regime: 'shanxi-cbm-2020', decision: 'extend' });
    expect(s.assessment.assessment.new_valid_to > day(200)).toBe(true);
    expect(s.assessment.inputs.unfinished_ratio).toBe(0);
    expect(s.retained.outside_km2).toBeLessThan(1e-6);
    expect(s.retained.retained_km2).toBeLessThan(s.retained.remaining_km2);
    expect(s.warnings).toEqual([]);
    expect(s.rule_versions).toMatchObject({
      regime: { id: 'shanxi-cbm-2020' },
      schema_migration: expect.stringMatching(/^\d{3}_[a-z0-9_]+\.sql$/),
    });
    expect(s.rule_versions.service).toMatch(/^\d+\.\d+\.\d+/);
    expect(Number(s.data_version.layers.blocks)).toBeGreaterThan(0);
    expect(s.block).toMatchObject({ id: 'ap-ext', valid_to: day(200) });
    frozen = s;
  });

  it('GET returns the snapshot unchanged after the register changes (block edited, a red line drawn over it)', async () => {
    const cur = await call(base, ANON, 'GET', '/api/collections/blocks/items/ap-ext');
    const patch = await call(
      base,
      who.admin,
      'PATCH',
      '/api/collections/blocks/items/ap-ext',
      { properties: { name: '申请测试 改名' } },
      { 'if-match': cur.headers.get('etag')!, 'content-type': 'application/merge-patch+json' },
    );
    expect(patch.status).toBe(200);
    const rl = await call(base, who.admin, 'POST', '/api/collections/redlines/items', {
      type: 'Feature',
      id: 'ap-redline',
      geometry: box(111.02, 37.02, 111.04, 37.04),
      properties: { name: '申请后划定红线', status: 'official' },
    });
    expect(rl.status).toBe(201);
    const live = await json(await call(base, ANON, 'GET', '/api/blocks/ap-ext/conflicts'));
    expect(live.conflicts.some((c: { id: string }) => c.id === 'ap-redline')).toBe(true);
    const again = await json(await call(base, who.province, 'GET', `/api/applications/${id}`));
    expect(again.snapshot).toEqual(frozen);
    expect(again.snapshot.check.result.conflicts.some((c: { id: string }) => c.id === 'ap-redline')).toBe(false);
  });

  it('approval applies the reduction through the register write: If-Match on the block version, geometry and term replaced, history kept', async () => {
    expect((await step(who.province, id, 'accept')).status).toBe(200);
    // the block was renamed after submission: approval against the frozen version is refused (412, current ETag)
    let r = await step(who.province, id, 'approve');
    expect(r.status).toBe(412);
    const e = await errorOf(r);
    expect(e.code).toBe('PRECONDITION_FAILED');
    const current = String(e.details?.[0]?.current_etag);
    r = await step(who.province, id, 'approve', { block_if_match: current, document_no: '晋自然资延〔2026〕9号' });
    expect(r.status, await r.clone().text()).toBe(200);
    const out = await json(r);
    expect(out.state).toBe('approved');
    const eff = out.steps.at(-1).effect;
    expect(eff.block_id).toBe('ap-ext');
    expect(eff.messages.map((m: { code: string }) => m.code)).toEqual(['EFFECT_GEOMETRY', 'EFFECT_TERM']);
    const b = await call(base, ANON, 'GET', '/api/collections/blocks/items/ap-ext');
    const f = await json(b);
    expect(b.headers.get('etag')).toBe(`"v${eff.block_version_after}"`);
    const [w, s, e2, n] = [111.0, 37.0, 111.07, 37.1];
    const xs = f.geometry.coordinates[0][0].map((p: number[]) => p[0]);
    const ys = f.geometry.coordinates[0][0].map((p: number[]) => p[1]);
    expect([Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)]).toEqual([w, s, e2, n]);
    expect(f.properties.area_km2).toBeCloseTo(out.snapshot.retained.retained_km2, 6);
    const a = out.snapshot.assessment.assessment;
    expect(f.properties).toMatchObject({ valid_from: a.new_valid_from, valid_to: a.new_valid_to, extensions_used: 1, status: 'valid' });
    const h = await json(await call(base, who.admin, 'GET', '/api/collections/blocks/items/ap-ext/history'));
    expect(h.versions[0]).toMatchObject({ operation: 'update', actor: 'regulator', version: eff.block_version_after });
    expect(h.versions[1].version).toBe(eff.block_version_before);
    expect(h.versions[1].properties.area_km2).toBeGreaterThan(f.properties.area_km2);
    const audit = await json(await call(base, who.admin, 'GET', '/api/audit?collection=blocks&id=ap-ext&limit=1'));
    expect(audit.items[0]).toMatchObject({ actor: 'regulator', operation: 'update' });
  });
});

describe('cancellation', () => {
  it('approval ends the right: status cancelled, term ending today, history kept', async () => {
    const before = await json(await call(base, ANON, 'GET', '/api/collections/blocks/items/ap-cancel'));
    const a = await json(await create(who.holder, { kind: 'cancellation', block_id: 'ap-cancel', reason: '勘查工作结束' }));
    const sub = await json(await step(who.holder, a.id, 'submit'));
    expect(sub.snapshot.check).toBeNull();
    expect(sub.snapshot.notes.map((m: { code: string }) => m.code)).toContain('CHECK_NOT_APPLICABLE');
    expect((await step(who.province, a.id, 'accept')).status).toBe(200);
    const r = await step(who.province, a.id, 'approve', { document_no: '晋自然资注〔2026〕4号' });
    expect(r.status, await r.clone().text()).toBe(200);
    const f = await json(await call(base, ANON, 'GET', '/api/collections/blocks/items/ap-cancel'));
    expect(f.properties).toMatchObject({ status: 'cancelled', valid_to: day(0) });
    expect(f.geometry).toEqual(before.geometry);
    const h = await json(await call(base, ANON, 'GET', '/api/collections/blocks/items/ap-cancel/history'));
    expect(h.versions[1].properties).toMatchObject({ status: 'valid', valid_to: before.properties.valid_to });
  });
});

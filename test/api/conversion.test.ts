/**
 * Conversion exploration → mining (转采, issue 14 item 2) on demo blocks with wells: the check as an API (what is left
 * outside, each with its article), frozen at submission of a conversion application, and on approval the exploration
 * right reduced (or cancelled) and the mining right registered — history kept, audited. Also the two defects of
 * applications fixed with it: an extension's approval sets the licensed area to the retained polygon's, and its
 * submission puts the block on record as 延续申请中 (extension_applied).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ANON, bearer, call, login, type Who } from '../helpers/auth';
import { ADMIN_TOKEN, useTestServer } from '../helpers/server';
import { box } from '../../server/geometry/shapes.fixture';

const srv = useTestServer();
/** Demo blocks (synthetic) with wells and gathering lines of their holder: national (自然资源部) CBM exploration rights. */
const A = 'blk-0017';
const B = 'blk-0056';
let base = '';
const who: Record<'holder' | 'other' | 'mnr' | 'province' | 'admin', Who> = {} as never;

const json = async (r: Response) => (await r.json()) as Record<string, any>;
async function step(w: Who, id: string, action: string, extra: Record<string, unknown> = {}) {
  return call(base, w, 'POST', `/api/applications/${id}/transitions`, { action, reason: `${action} by ${w.name}`, ...extra });
}

/**
 * A proposal covering every well and gathering line the block relies on: the box around them (and 0.002° more),
 * clipped to the block — computed by the database, not by the code under test.
 */
async function covering(block: string, shrink = 0): Promise<any> {
  const q = await srv.ownerQuery(
    `WITH b AS (SELECT id, holder, geom FROM blocks WHERE id = $1),
     things AS (
       SELECT w.geom FROM wells w, b WHERE w.block_id = b.id AND coalesce(w.status, '') NOT IN ('abandoned', 'plugged')
       UNION ALL
       SELECT ST_Intersection(p.geom, b.geom) FROM pipelines p, b
       WHERE p.holder = b.holder AND p.type = 'gathering' AND coalesce(p.status, '') <> 'abandoned' AND ST_Intersects(p.geom, b.geom)
     ),
     e AS (SELECT ST_Expand(ST_Envelope(ST_Collect(geom)), 0.002) AS g FROM things)
     SELECT ST_AsGeoJSON(ST_Intersection(b.geom,
              CASE WHEN $2::float8 = 0 THEN e.g
                   ELSE ST_MakeEnvelope(ST_XMin(e.g), ST_YMin(e.g), ST_XMin(e.g) + (ST_XMax(e.g) - ST_XMin(e.g)) * (1 - $2::float8), ST_YMax(e.g), 4490) END), 9, 0) AS g
     FROM b, e`,
    [block, shrink],
  );
  return JSON.parse(String((q.rows[0] as { g: string }).g));
}

beforeAll(async () => {
  base = srv.url;
  const boot = bearer('bootstrap', ADMIN_TOKEN);
  const r = await call(base, boot, 'POST', '/api/accounts', {
    username: 'cv-other',
    role: 'holder',
    holders: ['别家能源有限公司(合成)'],
    password: 'conv-password-1',
  });
  expect(r.status, await r.clone().text()).toBe(201);
  const h = await call(base, boot, 'POST', '/api/accounts', {
    username: 'cv-huabei',
    role: 'holder',
    holders: ['中国石油天然气股份有限公司华北油田分公司(合成)'],
    password: 'conv-password-1',
  });
  expect(h.status, await h.clone().text()).toBe(201);
  who.holder = await login(base, 'holder', 'demo-holder-2026'); // 中联煤层气 (holds blk-0017)
  who.other = await login(base, 'cv-other', 'conv-password-1');
  who.mnr = await login(base, 'mnr', 'demo-mnr-2026');
  who.province = await login(base, 'regulator', 'demo-regulator-2026');
  who.admin = await login(base, 'admin', 'demo-admin-2026');
});

describe('POST /api/blocks/{id}/conversion-check', () => {
  it('passes a proposal that lies within the block and covers its wells and gathering lines (trunk lines excepted)', async () => {
    const geometry = await covering(A);
    const r = await call(base, who.holder, 'POST', `/api/blocks/${A}/conversion-check`, { geometry });
    expect(r.status, await r.clone().text()).toBe(200);
    const out = await json(r);
    expect(out.block_id).toBe(A);
    expect(out.check.passes).toBe(true);
    expect(out.check.findings).toEqual([]);
    expect(out.check.wells.relied_on).toBeGreaterThan(0);
    expect(out.check.wells.outside).toEqual([]);
    expect(out.check.pipelines.gathering_in_block_km).toBeGreaterThan(0);
    expect(out.check.pipelines.gathering_outside_km).toBe(0);
    expect(out.check.exploration_right.action).toBe('reduce');
    expect(out.check.exploration_right.remaining_km2).toBeCloseTo(out.check.block_km2 - out.check.proposal_km2, 3);
    expect(out.remaining.type).toMatch(/Polygon/);
    expect(out.check.steps.map((s: { rule: string }) => s.rule)).toEqual(['R-CONV-1', 'R-CONV-2', 'R-CONV-3', 'R-CONV-5']);
    expect(out.check.notes.map((n: { code: string }) => n.code)).toContain('STATIONS_NOT_ON_RECORD');
  });

  it('lists what is left outside: wells by id, gathering length in km, area outside the block — each with its article', async () => {
    const half = await covering(A, 0.5);
    // reach 0.02° past the block's western edge too
    const g = half.type === 'Polygon' ? half : { type: 'Polygon', coordinates: half.coordinates[0] };
    const ring = g.coordinates[0] as number[][];
    const xs = ring.map((p) => p[0]);
    const ys = ring.map((p) => p[1]);
    const [w, s, e, n] = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
    const blockWest = 112.869729; // blk-0017's western edge (demo data)
    const geometry = box(blockWest - 0.02, s, e, n);
    expect(w).toBeGreaterThanOrEqual(blockWest - 1e-9);
    const out = await json(await call(base, who.holder, 'POST', `/api/blocks/${A}/conversion-check`, { geometry }));
    expect(out.check.passes).toBe(false);
    const byCode = Object.fromEntries(out.check.findings.map((f: { code: string }) => [f.code, f]));
    expect(byCode.AREA_OUTSIDE_BLOCK).toMatchObject({ rule: 'R-CONV-1', source: '000:L3404; 001:L9570-9575' });
    expect(byCode.AREA_OUTSIDE_BLOCK.outside_km2).toBeGreaterThan(1);
    expect(byCode.WELLS_OUTSIDE).toMatchObject({ rule: 'R-CONV-2', citation: '自然资规〔2023〕4号 二（三）2', source: '001:L9528-9532' });
    expect(byCode.WELLS_OUTSIDE.well_ids.length).toBeGreaterThan(0);
    expect(byCode.WELLS_OUTSIDE.well_ids).toEqual(out.check.wells.outside);
    expect(byCode.PIPELINES_OUTSIDE.rule).toBe('R-CONV-3');
    expect(byCode.PIPELINES_OUTSIDE.outside_km).toBeGreaterThan(0);
    expect(byCode.WELLS_OUTSIDE.message.message_zh).toContain('井口装置');
  });

  it('who may ask: the holder, a regulator overseeing the block, an admin; not another holder (403) nor the anonymous (401)', async () => {
    const geometry = await covering(A);
    const path = `/api/blocks/${A}/conversion-check`;
    expect((await call(base, who.mnr, 'POST', path, { geometry })).status).toBe(200);
    expect((await call(base, who.admin, 'POST', path, { geometry })).status).toBe(200);
    expect((await call(base, who.other, 'POST', path, { geometry })).status).toBe(403);
    // 山西省自然资源厅 does not oversee a block the ministry registered
    expect((await call(base, who.province, 'POST', path, { geometry })).status).toBe(403);
    expect((await call(base, ANON, 'POST', path, { geometry })).status).toBe(401);
  });

  it('bad input: 404 for an unknown block, 422 for a mining right and for a line with stable codes', async () => {
    const geometry = await covering(A);
    const nf = await call(base, who.admin, 'POST', '/api/blocks/no-such-block/conversion-check', { geometry });
    expect(nf.status).toBe(404);
    const mining = await call(base, who.admin, 'POST', '/api/blocks/blk-0008/conversion-check', { geometry });
    expect(mining.status).toBe(422);
    expect((await json(mining)).error.code).toBe('CONVERSION_NEEDS_EXPLORATION');
    const line = await call(base, who.admin, 'POST', `/api/blocks/${A}/conversion-check`, {
      geometry: {
        type: 'LineString',
        coordinates: [
          [112.9, 37.7],
          [113, 37.75],
        ],
      },
    });
    expect(line.status).toBe(422);
    const e = (await json(line)).error;
    expect(e.message_zh).toBeTruthy();
  });
});

describe('conversion application', () => {
  it('freezes the check at submission (a proposal leaving wells outside is listed, not refused), and approval then refuses nothing but area outside', async () => {
    const huabei = await login(base, 'cv-huabei', 'conv-password-1');
    const geometry = await covering(B, 0.5);
    const a = await json(await call(base, huabei, 'POST', '/api/applications', { kind: 'conversion', block_id: B, geometry }));
    expect(a.state).toBe('draft');
    const sub = await step(huabei, a.id, 'submit', { document_no: '转采申〔2026〕1号' });
    expect(sub.status, await sub.clone().text()).toBe(200);
    const s = (await json(sub)).snapshot;
    expect(s.conversion.passes).toBe(false);
    expect(s.conversion.findings.map((f: { code: string }) => f.code)).toContain('WELLS_OUTSIDE');
    expect(s.warnings.map((m: { code: string }) => m.code)).toContain('CONVERSION_FINDINGS');
    expect(s.notes.map((m: { code: string }) => m.code)).toContain('CONVERSION_CHECKED_AS_NEW_MINING');
    // the decider withdraws nothing: the holder withdraws it
    expect((await step(huabei, a.id, 'withdraw')).status).toBe(200);
  });

  let appId = '';
  let before: Record<string, any> = {};
  it('approval reduces the exploration right to what remains and registers the mining right: history kept, audited', async () => {
    const geometry = await covering(A);
    before = await json(await call(base, ANON, 'GET', `/api/collections/blocks/items/${A}`));
    const a = await json(await call(base, who.holder, 'POST', '/api/applications', { kind: 'conversion', block_id: A, geometry }));
    appId = a.id;
    const sub = await json(await step(who.holder, appId, 'submit'));
    expect(sub.snapshot.conversion.passes).toBe(true);
    expect((await step(who.mnr, appId, 'accept')).status).toBe(200);
    const r = await step(who.mnr, appId, 'approve', { document_no: '自然资转采〔2026〕7号' });
    expect(r.status, await r.clone().text()).toBe(200);
    const out = await json(r);
    const eff = out.steps.at(-1).effect;
    expect(eff.messages.map((m: { code: string }) => m.code)).toEqual(['REDUCE', 'EFFECT_MINING_CREATED']);
    const mining = eff.created_block_id;
    expect(mining).toBe(`${A}-M-${appId.replace('APP-', '')}`);

    const ex = await json(await call(base, ANON, 'GET', `/api/collections/blocks/items/${A}`));
    expect(ex.properties.status).toBe(before.properties.status);
    expect(ex.properties.area_km2).toBeCloseTo(sub.snapshot.conversion.exploration_right.remaining_km2, 4);
    const m = await json(await call(base, ANON, 'GET', `/api/collections/blocks/items/${mining}`));
    expect(m.properties).toMatchObject({ kind: 'mining', mineral: 'cbm', holder: before.properties.holder, status: 'valid' });
    expect(m.properties.area_km2).toBeCloseTo(sub.snapshot.conversion.proposal_km2, 4);
    expect(m.properties.name).toMatch(/开采$/);
    // together they are the exploration block as it was
    expect(m.properties.area_km2 + ex.properties.area_km2).toBeCloseTo(before.properties.area_km2, 3);

    const lic = await srv.ownerQuery('SELECT licensed_area_km2 FROM blocks WHERE id = $1', [A]);
    expect(Number((lic.rows[0] as { licensed_area_km2: number }).licensed_area_km2)).toBeCloseTo(ex.properties.area_km2, 4);
    const h = await json(await call(base, who.admin, 'GET', `/api/collections/blocks/items/${A}/history`));
    expect(h.versions[0]).toMatchObject({ operation: 'update', actor: 'mnr', version: eff.block_version_after });
    expect(h.versions[1].properties.area_km2).toBeCloseTo(before.properties.area_km2, 6);
    const audit = await json(await call(base, who.admin, 'GET', `/api/audit?collection=blocks&id=${mining}&limit=1`));
    expect(audit.items[0]).toMatchObject({ actor: 'mnr', operation: 'create' });
  });

  it('approval cancels the exploration right when the mining area takes all of it', async () => {
    // a block of its own, converted whole
    const r = await call(base, who.admin, 'POST', '/api/collections/blocks/items', {
      type: 'Feature',
      id: 'cv-whole',
      geometry: box(112.0, 39.0, 112.05, 39.05),
      properties: {
        name: '转采测试整块勘查',
        holder: '中联煤层气有限责任公司(合成)',
        kind: 'exploration',
        mineral: 'cbm',
        authority: '自然资源部',
        valid_from: '2024-01-01',
        valid_to: '2029-01-01',
        first_registration_date: '2019-01-01',
      },
    });
    expect(r.status, await r.clone().text()).toBe(201);
    const a = await json(
      await call(base, who.holder, 'POST', '/api/applications', {
        kind: 'conversion',
        block_id: 'cv-whole',
        geometry: box(112.0, 39.0, 112.05, 39.05),
      }),
    );
    const sub = await json(await step(who.holder, a.id, 'submit'));
    expect(sub.snapshot.conversion.exploration_right).toMatchObject({ action: 'cancel', remaining_km2: 0 });
    expect((await step(who.mnr, a.id, 'accept')).status).toBe(200);
    const ok = await step(who.mnr, a.id, 'approve');
    expect(ok.status, await ok.clone().text()).toBe(200);
    const eff = (await json(ok)).steps.at(-1).effect;
    expect(eff.messages[0].code).toBe('CANCEL');
    const ex = await json(await call(base, ANON, 'GET', '/api/collections/blocks/items/cv-whole'));
    expect(ex.properties.status).toBe('cancelled');
    const m = await json(await call(base, ANON, 'GET', `/api/collections/blocks/items/${eff.created_block_id}`));
    expect(m.properties.kind).toBe('mining');
  });

  it('approval refuses a proposal reaching outside the block (422 CONVERSION_OUTSIDE_BLOCK, R-CONV-1); nothing is written', async () => {
    const geometry = box(112.869729 - 0.02, 37.7, 112.95, 37.75);
    const a = await json(await call(base, who.holder, 'POST', '/api/applications', { kind: 'conversion', block_id: A, geometry }));
    const sub = await json(await step(who.holder, a.id, 'submit'));
    expect(sub.snapshot.conversion.findings[0].code).toBe('AREA_OUTSIDE_BLOCK');
    expect((await step(who.mnr, a.id, 'accept')).status).toBe(200);
    const cur = await call(base, ANON, 'GET', `/api/collections/blocks/items/${A}`);
    const r = await step(who.mnr, a.id, 'approve', { block_if_match: cur.headers.get('etag')! });
    expect(r.status).toBe(422);
    expect((await json(r)).error.code).toBe('CONVERSION_OUTSIDE_BLOCK');
    const after = await call(base, ANON, 'GET', `/api/collections/blocks/items/${A}`);
    expect(after.headers.get('etag')).toBe(cur.headers.get('etag'));
  });
});

describe('extension applications: the block on record while it is decided, and the licensed area after a reduction', () => {
  const day = (days: number) => new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
  async function extBlock(id: string, lon: number) {
    const validFrom = day(200 - 5 * 365);
    const r = await call(base, who.admin, 'POST', '/api/collections/blocks/items', {
      type: 'Feature',
      id,
      geometry: box(lon, 37.0, lon + 0.1, 37.1),
      properties: {
        name: `延续测试 ${id}`,
        holder: '中联煤层气有限责任公司(合成)',
        kind: 'exploration',
        mineral: 'cbm',
        authority: '山西省自然资源厅',
        province_registered: true,
        first_registration_date: validFrom,
        valid_from: validFrom,
        valid_to: day(200),
        extensions_used: 0,
        acquisition_method: 'listing',
      },
    });
    expect(r.status, await r.clone().text()).toBe(201);
    const y0 = Number(validFrom.slice(0, 4));
    for (let y = y0; y <= y0 + 5; y++)
      await srv.ownerQuery('INSERT INTO investments (block_id, year, amount_cny) VALUES ($1, $2, $3)', [id, y, 1e9]);
  }
  const status = async (id: string) => (await json(await call(base, ANON, 'GET', `/api/collections/blocks/items/${id}`))).properties.status;

  it('submission puts the block on record as 延续申请中 (extension_applied, history kept); withdrawal takes it off again', async () => {
    await extBlock('cv-ext-1', 110.6);
    const a = await json(await call(base, who.holder, 'POST', '/api/applications', { kind: 'extension', block_id: 'cv-ext-1' }));
    const sub = await json(await step(who.holder, a.id, 'submit'));
    expect(sub.state).toBe('submitted');
    expect(sub.steps.at(-1).effect.messages[0].code).toBe('EFFECT_EXTENSION_APPLIED');
    expect(await status('cv-ext-1')).toBe('extension_applied');
    const h = await json(await call(base, who.admin, 'GET', '/api/collections/blocks/items/cv-ext-1/history'));
    expect(h.versions[0]).toMatchObject({ operation: 'update', actor: 'holder' });
    expect(h.versions[1].properties.status).toBe('valid');
    const w = await json(await step(who.holder, a.id, 'withdraw'));
    expect(w.steps.at(-1).effect.messages[0].code).toBe('EFFECT_EXTENSION_CLOSED');
    expect(await status('cv-ext-1')).toBe('valid');
  });

  it('approval of an extension with a reduction sets the licensed area on record to the retained polygon’s ellipsoidal area', async () => {
    await extBlock('cv-ext-2', 110.8);
    // an earlier offset left a licensed area on record different from the geometry's (004)
    await srv.ownerQuery('UPDATE blocks SET licensed_area_km2 = area_km2 - 5 WHERE id = $1', ['cv-ext-2']);
    const retained = box(110.8, 37.0, 110.87, 37.1);
    const a = await json(
      await call(base, who.holder, 'POST', '/api/applications', { kind: 'extension', block_id: 'cv-ext-2', geometry: retained }),
    );
    expect((await step(who.holder, a.id, 'submit')).status).toBe(200);
    expect((await step(who.province, a.id, 'accept')).status).toBe(200);
    const r = await step(who.province, a.id, 'approve');
    expect(r.status, await r.clone().text()).toBe(200);
    const out = await json(r);
    const q = await srv.ownerQuery('SELECT licensed_area_km2, area_km2, status FROM blocks WHERE id = $1', ['cv-ext-2']);
    const row = q.rows[0] as { licensed_area_km2: number; area_km2: number; status: string };
    expect(Number(row.licensed_area_km2)).toBeCloseTo(out.snapshot.retained.retained_km2, 6);
    expect(Number(row.licensed_area_km2)).toBeCloseTo(Number(row.area_km2), 6);
    expect(row.status).toBe('valid');
    // the lifecycle reads it: no offsets warning, the licensed area is the geometry's
    const lc = await json(await call(base, who.province, 'GET', '/api/blocks/cv-ext-2/assessment'));
    expect(JSON.stringify(lc.warnings ?? [])).not.toContain('OFFSETS_ON_RECORD');
  });
});

describe('R-VAL-6 reads the applications register', () => {
  const day = (days: number) => new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
  it('a conversion application submitted before the 3-year deadline satisfies it (273号令 第二十一条); withdrawn, it no longer does', async () => {
    const validFrom = day(200 - 5 * 365);
    const r = await call(base, who.admin, 'POST', '/api/collections/blocks/items', {
      type: 'Feature',
      id: 'cv-val6',
      geometry: box(111.2, 37.0, 111.3, 37.1),
      properties: {
        name: '转采期限测试',
        holder: '中联煤层气有限责任公司(合成)',
        kind: 'exploration',
        mineral: 'cbm',
        authority: '山西省自然资源厅',
        province_registered: true,
        first_registration_date: validFrom,
        valid_from: validFrom,
        valid_to: day(200),
        acquisition_method: 'listing',
      },
    });
    expect(r.status, await r.clone().text()).toBe(201);
    // proven reserves submitted so that the 3-year last day falls between today and the expiry
    await srv.ownerQuery(
      `INSERT INTO reserves (id, block_id, name, kind, submitted_date, synthetic, geom)
       VALUES ('cv-val6-r', 'cv-val6', '探明储量', 'proven', $1, true, ST_Multi(ST_MakeEnvelope(111.2, 37.0, 111.22, 37.02, 4490)))`,
      [day(100 - 3 * 365)],
    );
    const codes = async () => {
      const a = await json(await call(base, who.province, 'GET', '/api/blocks/cv-val6/assessment'));
      return {
        refusals: JSON.stringify(a.assessment.refusal_reasons),
        readings: a.assessment.readings.map((m: { code: string }) => m.code) as string[],
      };
    };
    expect((await codes()).refusals).toContain('R-VAL-6');
    const app = await json(
      await call(base, who.holder, 'POST', '/api/applications', {
        kind: 'conversion',
        block_id: 'cv-val6',
        geometry: box(111.2, 37.0, 111.25, 37.05),
      }),
    );
    expect((await step(who.holder, app.id, 'submit')).status).toBe(200);
    const after = await codes();
    expect(after.refusals).not.toContain('R-VAL-6');
    expect(after.readings).toContain('VAL6_APPLIED_IN_TIME');
    expect((await step(who.holder, app.id, 'withdraw')).status).toBe(200);
    expect((await codes()).refusals).toContain('R-VAL-6');
  });
});

/**
 * The API contract against the live service: every route of server/contract is called, and every response
 * is validated against its declared schema by the suite's fetch wrapper (test/setup/contract-fetch.ts).
 * Also: the OpenAPI document is generated from the contract, and paging links keep every parameter.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract, type RouteKey } from '../../server/contract';
import { seenRoutes } from '../helpers/contract';
import { call, login } from '../helpers/auth';
import { ADMIN_TOKEN, useTestServer } from '../helpers/server';
import { square } from '../../server/geometry/shapes.fixture';

const srv = useTestServer();
const json = { 'content-type': 'application/json' };
const admin = { ...json, authorization: `Bearer ${ADMIN_TOKEN}` };
const get = (p: string, headers: Record<string, string> = {}) => fetch(`${srv.url}${p}`, { headers });
const post = (p: string, body: unknown, headers = json) => fetch(`${srv.url}${p}`, { method: 'POST', headers, body: JSON.stringify(body) });

describe('every route answers what the contract declares', () => {
  it('service, OGC API, tiles', async () => {
    expect((await get('/api/health')).status).toBe(200);
    expect((await get('/api/openapi.json')).status).toBe(200);
    expect((await get('/api')).status).toBe(200);
    expect((await get('/api/conformance')).status).toBe(200);
    expect((await get('/api/collections')).status).toBe(200);
    expect((await get('/api/collections/wells')).status).toBe(200);
    const items = await (await get('/api/collections/blocks/items?limit=3&mineral=cbm')).json();
    expect(items.features).toHaveLength(3);
    expect((await get(`/api/collections/blocks/items/${items.features[0].id}`)).status).toBe(200);
    expect((await get('/api/collections/nope/items')).status).toBe(404);
    expect((await get('/api/collections/blocks/items?limit=0')).status).toBe(422);
    for (const c of ['wells', 'pipelines', 'protected-areas', 'redlines', 'reserves', 'boundaries'])
      expect((await get(`/api/collections/${c}/items?limit=50`)).status).toBe(200);
    expect((await get('/tiles/blocks.json')).status).toBe(200);
    expect((await get('/tiles/blocks/8/208/100.mvt')).status).toBe(200);
    expect((await get('/tiles/blocks/8/0/0.mvt')).status).toBe(204);
    expect((await get('/tiles/blocks/3/9/9.mvt')).status).toBe(422);
  });

  it('feature writes', async () => {
    const f = {
      type: 'Feature',
      id: 'contract-rl',
      geometry: square(112.2, 36.2, 0.1),
      properties: { name: '拟划红线', status: 'proposed' },
    };
    expect((await post('/api/collections/redlines/items', f)).status).toBe(401);
    const created = await post('/api/collections/redlines/items', f, admin);
    expect(created.status).toBe(201);
    const url = `${srv.url}/api/collections/redlines/items/contract-rl`;
    const body = JSON.stringify({ ...f, properties: { ...f.properties, status: 'official' } });
    expect((await fetch(url, { method: 'PUT', headers: admin, body })).status).toBe(428);
    expect((await fetch(url, { method: 'PUT', headers: { ...admin, 'if-match': '"v0"' }, body })).status).toBe(412);
    const put = await fetch(url, { method: 'PUT', headers: { ...admin, 'if-match': created.headers.get('etag')! }, body });
    expect(put.status).toBe(200);
    const patchHeaders = { ...admin, 'content-type': 'application/merge-patch+json', 'if-match': put.headers.get('etag')! };
    expect((await fetch(url, { method: 'PATCH', headers: patchHeaders, body: '[]' })).status).toBe(400);
    expect((await fetch(url, { method: 'PATCH', headers: patchHeaders, body: '{"id":"x"}' })).status).toBe(422);
    const patch = await fetch(url, { method: 'PATCH', headers: patchHeaders, body: JSON.stringify({ properties: { name: '红线' } }) });
    expect(patch.status).toBe(200);
    expect((await get('/api/collections/redlines/items/contract-rl/history')).status).toBe(200);
    expect((await get('/collections/redlines/items/contract-rl/history')).status).toBe(200);
    expect((await get('/api/collections/redlines/items/nope/history')).status).toBe(404);
    // the register's changes in an area after an instant (the red line just written among them)
    const changes = await (await get('/api/changes?since=2026-01-01&bbox=100,20,120,45&collections=redlines')).json();
    expect(changes.features.some((f: { properties: { feature_id: string } }) => f.properties.feature_id === 'contract-rl')).toBe(true);
    expect((await get('/api/changes?since=never')).status).toBe(422);
    expect((await fetch(url, { method: 'DELETE', headers: admin })).status).toBe(428);
    expect((await fetch(url, { method: 'DELETE', headers: { ...admin, 'if-match': patch.headers.get('etag')! } })).status).toBe(204);
    const history = await fetch(`${url}/history`, { headers: admin });
    expect(history.status).toBe(200);
    expect((await history.json()).versions[0].operation).toBe('delete');
    expect((await get('/api/audit')).status).toBe(401);
    expect((await fetch(`${srv.url}/api/audit?collection=redlines&limit=2`, { headers: admin })).status).toBe(200);
    expect((await fetch(`${srv.url}/api/audit?limit=0`, { headers: admin })).status).toBe(422);
  });

  it('files, checks, register', async () => {
    const form = new FormData();
    form.append('file', new Blob([readFileSync(join(__dirname, '../../data/samples/sample-guotu-gbk.txt'))]), 'sample.txt');
    expect((await fetch(`${srv.url}/api/parse`, { method: 'POST', body: form })).status).toBe(200);
    expect((await fetch(`${srv.url}/api/parse`, { method: 'POST' })).status).toBe(400);
    const exp = await fetch(`${srv.url}/api/export?format=guotu-txt`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify(square(112.5, 35.6)),
    });
    expect(exp.status).toBe(200);
    expect((await get('/api/blocks/blk-0015/export?format=kml')).status).toBe(200);
    expect((await get('/api/blocks/nope/export?format=kml')).status).toBe(404);
    const check = await post('/api/checks', { geometry: square(112.4, 35.55, 0.2), applicant: '某公司' });
    expect(check.status).toBe(200);
    expect((await post('/api/checks', { geometry: square(112.4, 35.55, 0.2), application: 'nonsense' })).status).toBe(422);
    expect((await get('/api/blocks/blk-0015/conflicts')).status).toBe(200);
    expect((await get('/api/conflicts?collection=redlines&format=csv')).status).toBe(200);
  });

  it('lifecycle', async () => {
    expect(
      (
        await post('/api/assessments/extension', {
          regime: 'shanxi-cbm-2020',
          licensed_area_km2: 268.752,
          proven_reserve_area_km2: 58.91,
          unfinished_ratio: 0.1,
        })
      ).status,
    ).toBe(200);
    expect((await post('/api/assessments/extension', { regime: 'nope' })).status).toBe(422);
    expect((await post('/api/assessments/covid', { valid_from: '2019-01-01', valid_to: '2021-12-31', area_km2: 100 })).status).toBe(200);
    expect((await get('/api/blocks/blk-0015/assessment')).status).toBe(200);
    expect((await post('/api/blocks/blk-0015/assessment', { overrides: { extensions_used: 0 } })).status).toBe(200);
    expect((await get('/api/deadlines?within=3650d')).status).toBe(200);
    expect((await get('/api/blocks/blk-0015/offsets', admin)).status).toBe(200);
    // 和顺 (blk-0025) gives to 沁县 (blk-0021, same holder, extension granted on 2026-06-01: a reduction is due)
    const off = await post('/api/offsets', { from_block: 'blk-0025', to_block: 'blk-0021', area_km2: 1, offset_date: '2026-06-01' }, admin);
    expect(off.status).toBe(201);
    // to 寿阳北 (blk-0015, extension refused on that day) nothing is due: the declared 422
    const notDue = await post(
      '/api/offsets',
      { from_block: 'blk-0017', to_block: 'blk-0015', area_km2: 1, offset_date: '2026-06-01' },
      admin,
    );
    expect(notDue.status).toBe(422);
    expect((await notDue.json()).error.code).toBe('OFFSET_RECEIVER_NOT_DUE');
    const plans = await post('/api/blocks/blk-0015/relinquishment-plans', { required_km2: 20, max_candidates: 1 });
    expect(plans.status).toBe(200);
    // list exports (issue 15): search results, deadlines, planner candidates as files
    expect((await get('/api/exports/search?format=csv&q=%E5%AF%BF%E9%98%B3')).status).toBe(200);
    expect((await get('/api/exports/deadlines?format=xlsx&within=3650d')).status).toBe(200);
    expect((await get('/api/blocks/blk-0015/relinquishment-plans/export?format=geojson&required_km2=20', admin)).status).toBe(200);
  });

  it('reports and certificates (served by server/routes/reports.ts): stored check, record, exports, verification', async () => {
    const stored = await post('/api/checks?store=true', { type: 'Feature', geometry: square(112.4, 36.4) });
    expect(stored.status).toBe(201);
    const { check_id, certificate_id } = await stored.json();
    expect((await get(`/api/checks/${check_id}`)).status).toBe(200);
    expect((await get(`/api/checks/${check_id}/conflicts?format=geojson`)).status).toBe(200);
    expect((await get(`/api/certificates/${certificate_id}`)).status).toBe(200);
    expect((await get('/api/certificates/public-key')).status).toBe(200);
    const env = await (await get(`/api/checks/${check_id}`)).json();
    const verified = await post('/api/certificates/verify', env);
    expect([verified.status, (await verified.json()).valid]).toEqual([200, true]);
    // PDFs: the error paths (rendering needs the browser, covered in test/api/reports*.test.ts)
    expect((await get('/api/checks/chk-nope.pdf')).status).toBe(404);
    expect((await get('/api/blocks/blk-nope/report.pdf')).status).toBe(404);
  });

  it('accounts, sign-in, personal tokens', { timeout: 60_000 }, async () => {
    expect((await get('/api/auth/me')).status).toBe(200);
    expect((await post('/api/auth/login', { username: 'nobody-here', password: 'wrong' })).status).toBe(401);
    const adm = await login(srv.url, 'admin', 'demo-admin-2026');
    expect((await call(srv.url, adm, 'GET', '/api/auth/me')).status).toBe(200);
    expect((await call(srv.url, adm, 'GET', '/api/tokens')).status).toBe(200);
    const tok = await call(srv.url, adm, 'POST', '/api/tokens', { name: 'contract test' });
    expect(tok.status).toBe(201);
    expect((await call(srv.url, adm, 'DELETE', `/api/tokens/${(await tok.json()).id}`)).status).toBe(204);
    expect((await call(srv.url, adm, 'GET', '/api/accounts')).status).toBe(200);
    const made = await call(srv.url, adm, 'POST', '/api/accounts', {
      username: 'contract-holder',
      role: 'holder',
      holders: ['契约测试公司'],
      password: 'contract-holder-2026',
    });
    expect(made.status).toBe(201);
    expect((await call(srv.url, adm, 'PATCH', `/api/accounts/${(await made.json()).id}`, { disabled: true })).status).toBe(200);
    expect((await call(srv.url, { name: 'anonymous', headers: {} }, 'GET', '/api/accounts')).status).toBe(401);
    expect((await call(srv.url, adm, 'POST', '/api/auth/logout')).status).toBe(204);
  });

  it('applications: open, edit, list, read, a step (issue 14)', async () => {
    const opened = await post(
      '/api/applications',
      { kind: 'new_exploration', applicant: '契约测试公司', geometry: square(112.4, 36.4) },
      admin,
    );
    expect(opened.status).toBe(201);
    const id = (await opened.json()).id as string;
    const url = `${srv.url}/api/applications/${id}`;
    const edited = await fetch(url, {
      method: 'PATCH',
      headers: { ...admin, 'if-match': opened.headers.get('etag')! },
      body: JSON.stringify({ title: '契约测试' }),
    });
    expect(edited.status).toBe(200);
    expect((await get('/api/applications?state=draft', admin)).status).toBe(200);
    expect((await get(`/api/applications/${id}`, admin)).status).toBe(200);
    // a new right's polygon is no retained area: its annex is refused (the annex itself: test/api/application-annex.test.ts)
    expect((await get(`/api/applications/${id}/annex?format=csv`, admin)).status).toBe(422);
    expect((await post(`/api/applications/${id}/transitions`, { action: 'approve', reason: '契约' }, admin)).status).toBe(409);
    expect((await post(`/api/applications/${id}/transitions`, { action: 'withdraw', reason: '契约' }, admin)).status).toBe(200);
    const cv = await post('/api/blocks/blk-0017/conversion-check', { geometry: square(112.95, 37.72) }, admin);
    expect(cv.status, await cv.clone().text()).toBe(200);
    expect((await post('/api/blocks/blk-0008/conversion-check', { geometry: square(112.1, 35.9) }, admin)).status).toBe(422);
  });

  it('annual investment and the abnormal list (issue 14 item 3)', async () => {
    const filed = await post('/api/blocks/blk-0030/investment-reports', { year: 2024, breakdown: { drilling: 1000, research: 10 } }, admin);
    expect(filed.status).toBe(201);
    expect((await post('/api/blocks/blk-0030/investment-reports', { year: 2024, breakdown: {} }, admin)).status).toBe(422);
    expect((await get('/api/blocks/blk-0030/investment', admin)).status).toBe(200);
    expect((await get('/api/abnormal-list?year=2025', admin)).status).toBe(200);
    expect((await get('/api/abnormal-list')).status).toBe(200);
    const pub = await post('/api/abnormal-list/publications', { year: 2025, authority: '山西省自然资源厅' }, admin);
    expect(pub.status).toBe(201);
    expect((await get('/api/abnormal-list?year=2025')).status).toBe(200);
  });

  it('payments: a statement, issuing obligations, a payment, the calendar (issue 14)', async () => {
    expect((await get('/api/blocks/blk-0019/payments?on=2026-12-02', admin)).status).toBe(200);
    const issued = await post('/api/blocks/blk-0019/payments/obligations', {}, admin);
    expect(issued.status).toBe(200);
    const paid = await post('/api/payments', { obligation_id: 'blk-0019:expl-fee-9', paid_on: '2026-01-05', amount_yuan: '100.00' }, admin);
    expect(paid.status).toBe(201);
    expect((await post('/api/payments', { obligation_id: 'nope', paid_on: '2026-01-05', amount_yuan: '1' }, admin)).status).toBe(422);
    expect((await get('/api/payments/due?within=30&on=2026-12-02', admin)).status).toBe(200);
  });

  it('records on file: agreements, commitments, register flags and consents (issue 14 items 5, 6)', async () => {
    const made = await post(
      '/api/agreements',
      { parties: ['blk-0034', 'blk-0076'], document_no: '契约测试协议', signed_on: '2026-01-10' },
      admin,
    );
    expect(made.status).toBe(201);
    const id = (await made.json()).id as string;
    expect((await get('/api/agreements', admin)).status).toBe(200);
    expect((await get(`/api/agreements/${id}`, admin)).status).toBe(200);
    expect((await post(`/api/agreements/${id}/withdraw`, { reason: '契约' }, admin)).status).toBe(200);
    expect(
      (await post('/api/agreements', { parties: ['blk-0034', 'blk-0034'], document_no: 'x', signed_on: '2026-01-10' }, admin)).status,
    ).toBe(422);
    const flag = await post(
      '/api/blocks/blk-0021/flags',
      { kind: 'mortgage', document_no: '契约', authority: '契约', start_on: '2026-01-01' },
      admin,
    );
    expect(flag.status).toBe(201);
    const flagId = (await flag.json()).id as string;
    expect((await get('/api/blocks/blk-0021/flags')).status).toBe(200);
    const consent = await post(`/api/flags/${flagId}/consents`, { document_no: '契约同意函', given_on: '2026-01-15' }, admin);
    expect(consent.status).toBe(201);
    expect((await get(`/api/flags/${flagId}/consents`, admin)).status).toBe(200);
    expect((await post(`/api/consents/${(await consent.json()).id}/withdraw`, { reason: '契约' }, admin)).status).toBe(200);
    const release = { released_on: '2026-02-01', document_no: '契约' };
    expect((await post(`/api/flags/${flagId}/release`, release, admin)).status).toBe(200);
    // a holder's commitment over a proposed red line (PA-5)
    const commitment = await post(
      '/api/commitments',
      { block_id: 'blk-0003', feature_id: 'red-006', document_no: '契约承诺书', signed_on: '2026-03-01' },
      admin,
    );
    expect(commitment.status, await commitment.clone().text()).toBe(201);
    const cid = (await commitment.json()).id as string;
    expect((await get('/api/commitments', admin)).status).toBe(200);
    expect((await get(`/api/commitments/${cid}`, admin)).status).toBe(200);
    expect((await post(`/api/commitments/${cid}/withdraw`, { reason: '契约' }, admin)).status).toBe(200);
  });

  it('were all exercised, each response validated against its schema', () => {
    const missing = (Object.keys(contract) as RouteKey[]).filter((k) => !seenRoutes.has(k));
    expect(missing).toEqual([]);
  });
});

describe('the OpenAPI document comes from the contract', () => {
  it('has every route, a response schema for every 2xx JSON answer and the error shape for every 4xx/5xx', async () => {
    const oas = await (await get('/api/openapi.json')).json();
    for (const [key, spec] of Object.entries(contract)) {
      const op = oas.paths[spec.path.replace(/:([A-Za-z_]\w*)/g, '{$1}')]?.[spec.method];
      expect(op, key).toBeTruthy();
      for (const [status, r] of Object.entries(op.responses) as [string, { content?: Record<string, { schema?: unknown }> }][]) {
        if (status.startsWith('2') && (spec.responses as Record<string, { json?: unknown }>)[status]?.json)
          expect(Object.values(r.content ?? {})[0]?.schema, `${key} ${status}`).toBeTruthy();
        // errors have the error shape, except statuses the route declares a body of its own for (health's 503)
        if (/^[45]/.test(status) && !(status in spec.responses))
          expect(r.content?.['application/json']?.schema, `${key} ${status}`).toEqual({ $ref: '#/components/schemas/Error' });
      }
    }
    expect(oas.components.schemas.CheckResult.properties.conflicts).toBeTruthy();
  });
});

describe('paging links keep every parameter', () => {
  it('/api/conflicts: self, next and the CSV alternate keep as_of and regime', async () => {
    const body = await (await get('/api/conflicts?collection=blocks&limit=2&as_of=2022-06-01&regime=national-2023')).json();
    expect(body.numberMatched).toBeGreaterThan(2);
    for (const rel of ['self', 'next', 'alternate']) {
      const l = new URL(body.links.find((x: { rel: string }) => x.rel === rel).href);
      expect([rel, l.searchParams.get('as_of'), l.searchParams.get('regime'), l.searchParams.get('collection')]).toEqual([
        rel,
        '2022-06-01',
        'national-2023',
        'blocks',
      ]);
    }
    const next = await (await fetch(body.links.find((x: { rel: string }) => x.rel === 'next').href)).json();
    expect(next.offset).toBe(2);
    const key = (r: { subject: { id: string }; id: string }) => `${r.subject.id}×${r.id}`;
    expect(next.rows.map(key)).not.toContain(key(body.rows[0]));
  });
  it('items: next keeps the filters and the bbox', async () => {
    const body = await (await get('/api/collections/blocks/items?mineral=coal&kind=mining&bbox=110,34,115,41&limit=5')).json();
    const next = new URL(body.links.find((x: { rel: string }) => x.rel === 'next').href);
    expect(Object.fromEntries(next.searchParams)).toMatchObject({
      mineral: 'coal',
      kind: 'mining',
      bbox: '110,34,115,41',
      limit: '5',
      offset: '5',
    });
  });
});

describe('published shapes follow their standards', () => {
  it('RFC 7946: no crs member in geometries; the register period as ISO instants, not range text', async () => {
    const body = await (await get('/api/collections/blocks/items?limit=20')).json();
    for (const f of body.features) {
      expect(f.geometry).not.toHaveProperty('crs');
      expect(f.properties).not.toHaveProperty('recorded');
      expect(f.properties.recorded_from).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(f.properties.recorded_to).toBeNull();
    }
    const text = JSON.stringify(body);
    expect(text).not.toMatch(/"\[\\?"?\d{4}-\d{2}-\d{2} /);
  });
});

describe('one OGC API root', () => {
  it('answers the landing page JSON at /api and at / to clients asking for JSON, the page otherwise', async () => {
    const landing = await (await get('/api')).json();
    const rels = Object.fromEntries(landing.links.map((l: { rel: string; href: string }) => [l.rel, new URL(l.href).pathname]));
    expect(rels).toMatchObject({ conformance: '/api/conformance', data: '/api/collections', 'service-desc': '/api/openapi.json' });
    const root = await get('/', { accept: 'application/json' });
    expect(root.headers.get('content-type')).toContain('json');
    expect((await root.json()).links).toEqual(landing.links);
    expect((await get('/?f=json')).headers.get('content-type')).toContain('json');
    const html = await fetch(`${srv.url}/api?f=html`, { redirect: 'manual' });
    expect([html.status, html.headers.get('location')]).toEqual([303, '/']);
    expect((await get('/conformance')).status).toBe(200);
    expect((await get('/api/conformance')).status).toBe(200);
  });
});

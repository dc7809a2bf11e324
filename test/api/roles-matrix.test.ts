/**
 * Every route × every role → the expected status (issue 13), generated from ONE table (ROUTES below).
 *
 * Principals: anonymous; holder-own (holds block P); holder-other (the demo `holder`, another company);
 * regulator-right (the demo `regulator`, 山西省自然资源厅, which issued P); regulator-other (a city 局 that did not);
 * admin (the demo `admin`, by session); a personal token (regulator-right's); the bootstrap ADMIN_TOKEN.
 * Session principals send their CSRF token like the page does (CSRF itself: auth.test.ts).
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, useTestServer } from '../helpers/server';
import { square } from '../../server/geometry/shapes.fixture';
import { ANON, bearer, call, login, type Who } from '../helpers/auth';

type Key = 'anon' | 'holderOwn' | 'holderOther' | 'regRight' | 'regOther' | 'admin' | 'token' | 'bootstrap';
const KEYS: Key[] = ['anon', 'holderOwn', 'holderOther', 'regRight', 'regOther', 'admin', 'token', 'bootstrap'];
type Expect = Record<Key, number>;

/** Block P: a provincial CBM exploration block (issued by 山西省自然资源厅) and another block of its holder. */
const P = 'blk-0021';
const P_HOLDER = '山西蓝焰煤层气集团有限责任公司(合成)';
const P_SIBLING = 'blk-0025';

const all = (s: number): Expect => Object.fromEntries(KEYS.map((k) => [k, s])) as Expect;
/** register writes: a regulator of the right authority, admins, their tokens */
const write = (ok: number): Expect => ({ ...all(ok), anon: 401, holderOwn: 403, holderOther: 403, regOther: 403 });
/** confidential records of block P: its holder, overseeing regulators, admins */
const confidential = (ok: number): Expect => ({ ...all(ok), anon: 401, holderOther: 403, regOther: 403 });
/** admin only */
const admin = (ok: number): Expect => ({ ...all(403), anon: 401, admin: ok, bootstrap: ok });
/** any account (the bootstrap credential has no account of its own) */
const account = (ok: number, bootstrap: number): Expect => ({ ...all(ok), anon: 401, bootstrap });

const blockFeature = (id: string) => ({
  type: 'Feature',
  id,
  geometry: square(112.2, 36.2, 0.01),
  properties: { name: `矩阵测试 ${id}`, kind: 'exploration', mineral: 'cbm', authority: '山西省自然资源厅', holder: P_HOLDER },
});
const redline = (name: string) => ({ type: 'Feature', geometry: square(112.25, 36.25, 0.01), properties: { name, status: 'proposed' } });

interface Row {
  name: string;
  method: string;
  path: string | ((k: Key) => string | Promise<string>);
  body?: (k: Key) => unknown;
  expect: Expect;
  /** extra check of a 2xx body (what the principal may see) */
  check?: (k: Key, body: unknown) => void;
}

let base = '';
const srv = useTestServer();
const who = {} as Record<Key, Who>;
let seq = 0;
const uniq = (k: Key) => `${k.toLowerCase()}-${++seq}`;

/** Create a feature as the bootstrap admin (for DELETE rows), return its path. */
async function fresh(collection: string, feature: object): Promise<string> {
  const r = await call(base, who.bootstrap, 'POST', `/collections/${collection}/items`, feature);
  if (r.status !== 201) throw new Error(`fixture ${collection}: ${r.status} ${await r.text()}`);
  return r.headers.get('location')!;
}

const FULL_VIEW: Key[] = ['holderOwn', 'regRight', 'admin', 'token', 'bootstrap'];
const guotu = readFileSync(new URL('../../data/samples/demo-overlap-guotu.txt', import.meta.url));

/** A fresh application of P's holder (a new exploration right: no register effect), moved to `state` by the bootstrap admin. */
async function appIn(state: 'draft' | 'submitted' | 'accepted'): Promise<string> {
  const r = await call(base, who.bootstrap, 'POST', '/api/applications', {
    kind: 'new_exploration',
    applicant: P_HOLDER,
    geometry: square(112.31, 36.31, 0.01),
  });
  if (r.status !== 201) throw new Error(`fixture application: ${r.status} ${await r.text()}`);
  const id = ((await r.json()) as { id: string }).id;
  for (const action of state === 'draft' ? [] : state === 'submitted' ? ['submit'] : ['submit', 'accept']) {
    const t = await call(base, who.bootstrap, 'POST', `/api/applications/${id}/transitions`, { action, reason: 'fixture' });
    if (t.status !== 200) throw new Error(`fixture ${action}: ${t.status} ${await t.text()}`);
  }
  return id;
}
/** the applicant side (P's holder, administrators); the deciding side (the regulator overseeing P's authority, administrators) */
const applicant = (ok: number): Expect => ({ ...all(403), anon: 401, holderOwn: ok, admin: ok, bootstrap: ok });
const decider = (ok: number): Expect => ({ ...all(403), anon: 401, regRight: ok, admin: ok, token: ok, bootstrap: ok });
const transition = (state: 'draft' | 'submitted' | 'accepted', action: string, expect: Expect): Row => ({
  name: `application ${action} (from ${state})`,
  method: 'POST',
  path: async () => `/api/applications/${await appIn(state)}/transitions`,
  body: (k) => ({ action, reason: `matrix ${k}` }),
  expect,
});

const ROUTES: Row[] = [
  // ---- public: the register, tiles, checks and rule calculators
  { name: 'health', method: 'GET', path: '/api/health', expect: all(200) },
  { name: 'openapi', method: 'GET', path: '/api/openapi.json', expect: all(200) },
  { name: 'conformance', method: 'GET', path: '/conformance', expect: all(200) },
  { name: 'collections', method: 'GET', path: '/collections', expect: all(200) },
  { name: 'collection', method: 'GET', path: '/collections/blocks', expect: all(200) },
  { name: 'items', method: 'GET', path: '/collections/blocks/items?limit=2', expect: all(200) },
  { name: 'items as_at', method: 'GET', path: '/collections/blocks/items?limit=2&as_at=2021-06-01', expect: all(200) },
  { name: 'item', method: 'GET', path: `/collections/blocks/items/${P}`, expect: all(200) },
  { name: 'wells', method: 'GET', path: '/collections/wells/items?limit=2', expect: all(200) },
  { name: 'tilejson', method: 'GET', path: '/tiles/blocks.json', expect: all(200) },
  { name: 'tile', method: 'GET', path: '/tiles/blocks/8/208/100.mvt', expect: all(200) },
  {
    name: 'parse',
    method: 'POST',
    path: '/api/parse',
    body: () => {
      const f = new FormData();
      f.append('file', new Blob([guotu]), 'demo-overlap-guotu.txt');
      return f;
    },
    expect: all(200),
  },
  { name: 'checks', method: 'POST', path: '/api/checks', body: () => ({ geometry: square(112.3, 36.3, 0.01) }), expect: all(200) },
  { name: 'export', method: 'POST', path: '/api/export?format=geojson', body: () => square(112.3, 36.3, 0.01), expect: all(200) },
  { name: 'block conflicts', method: 'GET', path: `/api/blocks/${P}/conflicts`, expect: all(200) },
  { name: 'block export', method: 'GET', path: `/api/blocks/${P}/export?format=geojson`, expect: all(200) },
  { name: 'register conflicts', method: 'GET', path: '/api/conflicts?collection=redlines&limit=2', expect: all(200) },
  {
    name: 'extension calculator',
    method: 'POST',
    path: '/api/assessments/extension',
    body: () => ({ regime: 'shanxi-cbm-2020', licensed_area_km2: 268.752, proven_reserve_area_km2: 58.91, unfinished_ratio: 0.1 }),
    expect: all(200),
  },
  {
    name: 'covid calculator',
    method: 'POST',
    path: '/api/assessments/covid',
    body: () => ({ valid_from: '2019-01-01', valid_to: '2021-12-31', area_km2: 100 }),
    expect: all(200),
  },
  { name: 'deadlines', method: 'GET', path: '/api/deadlines?within=365d', expect: all(200) },
  {
    name: 'planner with required_km2',
    method: 'POST',
    path: `/api/blocks/${P}/relinquishment-plans`,
    body: () => ({ required_km2: 1 }),
    expect: all(200),
  },
  { name: 'certificate key', method: 'GET', path: '/api/certificates/public-key', expect: all(200) },
  // ---- confidential: investment ledger, offsets, plans read from them
  {
    name: 'assessment (redacted for the public)',
    method: 'GET',
    path: `/api/blocks/${P}/assessment`,
    expect: all(200),
    check: (k, body) => {
      const b = body as { investment: unknown; withheld: { code: string } | null };
      if (FULL_VIEW.includes(k)) {
        expect(b.withheld, k).toBeNull();
        expect(b.investment, k).not.toBeNull();
      } else {
        expect(b.withheld?.code, k).toBe('INVESTMENT_WITHHELD');
        expect(b.investment, k).toBeNull();
      }
    },
  },
  { name: 'offsets of a block', method: 'GET', path: `/api/blocks/${P}/offsets`, expect: confidential(200) },
  // ---- annual investment (issue 14 item 3): confidential to the block's side; the abnormal list read by all, published by regulators
  { name: 'block investment', method: 'GET', path: `/api/blocks/${P}/investment`, expect: confidential(200) },
  {
    name: 'file a year’s investment',
    method: 'POST',
    path: `/api/blocks/${P}/investment-reports`,
    body: () => ({ year: 2024, breakdown: { drilling: 8_000_000, research: 1_000_000 } }),
    expect: confidential(201),
  },
  { name: 'abnormal list', method: 'GET', path: '/api/abnormal-list?year=2025', expect: all(200) },
  {
    name: 'publish the abnormal list',
    method: 'POST',
    path: '/api/abnormal-list/publications',
    body: () => ({ year: 2025, authority: '山西省自然资源厅' }),
    expect: write(201),
  },
  { name: 'payments of a block', method: 'GET', path: `/api/blocks/${P}/payments`, expect: confidential(200) },
  { name: 'payments due', method: 'GET', path: '/api/payments/due?within=30', expect: { ...all(200), anon: 401 } },
  {
    name: 'planner from the assessment',
    method: 'POST',
    path: `/api/blocks/${P}/relinquishment-plans`,
    body: () => ({}),
    expect: confidential(200),
  },
  // ---- register writes
  {
    name: 'create block',
    method: 'POST',
    path: '/collections/blocks/items',
    body: (k) => blockFeature(`mx-${uniq(k)}`),
    expect: write(201),
  },
  {
    name: 'replace block P',
    method: 'PUT',
    path: `/collections/blocks/items/${P}`,
    body: async () => {
      const f = (await (await fetch(`${base}/collections/blocks/items/${P}`)).json()) as { properties: Record<string, unknown> };
      const { recorded: _r, ...properties } = f.properties;
      return { ...f, properties };
    },
    // authorised writers get past the role check and meet the optimistic lock: no If-Match → 428 (locking.test.ts)
    expect: write(428),
  },
  {
    name: 'delete block',
    method: 'DELETE',
    path: (k) => fresh('blocks', blockFeature(`mx-del-${uniq(k)}`)),
    expect: write(428),
  },
  {
    name: 'create red line (province-kept)',
    method: 'POST',
    path: '/collections/redlines/items',
    body: (k) => redline(uniq(k)),
    expect: write(201),
  },
  {
    name: 'delete red line',
    method: 'DELETE',
    path: (k) => fresh('redlines', redline(`del-${uniq(k)}`)),
    expect: write(428),
  },
  {
    name: 'create reserve in P',
    method: 'POST',
    path: '/collections/reserves/items',
    body: (k) => ({ type: 'Feature', geometry: square(112.2, 36.2, 0.001), properties: { block_id: P, name: uniq(k), kind: 'submitted' } }),
    expect: write(201),
  },
  {
    name: 'record an offset',
    method: 'POST',
    path: '/api/offsets',
    body: () => ({ from_block: P_SIBLING, to_block: P, area_km2: 0.01, offset_date: '2026-06-01' }),
    expect: write(201),
  },
  {
    name: 'issue payment obligations',
    method: 'POST',
    path: `/api/blocks/${P}/payments/obligations`,
    body: () => ({}),
    expect: write(200),
  },
  {
    name: 'record a payment',
    method: 'POST',
    path: '/api/payments',
    body: () => ({ obligation_id: `${P}:income-rest`, paid_on: '2026-06-01', amount_yuan: '1.00' }),
    expect: write(201),
  },
  // ---- accounts, tokens, who am I
  { name: 'me', method: 'GET', path: '/api/auth/me', expect: all(200) },
  { name: 'list own tokens', method: 'GET', path: '/api/tokens', expect: account(200, 200) },
  { name: 'create a token', method: 'POST', path: '/api/tokens', body: (k) => ({ name: uniq(k) }), expect: account(201, 403) },
  {
    name: 'revoke own token',
    method: 'DELETE',
    path: async (k) => {
      if (k === 'anon' || k === 'bootstrap') return '/api/tokens/1';
      const r = await call(base, who[k], 'POST', '/api/tokens', { name: `to-revoke-${uniq(k)}` });
      return `/api/tokens/${((await r.json()) as { id: number }).id}`;
    },
    expect: account(204, 403),
  },
  { name: 'list accounts', method: 'GET', path: '/api/accounts', expect: admin(200) },
  {
    name: 'create account',
    method: 'POST',
    path: '/api/accounts',
    body: (k) => ({ username: `mx-${uniq(k)}`, role: 'holder', holders: [P_HOLDER], password: 'matrix-password-1' }),
    expect: admin(201),
  },
  {
    name: 'change account',
    method: 'PATCH',
    path: async () => {
      const list = (await (await call(base, who.bootstrap, 'GET', '/api/accounts')).json()) as {
        items: { id: number; username: string }[];
      };
      return `/api/accounts/${list.items.find((a) => a.username === 'mx-target')!.id}`;
    },
    body: (k) => ({ display_name: `changed by ${k}` }),
    expect: admin(200),
  },
  // ---- applications (issue 14): the lifecycle, every transition by every role
  {
    name: 'application create',
    method: 'POST',
    path: '/api/applications',
    body: () => ({ kind: 'new_exploration', applicant: P_HOLDER, geometry: square(112.31, 36.31, 0.01) }),
    expect: { ...all(201), anon: 401, holderOther: 403, regOther: 403 },
  },
  { name: 'applications list', method: 'GET', path: '/api/applications?limit=2', expect: { ...all(200), anon: 401 } },
  { name: 'application read', method: 'GET', path: async () => `/api/applications/${await appIn('draft')}`, expect: confidential(200) },
  transition('draft', 'submit', applicant(200)),
  transition('draft', 'withdraw', applicant(200)),
  transition('submitted', 'withdraw', applicant(200)),
  transition('submitted', 'accept', decider(200)),
  transition('submitted', 'refuse', decider(200)),
  transition('accepted', 'approve', decider(200)),
  transition('accepted', 'refuse', decider(200)),
  transition('accepted', 'withdraw', applicant(200)),
  {
    name: 'conversion check',
    method: 'POST',
    path: `/api/blocks/${P}/conversion-check`,
    body: () => ({ geometry: square(112.3, 36.3, 0.01) }),
    expect: confidential(200),
  },
];

beforeAll(async () => {
  base = srv.url;
  who.anon = ANON;
  who.bootstrap = bearer('bootstrap', ADMIN_TOKEN);
  for (const [username, holders, authority, role] of [
    ['mx-holder-own', [P_HOLDER], null, 'holder'],
    ['mx-city', [], '晋城市规划和自然资源局', 'regulator'],
    ['mx-target', [P_HOLDER], null, 'holder'],
  ] as const) {
    const r = await call(base, who.bootstrap, 'POST', '/api/accounts', {
      username,
      holders,
      authority,
      role,
      password: 'matrix-password-1',
    });
    expect(r.status, await r.clone().text()).toBe(201);
  }
  who.holderOwn = await login(base, 'mx-holder-own', 'matrix-password-1');
  who.holderOther = await login(base, 'holder', 'demo-holder-2026');
  who.regRight = await login(base, 'regulator', 'demo-regulator-2026');
  who.regOther = await login(base, 'mx-city', 'matrix-password-1');
  who.admin = await login(base, 'admin', 'demo-admin-2026');
  const t = await call(base, who.regRight, 'POST', '/api/tokens', { name: 'matrix' });
  who.token = bearer('token', ((await t.json()) as { token: string }).token);
}, 120_000);

describe('roles matrix: every route × every role', () => {
  for (const row of ROUTES) {
    it(`${row.method} ${row.name}`, async () => {
      const got: Partial<Expect> = {};
      for (const k of KEYS) {
        const path = typeof row.path === 'function' ? await row.path(k) : row.path;
        const res = await call(base, who[k], row.method, path, row.body ? await row.body(k) : undefined);
        got[k] = res.status;
        const text = await res.text();
        if (res.status >= 400) {
          const err = JSON.parse(text) as { error: { code: string; message_zh: string } };
          if (res.status === 401) expect(err.error.code, `${k} ${path}`).toBe('UNAUTHENTICATED');
          if (res.status === 403) expect(err.error.code, `${k} ${path}`).toBe('FORBIDDEN');
          expect(err.error.message_zh, `${k} ${path}`).toBeTruthy();
        } else if (row.check) row.check(k, JSON.parse(text));
      }
      expect(got).toEqual(row.expect);
    }, 120_000);
  }
});

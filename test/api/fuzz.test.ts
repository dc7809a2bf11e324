/**
 * Fuzzing every route and parameter the OpenAPI document names (issue 12): random strings, NUL, huge numbers,
 * impossible dates, bad percent-encodings, random and deeply nested JSON bodies, bad charsets and content-encodings.
 * The property: never a 5xx, every refusal in the one error shape, and `/api/health` still 200 at the end.
 * Seeded (fast-check), so a failure replays; FUZZ_RUNS raises the count locally.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, startTestServer } from '../helpers/server';
import { rawRequest } from '../helpers/raw-http';

let srv: Awaited<ReturnType<typeof startTestServer>>;
const routes: { method: string; path: string; query: string[] }[] = [];

const EXTRA_QUERY = [
  'bbox',
  'limit',
  'offset',
  'as_at',
  'as_of',
  'on',
  'within',
  'format',
  'encoding',
  'name',
  'crs',
  'zone',
  'collection',
  'regime',
  'application',
  'mineral',
  'q',
  'block_id',
];
const GOOD: Record<string, string[]> = {
  collectionId: ['blocks', 'wells', 'redlines', 'protected-areas', 'pipelines', 'reserves', 'boundaries'],
  featureId: ['blk-0015', 'blk-0017'],
  id: ['blk-0015', 'blk-0017'],
  layer: ['blocks', 'wells', 'protected-areas'],
  z: ['8', '0', '12'],
  x: ['208', '0'],
  y: ['100', '0'],
};

beforeAll(async () => {
  srv = await startTestServer();
  const oas = await (await fetch(`${srv.url}/api/openapi.json`)).json();
  for (const [path, item] of Object.entries<Record<string, { parameters?: { name?: string; in?: string }[] }>>(oas.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'delete'].includes(method)) continue;
      const query = (op.parameters ?? []).filter((p) => p.in === 'query' && p.name).map((p) => p.name!);
      routes.push({ method: method.toUpperCase(), path, query });
    }
  }
});
afterAll(async () => srv?.close());

/** Values that broke something once, or might. */
const nasty = fc.constantFrom(
  '\u0000',
  'a\u0000b',
  '%00',
  '%E0%A4%A',
  '%zz',
  '%',
  '%C0%AF',
  '2021-02-30',
  '2021-13-45',
  '0000-00-00',
  '9999-12-31',
  '99999-01-01',
  '1e308',
  '-1e308',
  '1e999',
  'NaN',
  'Infinity',
  '-0',
  '99999999999999999999999',
  '0x10',
  '-1',
  '1.5',
  '',
  ' ',
  ',,,',
  '..',
  '../../etc/passwd',
  "' OR '1'='1",
  '__proto__',
  'constructor',
  '=HYPERLINK("x")',
  '\uD800',
  '寿阳',
  'x'.repeat(5000),
);
/** encodeURIComponent that sends a lone surrogate as the invalid UTF-8 it would be (%ED%A0%80) instead of throwing. */
const enc = (s: string) =>
  s
    .split(/([\uD800-\uDFFF])/)
    .map((part) => {
      try {
        return encodeURIComponent(part);
      } catch {
        return '%ED%A0%80';
      }
    })
    .join('');
const RAW = new Set(['%00', '%E0%A4%A', '%zz', '%', '%C0%AF']);
/** A value in the URL: encoded normally, except the raw percent sequences, which go through as they are. */
const urlValue = fc.oneof(
  nasty.map((v) => (RAW.has(v) ? v : enc(v))),
  fc.string({ unit: 'grapheme', maxLength: 40 }).map(enc),
  fc.string({ unit: 'binary', maxLength: 20 }).map(enc),
  fc.double().map((n) => encodeURIComponent(String(n))),
  fc.integer().map(String),
);

const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
const bodyArb = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
  fc
    .record(
      {
        type: fc.constantFrom('Feature', 'Polygon', 'MultiPolygon', 'FeatureCollection', 'x'),
        geometry: fc.jsonValue({ maxDepth: 5 }),
        coordinates: fc.array(fc.array(fc.tuple(fc.double(), fc.double()), { maxLength: 6 }), { maxLength: 2 }),
        properties: fc.dictionary(
          fc.constantFrom('name', 'status', 'holder', 'id', 'valid_from'),
          fc.oneof(nasty, fc.jsonValue({ maxDepth: 2 })),
        ),
        valid_from: nasty,
        valid_to: nasty,
        area_km2: fc.oneof(fc.double(), nasty),
        offset_date: nasty,
        required_km2: fc.oneof(fc.double(), nasty),
      },
      { requiredKeys: [] },
    )
    .map((v) => JSON.stringify(v)),
  fc.constantFrom(deep(5000), '{"a":"\\u0000"}', 'not json', '', 'null', '"x"', '[]', '{', '\u0000'),
);
const contentType = fc.constantFrom(
  'application/json',
  'application/geo+json',
  'application/json; charset=utf-8',
  'application/json; charset=gbk',
  'application/json; charset=latin1',
  'application/json; charset=utf-16',
  'text/plain',
  'multipart/form-data; boundary=zzz',
  'multipart/form-data',
  'application/x-www-form-urlencoded',
  'application/xml',
);
const contentEncoding = fc.constantFrom(undefined, undefined, undefined, 'gzip', 'deflate', 'br', 'compress', 'identity', 'x-unknown');

const requestArb = fc.record({
  route: fc.nat(),
  pathValues: fc.array(fc.oneof(urlValue, fc.constant('GOOD')), { minLength: 6, maxLength: 6 }),
  query: fc.array(fc.tuple(fc.oneof(fc.constantFrom(...EXTRA_QUERY), fc.nat()), urlValue), { maxLength: 4 }),
  body: bodyArb,
  contentType,
  contentEncoding,
  withToken: fc.boolean(),
});

describe('fuzz: every route and parameter', () => {
  it('never answers 5xx, refuses in the one error shape, and health stays up', async () => {
    expect(routes.length).toBeGreaterThan(15);
    const failures: string[] = [];
    let sent = 0;
    await fc
      .assert(
        fc.asyncProperty(requestArb, async (r) => {
          const route = routes[r.route % routes.length];
          let i = 0;
          const path = route.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
            const v = r.pathValues[i++ % r.pathValues.length];
            const good = GOOD[name] ?? ['x'];
            return v === 'GOOD' ? good[i % good.length] : v;
          });
          const qs = r.query
            .map(([k, v]) => `${typeof k === 'number' ? (route.query[k % Math.max(route.query.length, 1)] ?? 'q') : k}=${v}`)
            .join('&');
          const url = qs ? `${path}?${qs}` : path;
          const headers: Record<string, string> = {};
          const hasBody = route.method === 'POST' || route.method === 'PUT';
          if (hasBody) headers['content-type'] = r.contentType;
          if (hasBody && r.contentEncoding) headers['content-encoding'] = r.contentEncoding;
          if (r.withToken) headers.authorization = `Bearer ${ADMIN_TOKEN}`;
          const res = await rawRequest(srv.url, { method: route.method, path: url, headers, body: hasBody ? r.body : undefined });
          sent++;
          if (res.status >= 500) failures.push(`${res.status} ${route.method} ${url} ${res.text.slice(0, 200)}`);
          if (res.status >= 400) {
            let code: unknown;
            try {
              code = res.json().error?.code;
            } catch {
              code = undefined;
            }
            if (typeof code !== 'string' && res.status !== 405)
              failures.push(`no error shape: ${res.status} ${route.method} ${url} ${res.text.slice(0, 120)}`);
          }
          return res.status < 500;
        }),
        { seed: 20261201, numRuns: Number(process.env.FUZZ_RUNS ?? 400), endOnFailure: false },
      )
      .catch((e) => {
        failures.push(String(e).slice(0, 2000));
      });
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThan(0);
    const h = await fetch(`${srv.url}/api/health`);
    expect(h.status).toBe(200);
    expect((await h.json()).database.up).toBe(true);
  }, 240_000);
});

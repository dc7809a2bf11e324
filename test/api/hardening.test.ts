/**
 * Issue 12, service half: every 500 of the security review is now a 4xx with a stable code; the rate limit cannot be
 * bypassed with X-Forwarded-For and covers every route class; a write's token is checked before its body is read;
 * body limits per route; absolute links from PUBLIC_URL (never a `javascript://` Host); headers on tiles too;
 * spreadsheet-formula guard on CSV exports.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, startTestServer, useTestServer } from '../helpers/server';
import { box } from '../../server/geometry/shapes.fixture';
import { rawAnswerBeforeBody, rawRequest } from '../helpers/raw-http';

const srv = useTestServer();

const json = { 'content-type': 'application/json' };
const auth = { authorization: `Bearer ${ADMIN_TOKEN}`, ...json };
const feature = (name: string) =>
  JSON.stringify({
    type: 'Feature',
    geometry: box(112.2, 36.2, 112.21, 36.21),
    properties: { name, status: 'proposed' },
  });

function expectShape(r: { status: number; json(): any }, status: number, code: string) {
  expect(r.status).toBe(status);
  const e = r.json().error;
  expect(e.code).toBe(code);
  expect(e.message).toBeTruthy();
  expect(e.message_zh).toBeTruthy();
}

describe('the 500s of the review are 4xx with stable codes', () => {
  it('NUL in a filter, a feature id, a block id, a JSON string', async () => {
    for (const path of [
      '/collections/blocks/items?q=%00',
      '/collections/wells/items?holder=a%00b',
      '/collections/blocks/items/a%00b',
      '/api/blocks/%00/conflicts',
      '/api/blocks/%00/assessment',
    ])
      expectShape(await rawRequest(srv.url, { path }), 400, 'INVALID_CHARACTERS');
    expectShape(
      await rawRequest(srv.url, { method: 'POST', path: '/collections/redlines/items', headers: auth, body: feature('red\u0000line') }),
      400,
      'INVALID_CHARACTERS',
    );
    expectShape(
      await rawRequest(srv.url, {
        method: 'POST',
        path: '/api/offsets',
        headers: auth,
        body: JSON.stringify({ from_block: 'blk-0025', to_block: 'blk-0021', area_km2: 1, offset_date: '2026-06-01', note: 'x\u0000' }),
      }),
      400,
      'INVALID_CHARACTERS',
    );
  });

  it('bad percent-encoding in a path', async () => {
    for (const path of ['/collections/blocks/items/%E0%A4%A', '/tiles/blocks/8/%E0%A4%A/100.mvt', '/api/blocks/%zz/conflicts'])
      expectShape(await rawRequest(srv.url, { path }), 400, 'BAD_PERCENT_ENCODING');
  });

  it('impossible and far-off dates', async () => {
    for (const path of [
      '/api/deadlines?on=2021-02-30',
      '/api/blocks/blk-0015/assessment?on=2021-02-30',
      '/api/blocks/blk-0015/assessment?on=9999-12-31',
      '/api/conflicts?collection=redlines&as_of=2021-02-30',
      '/api/blocks/blk-0015/conflicts?as_of=2021-02-30',
      '/api/deadlines?on=0000-01-01',
    ]) {
      const r = await rawRequest(srv.url, { path });
      expect(r.status, path).toBe(422);
      expect(r.json().error.message_zh).toBeTruthy();
    }
    const covid = await rawRequest(srv.url, {
      method: 'POST',
      path: '/api/assessments/covid',
      headers: json,
      body: JSON.stringify({ valid_from: '2021-02-30', valid_to: '2022-01-01', area_km2: 1 }),
    });
    expect(covid.status).toBe(422);
    const checks = await rawRequest(srv.url, { path: '/api/checks?as_of=2021-02-30', method: 'POST', headers: json, body: '{}' });
    expect(checks.status).toBe(422);
  });

  it('unsupported charset and content-encoding, garbage gzip', async () => {
    for (const charset of ['gbk', 'latin1'])
      expectShape(
        await rawRequest(srv.url, {
          method: 'POST',
          path: '/api/checks',
          headers: { 'content-type': `application/json; charset=${charset}` },
          body: '{}',
        }),
        415,
        'UNSUPPORTED_CHARSET',
      );
    expectShape(
      await rawRequest(srv.url, { method: 'POST', path: '/api/checks', headers: { ...json, 'content-encoding': 'compress' }, body: 'xx' }),
      415,
      'UNSUPPORTED_CONTENT_ENCODING',
    );
    expectShape(
      await rawRequest(srv.url, {
        method: 'POST',
        path: '/api/checks',
        headers: { ...json, 'content-encoding': 'gzip' },
        body: 'not gzip at all',
      }),
      400,
      'BODY_UNREADABLE',
    );
    const ok = await rawRequest(srv.url, {
      method: 'POST',
      path: '/api/assessments/covid',
      headers: { ...json, 'content-encoding': 'gzip' },
      body: gzipSync(JSON.stringify({ valid_from: '2019-01-01', valid_to: '2021-12-31', area_km2: 100 })),
    });
    expect(ok.status).toBe(200);
  });

  it('deeply nested JSON', async () => {
    const deep = '{"type":"GeometryCollection","geometries":['.repeat(20_000) + ']}'.repeat(20_000);
    expectShape(await rawRequest(srv.url, { method: 'POST', path: '/api/checks', headers: json, body: deep }), 400, 'BODY_TOO_DEEP');
    expectShape(
      await rawRequest(srv.url, {
        method: 'POST',
        path: '/api/assessments/extension',
        headers: json,
        body: '['.repeat(1000) + ']'.repeat(1000),
      }),
      400,
      'BODY_TOO_DEEP',
    );
    expect((await fetch(`${srv.url}/api/health`)).status).toBe(200);
  });
});

describe('requests Node refuses, and JSON bodies parsed off the main thread', () => {
  it('a URL over 16 KiB: 431 in the error shape, not a bare status line', async () => {
    const r = await rawRequest(srv.url, { path: `/collections/blocks/items?q=${'a'.repeat(20_000)}` });
    expectShape(r, 431, 'HEADERS_TOO_LARGE');
    expect(r.json().error.message_zh).toMatch(/KiB/);
    expect((await fetch(`${srv.url}/api/health`)).status).toBe(200);
  });

  it('checks: JSON read as bytes, parsed in a worker, with the same codes', async () => {
    const tooBig = ' '.repeat(Number(srv.config.MAX_UPLOAD_BYTES) + 10) + '{}';
    expectShape(await rawRequest(srv.url, { method: 'POST', path: '/api/checks', headers: json, body: tooBig }), 413, 'BODY_TOO_LARGE');
    expectShape(await rawRequest(srv.url, { method: 'POST', path: '/api/checks', headers: json, body: '{"type":' }), 400, 'BODY_NOT_JSON');
    expectShape(
      await rawRequest(srv.url, { method: 'POST', path: '/api/checks', headers: json, body: '{"type":"Polygon","x":"a\\u0000b"}' }),
      400,
      'INVALID_CHARACTERS',
    );
    expectShape(await rawRequest(srv.url, { method: 'POST', path: '/api/export', headers: json, body: '[' }), 400, 'BODY_NOT_JSON');
    // a good body still works, its top-level parameters read by the route
    const ok = await rawRequest(srv.url, {
      method: 'POST',
      path: '/api/checks',
      headers: json,
      body: JSON.stringify({ ...JSON.parse(feature('x')), applicant: 'someone', mineral: 'cbm' }),
    });
    expect(ok.status, ok.text.slice(0, 300)).toBe(200);
    const bad = await rawRequest(srv.url, {
      method: 'POST',
      path: '/api/checks',
      headers: json,
      body: JSON.stringify({ ...JSON.parse(feature('x')), regime: 'no-such-regime' }),
    });
    expect(bad.status).toBe(422);
    const exported = await rawRequest(srv.url, {
      method: 'POST',
      path: '/api/export?format=geojson',
      headers: json,
      body: feature('导出'),
    });
    expect(exported.status, exported.text.slice(0, 300)).toBe(200);
  });

  it('checks and exports: a body JSON.parse would read otherwise than sent is refused at its line, not changed', async () => {
    const polygon = '{"type":"Polygon","coordinates":[[[112.1,36.1],[112.2,36.1],[112.2,36.2],[112.1,36.1]]]';
    const cases: [string, string, string, number][] = [
      // the second ring would silently replace the first
      ['/api/checks', `${polygon},\n"coordinates":[[[113.1,37.1],[113.2,37.1],[113.2,37.2],[113.1,37.1]]]}`, 'BODY_DUPLICATE_KEY', 2],
      [
        '/api/export?format=geojson',
        `{"type":"Feature","properties":{"name":"a",\n"name":"b"},"geometry":${polygon}}}`,
        'BODY_DUPLICATE_KEY',
        2,
      ],
      // dropped from the parameters the main thread sees (it became a prototype)
      ['/api/checks', `{"__proto__":{"applicant":"x"},${polygon.slice(1)}}`, 'BODY_FORBIDDEN_KEY', 1],
      // read as Infinity
      ['/api/checks', polygon.replace('112.2,36.1', '112.2,\n1e400') + '}', 'BODY_NUMBER_OUT_OF_RANGE', 2],
    ];
    for (const [path, body, code, line] of cases) {
      const r = await rawRequest(srv.url, { method: 'POST', path, headers: json, body });
      expectShape(r, 400, code);
      expect(r.json().error.details[0].line, `${code} ${body}`).toBe(line);
      expect(r.json().error.message_zh).toMatch(/第 \d+ 行/);
    }
    // long decimals and large integers are read as doubles, as always, not refused
    const precise = polygon
      .replace('112.1,36.1]', '112.10000000000000000001,36.1]')
      .replace('112.1,36.1]]]', '112.10000000000000000001,36.1]]]');
    const ok = await rawRequest(srv.url, {
      method: 'POST',
      path: '/api/checks',
      headers: json,
      body: `${precise},"n":123456789012345678901234567890}`,
    });
    expect(ok.status, ok.text.slice(0, 300)).toBe(200);
  });
});

describe('JSON bodies read on the main thread', () => {
  it('get the same refusal of a repeated key, a __proto__ key and a number beyond the double range, at its line', async () => {
    const ring = '[[[112.2,36.2],[112.21,36.2],[112.21,36.21],[112.2,36.21],[112.2,36.2]]]';
    const cases: [string, Record<string, string>, string, string, number, number][] = [
      // a calculator's parameters: which regime was meant?
      ['/api/assessments/extension', json, '{"regime":"national-2019",\n  "regime":"national-2023"}', 'BODY_DUPLICATE_KEY', 2, 3],
      // sign-in: the password that would be checked is not the one the client shows first
      ['/api/auth/login', json, '{"username":"a","password":"x",\n"password":"y"}', 'BODY_DUPLICATE_KEY', 2, 1],
      // a feature write: the properties would lose the member (or gain a prototype) on the first copy
      [
        '/collections/redlines/items',
        auth,
        `{"type":"Feature","properties":{"name":"r",\n"__proto__":{"status":"official"}},"geometry":{"type":"Polygon","coordinates":${ring}}}`,
        'BODY_FORBIDDEN_KEY',
        2,
        1,
      ],
      // an offset of Infinity km²
      [
        '/api/offsets',
        auth,
        '{"from_block":"blk-0017","to_block":"blk-0015",\n"area_km2":1e400,"offset_date":"2026-06-01"}',
        'BODY_NUMBER_OUT_OF_RANGE',
        2,
        12,
      ],
      // a merge patch of a feature (application/merge-patch+json is read the same way)
      [
        '/collections/redlines/items/no-such-redline',
        { ...auth, 'content-type': 'application/merge-patch+json' },
        '{"properties":{"name":"a","name":"b"}}',
        'BODY_DUPLICATE_KEY',
        1,
        27,
      ],
    ];
    for (const [path, headers, body, code, line, column] of cases) {
      const method = path.includes('/items/') ? 'PATCH' : 'POST';
      const r = await rawRequest(srv.url, { method, path, headers, body });
      expectShape(r, 400, code);
      expect(r.json().error.details[0], `${path} ${body}`).toMatchObject({ line, column });
      expect(r.json().error.message_zh).toMatch(/第 \d+ 行第 \d+ 列/);
    }
    // the same body gzip-compressed is inflated, then refused the same way
    const gz = await rawRequest(srv.url, {
      method: 'POST',
      path: '/api/assessments/extension',
      headers: { ...json, 'content-encoding': 'gzip' },
      body: gzipSync('{"regime":"national-2019","regime":"national-2023"}'),
    });
    expectShape(gz, 400, 'BODY_DUPLICATE_KEY');
    // large numbers inside the double range, a primitive body, and a good body as before
    const big = await rawRequest(srv.url, {
      method: 'POST',
      path: '/api/assessments/extension',
      headers: json,
      body: '{"original_km2":1e300}',
    });
    expect(big.status).toBe(422); // read as a number and judged by the route, not refused as unreadable
    expectShape(
      await rawRequest(srv.url, { method: 'POST', path: '/api/assessments/extension', headers: json, body: '"x"' }),
      400,
      'BODY_NOT_JSON',
    );
  });
});

describe('auth, limits and links', () => {
  it('checks the token before reading a write body, and keeps small bodies small', async () => {
    const t0 = performance.now();
    // the whole body is declared but only its first 64 KiB sent: a server that read the body first would never answer
    const r = await rawAnswerBeforeBody(srv.url, {
      method: 'POST',
      path: '/collections/redlines/items',
      headers: json,
      declaredBytes: Number(srv.config.MAX_UPLOAD_BYTES) + 1024,
      first: 'x'.repeat(64 * 1024),
      timeoutMs: 10_000,
    });
    expectShape(r, 401, 'UNAUTHENTICATED'); // not 413: the body was never parsed
    expect(performance.now() - t0).toBeLessThan(5_000);
    const twoMb = JSON.stringify({ regime: 'x', pad: 'y'.repeat(2 * 1024 * 1024) });
    expectShape(
      await rawRequest(srv.url, { method: 'POST', path: '/api/assessments/extension', headers: json, body: twoMb }),
      413,
      'BODY_TOO_LARGE',
    );
    expectShape(await rawRequest(srv.url, { method: 'POST', path: '/api/offsets', headers: auth, body: twoMb }), 413, 'BODY_TOO_LARGE');
  });

  it('puts security headers on tiles, TileJSON and tile errors', async () => {
    for (const path of ['/tiles/blocks/8/208/100.mvt', '/tiles/blocks.json', '/tiles/nope/1/1/1.mvt']) {
      const r = await rawRequest(srv.url, { path });
      expect(r.headers['x-content-type-options'], path).toBe('nosniff');
      expect(r.headers['content-security-policy'], path).toBe("default-src 'none';frame-ancestors 'none'");
      expect(r.headers['cross-origin-resource-policy'], path).toBe('same-origin');
      // a tile is never a document: helmet's document-only headers stay on the page and the API
      for (const h of ['x-frame-options', 'cross-origin-opener-policy', 'referrer-policy', 'x-xss-protection', 'origin-agent-cluster'])
        expect(r.headers[h], `${path} ${h}`).toBeUndefined();
    }
    const api = await rawRequest(srv.url, { path: '/api/health' });
    expect(api.headers['content-security-policy']).toContain("default-src 'self'");
    expect(api.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(api.headers['referrer-policy']).toBe('no-referrer');
    // plain http deployment: no upgrade-insecure-requests, no HSTS
    const page = await rawRequest(srv.url, { path: '/api/health' });
    expect(page.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(page.headers['strict-transport-security']).toBeUndefined();
  });

  it('never copies a hostile Host or X-Forwarded-Proto into links', async () => {
    const tj = await rawRequest(srv.url, {
      path: '/tiles/blocks.json',
      headers: { host: 'javascript://evil.example', 'x-forwarded-proto': 'javascript' },
    });
    expect(tj.status).toBe(200);
    expect(tj.text).not.toContain('javascript');
    expect(tj.json().tiles[0]).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/tiles\/blocks\/\{z\}\/\{x\}\/\{y\}\.mvt$/);
    const proto = await rawRequest(srv.url, { path: '/collections', headers: { 'x-forwarded-proto': 'javascript' } });
    expect(proto.text).not.toContain('javascript');
  });

  it('uses PUBLIC_URL for every absolute link when set', async () => {
    const pub = await startTestServer({ PUBLIC_URL: 'https://map.example.gov.cn/kq/' });
    try {
      const tj = await rawRequest(pub.url, { path: '/tiles/wells.json', headers: { host: 'evil.example' } });
      expect(tj.json().tiles).toEqual(['https://map.example.gov.cn/kq/tiles/wells/{z}/{x}/{y}.mvt']);
      const items = await rawRequest(pub.url, { path: '/collections/blocks/items?limit=1', headers: { host: 'evil.example' } });
      expect(items.json().links.every((l: { href: string }) => l.href.startsWith('https://map.example.gov.cn/kq/'))).toBe(true);
      expect(items.text).not.toContain('evil.example');
      const page = await rawRequest(pub.url, { path: '/api/health' });
      expect(page.headers['content-security-policy']).toContain('upgrade-insecure-requests');
      expect(page.headers['strict-transport-security']).toBeTruthy();
      const tile = await rawRequest(pub.url, { path: '/tiles/blocks/8/208/100.mvt' });
      expect(tile.headers['strict-transport-security']).toBeTruthy();
      expect(tile.headers['content-security-policy']).toBe("default-src 'none';frame-ancestors 'none'");
    } finally {
      await pub.close();
    }
  });

  it('limits every route class per client, and a made-up X-Forwarded-For buys nothing', async () => {
    const lim = await startTestServer({
      RATE_LIMIT_READS_PER_MIN: '5',
      RATE_LIMIT_TILES_PER_MIN: '5',
      RATE_LIMIT_REGISTER_PER_MIN: '2',
      RATE_LIMIT_BLOCK_CONFLICTS_PER_MIN: '2',
      RATE_LIMIT_WRITES_PER_MIN: '2',
      RATE_LIMIT_PER_MIN: '2',
    });
    try {
      const spend = async (n: number, req: () => Promise<{ status: number }>) => {
        const out: number[] = [];
        for (let i = 0; i < n; i++) out.push((await req()).status);
        return out;
      };
      let i = 0;
      const xff = () => ({ 'x-forwarded-for': `10.0.${i >> 8}.${i++ & 255}` });
      const reads = await spend(7, () => rawRequest(lim.url, { path: '/collections/blocks/items?limit=1', headers: xff() }));
      expect(reads.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
      expect(reads.slice(5)).toEqual([429, 429]);
      const r429 = await rawRequest(lim.url, { path: '/api/deadlines' });
      expectShape(r429, 429, 'RATE_LIMITED');
      expect(r429.json().error.details[0]).toMatchObject({ class: 'reads', limit: 5 });
      expect((await spend(6, () => rawRequest(lim.url, { path: '/tiles/blocks/8/208/100.mvt', headers: xff() }))).at(-1)).toBe(429);
      expect(await spend(3, () => rawRequest(lim.url, { path: '/api/conflicts?collection=redlines&limit=1', headers: xff() }))).toEqual([
        200, 200, 429,
      ]);
      expect(await spend(3, () => rawRequest(lim.url, { path: '/api/blocks/blk-0015/conflicts', headers: xff() }))).toEqual([
        200, 200, 429,
      ]);
      // writes: the budget is spent before the token is looked at
      expect(
        await spend(3, () =>
          rawRequest(lim.url, { method: 'POST', path: '/collections/redlines/items', headers: { ...json, ...xff() }, body: '{}' }),
        ),
      ).toEqual([401, 401, 429]);
      expect(
        await spend(3, () =>
          rawRequest(lim.url, { method: 'POST', path: '/api/assessments/covid', headers: { ...json, ...xff() }, body: '{}' }),
        ),
      ).toEqual([429, 429, 429]);
      expect(
        await spend(3, () =>
          rawRequest(lim.url, { method: 'POST', path: '/api/export?format=geojson', headers: { ...json, ...xff() }, body: '{}' }),
        ),
      ).toEqual([400, 400, 429]);
      // health is never limited
      expect(await spend(8, () => rawRequest(lim.url, { path: '/api/health' }))).toEqual(Array(8).fill(200));
    } finally {
      await lim.close();
    }
  });
});

describe('CSV exports', () => {
  it('neutralise spreadsheet formulas in the contract-annex CSV', async () => {
    const r = await rawRequest(srv.url, {
      path: `/api/blocks/blk-0015/export?format=csv&encoding=utf-8&name=${encodeURIComponent('=HYPERLINK("http://evil")')}`,
    });
    expect(r.status).toBe(200);
    const firstRow = r.text.replace(/^\uFEFF/, '').split('\r\n')[1];
    expect(firstRow.startsWith(`"'=HYPERLINK(""http://evil"")"`)).toBe(true);
  });
});

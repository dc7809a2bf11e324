import express from 'express';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleLonLat } from '../../data/samples/block';
import { errorMiddleware } from '../http/error-middleware';
import { routerFor } from '../http/contract-route';
import { parseRoutes } from './parse';

let base = '';
let close: () => void = () => {};

beforeAll(async () => {
  const app = express();
  app.use(routerFor(parseRoutes({ limits: { maxUploadBytes: 50_000 } })));
  app.use(errorMiddleware);
  const server = app.listen(0);
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(() => close());

const upload = (buf: Uint8Array, name: string, fields: Record<string, string> = {}) => {
  const form = new FormData();
  form.append('file', new Blob([Uint8Array.from(buf)]), name);
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  return fetch(`${base}/api/parse`, { method: 'POST', body: form });
};

describe('POST /api/parse', () => {
  it('parses a 国土 TXT upload', async () => {
    const res = await upload(readFileSync(join(__dirname, '../../data/samples/sample-guotu-gbk.txt')), 'sample.txt');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ format: 'guotu-txt', crs: 4526, geometry: { type: 'Polygon' } });
    expect(body.parcels[0]).toMatchObject({ name: 'SAMPLE 样例区块 (synthetic)', vertex_count: 11 });
    expect(body.area_km2).toBeCloseTo(41.7527, 4);
    expect(Array.isArray(body.warnings)).toBe(true);
  });

  it('passes zone / format hints from form fields', async () => {
    const buf = readFileSync(join(__dirname, '../../data/samples/sample-gk-noprefix-cm114.csv'));
    const refused = await upload(buf, 'a.csv');
    expect(refused.status).toBe(422);
    expect((await refused.json()).error.code).toBe('PARSE_ZONE_UNKNOWN');
    const ok = await upload(buf, 'a.csv', { zone: '38', format: 'csv' });
    expect(ok.status).toBe(200);
    expect((await ok.json()).crs).toBe(4547);
  });

  it('refuses oversized uploads with the limit, missing files and bad parameters', async () => {
    const big = await upload(new Uint8Array(60_000), 'big.txt');
    expect(big.status).toBe(413);
    const err = (await big.json()).error;
    expect(err.code).toBe('UPLOAD_TOO_LARGE');
    expect(err.message).toContain('50000');
    const none = await fetch(`${base}/api/parse`, { method: 'POST', body: new FormData() });
    expect(none.status).toBe(400);
    expect((await none.json()).error.code).toBe('PARSE_NO_FILE');
    const bad = await upload(Buffer.from('lon,lat\n1,2\n'), 'a.csv', { zone: 'abc' });
    expect(bad.status).toBe(422);
    expect((await bad.json()).error).toMatchObject({ code: 'PARSE_BAD_PARAMETER', message_zh: expect.any(String) });
  });
});

describe('POST /api/export', () => {
  it('exports each format as an attachment', async () => {
    for (const format of ['guotu-txt', 'csv', 'geojson', 'kml', 'shp']) {
      const res = await fetch(`${base}/api/export?format=${format}&name=${encodeURIComponent('测试')}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'Feature', properties: {}, geometry: sampleLonLat() }),
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toContain("filename*=UTF-8''");
      expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(100);
    }
  });

  it('refuses unknown formats and non-polygons', async () => {
    const post = (q: string, body: unknown) =>
      fetch(`${base}/api/export?${q}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const a = await post('format=dxf', sampleLonLat());
    expect(a.status).toBe(400);
    expect((await a.json()).error.code).toBe('EXPORT_FORMAT_UNKNOWN');
    const b = await post('format=kml', { type: 'Point', coordinates: [1, 2] });
    expect(b.status).toBe(400);
    expect((await b.json()).error.code).toBe('EXPORT_GEOMETRY');
  });
});

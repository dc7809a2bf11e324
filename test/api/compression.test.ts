/**
 * Issue 17: JSON, GeoJSON, MVT and static text are compressed as the client asks (brotli or gzip); hashed assets are
 * cached for a year as immutable, index.html is revalidated; what is compressed decompresses to the same bytes.
 */
import { existsSync, readdirSync } from 'node:fs';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { useTestServer } from '../helpers/server';
import { rawBytes } from '../helpers/raw-http';

const srv = useTestServer();

const decode = (enc: string | undefined, b: Buffer) => (enc === 'br' ? brotliDecompressSync(b) : enc === 'gzip' ? gunzipSync(b) : b);

/** The z/x/y of the tile holding a lon/lat (Web Mercator). */
function tileOf(lon: number, lat: number, z: number) {
  const n = 2 ** z;
  const r = (lat * Math.PI) / 180;
  return { x: Math.floor(((lon + 180) / 360) * n), y: Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n) };
}

describe('negotiated compression', () => {
  it('GeoJSON items: brotli when asked, gzip when asked, identity otherwise; the same document each way', async () => {
    const path = '/collections/blocks/items?limit=50';
    const plain = await rawBytes(srv.url, { path, headers: { 'accept-encoding': 'identity' } });
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    for (const enc of ['br', 'gzip']) {
      const r = await rawBytes(srv.url, { path, headers: { 'accept-encoding': enc } });
      expect(r.status).toBe(200);
      expect(r.headers['content-encoding']).toBe(enc);
      expect(String(r.headers.vary)).toMatch(/accept-encoding/i);
      expect(r.body.length).toBeLessThan(plain.body.length / 3);
      const { timeStamp: _a, ...got } = JSON.parse(decode(enc, r.body).toString('utf8'));
      const { timeStamp: _b, ...want } = JSON.parse(plain.body.toString('utf8'));
      expect(got).toEqual(want);
    }
  });

  it('vector tiles are compressed too, and their ETag still answers 304', async () => {
    const { x, y } = tileOf(112.5, 35.8, 10);
    const path = `/tiles/blocks/10/${x}/${y}.mvt`;
    const plain = await rawBytes(srv.url, { path, headers: { 'accept-encoding': 'identity' } });
    expect(plain.status).toBe(200);
    const gz = await rawBytes(srv.url, { path, headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(decode('gzip', gz.body).equals(plain.body)).toBe(true);
    const etag = String(gz.headers.etag);
    const again = await rawBytes(srv.url, { path, headers: { 'accept-encoding': 'gzip', 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });

  it('small answers and binary formats are left alone', async () => {
    const r = await rawBytes(srv.url, { path: '/api/health', headers: { 'accept-encoding': 'br' } });
    expect(r.headers['content-encoding']).toBeUndefined();
  });
});

describe('static assets', () => {
  const dist = 'dist/client';
  it.runIf(existsSync(`${dist}/index.html`))('hashed assets are immutable for a year, index.html is revalidated', async () => {
    const js = readdirSync(`${dist}/assets`).find((f) => /^index-.*\.js$/.test(f))!;
    const a = await rawBytes(srv.url, { path: `/assets/${js}`, headers: { 'accept-encoding': 'br' } });
    expect(a.status).toBe(200);
    expect(a.headers['cache-control']).toMatch(/max-age=31536000.*immutable/);
    expect(a.headers['content-encoding']).toBe('br');
    const i = await rawBytes(srv.url, { path: '/', headers: {} });
    expect(i.status).toBe(200);
    expect(i.headers['cache-control']).toBe('no-cache');
    const missing = await rawBytes(srv.url, { path: '/assets/no-such-file-0000.js', headers: {} });
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.body.toString('utf8')).error.code).toBe('NOT_FOUND');
  });

  it.runIf(existsSync(`${dist}/index.html`))('MapLibre is a chunk of its own', () => {
    expect(readdirSync(`${dist}/assets`).some((f) => /^maplibre-.*\.js$/.test(f))).toBe(true);
  });
});

/**
 * The tile handler over a fake database (issue 17): one rendering per uncached tile however many ask at once,
 * compressed copies kept beside cached tiles, the compress middleware left to do uncached ones.
 */
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { Request, Response } from 'express';
import { describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { DataVersions, TileCache } from './cache';
import { tileRoutes } from './router';

const MVT = Buffer.from('pretend these are mvt bytes; '.repeat(100));

/** A PostGIS-flavoured fake: every tile query counted, answered after a little while. */
function fakeDb(mvt: Buffer | null = MVT) {
  const db = {
    engine: 'postgis',
    renders: 0,
    named: async () => {
      db.renders++;
      await new Promise((r) => setTimeout(r, 20));
      return { rows: [{ mvt }] };
    },
  };
  return db;
}

async function routes(db: ReturnType<typeof fakeDb>, cache?: TileCache) {
  const versions = new DataVersions(async () => [{ layer: 'wells', version: '7' }]);
  await versions.refresh();
  return tileRoutes({ db: db as unknown as Db, versions, cache }).tile;
}

const ask = (tile: Awaited<ReturnType<typeof routes>>, headers: Record<string, string> = {}, xy = 1) =>
  tile.handler({
    params: { layer: 'wells', z: 10, x: xy, y: xy },
    query: {},
    body: undefined,
    req: { get: (h: string) => headers[h.toLowerCase()] } as unknown as Request,
    res: {} as Response,
  });

const bytesOf = (reply: Awaited<ReturnType<typeof ask>>) => ('file' in reply && reply.file ? Buffer.from(reply.file.buffer) : undefined);

describe('tile handler', () => {
  it('renders an uncached tile once however many ask for it at the same time', async () => {
    const db = fakeDb();
    const tile = await routes(db, new TileCache(1 << 20));
    const replies = await Promise.all(Array.from({ length: 8 }, () => ask(tile)));
    expect(db.renders).toBe(1);
    for (const r of replies) {
      expect(r.status).toBe(200);
      expect(bytesOf(r)?.equals(MVT)).toBe(true);
    }
    const again = await ask(tile);
    expect(again.headers?.['X-Tile-Cache']).toBe('hit');
    expect(db.renders).toBe(1);
  });

  it('sends a cached tile compressed as asked, from a copy compressed once', async () => {
    const db = fakeDb();
    const cache = new TileCache(1 << 20);
    const tile = await routes(db, cache);
    const plain = await ask(tile);
    expect(plain.headers?.['Content-Encoding']).toBeUndefined();
    const br = await ask(tile, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers).toMatchObject({ 'Content-Encoding': 'br', Vary: 'Accept-Encoding', 'X-Tile-Cache': 'hit' });
    expect(brotliDecompressSync(bytesOf(br)!).equals(MVT)).toBe(true);
    const gz = await ask(tile, { 'accept-encoding': 'gzip' });
    expect(gz.headers?.['Content-Encoding']).toBe('gzip');
    expect(gunzipSync(bytesOf(gz)!).equals(MVT)).toBe(true);
    // the second brotli answer is the kept copy itself
    const br2 = await ask(tile, { 'accept-encoding': 'br' });
    expect('file' in br2 && br2.file?.buffer).toBe('file' in br && br.file?.buffer);
    expect(br.headers?.ETag).toBe(plain.headers?.ETag);
    expect(db.renders).toBe(1);
  });

  it('without a cache renders every time and leaves compression to the middleware', async () => {
    const db = fakeDb();
    const tile = await routes(db);
    const a = await ask(tile, { 'accept-encoding': 'br' });
    const b = await ask(tile, { 'accept-encoding': 'br' });
    expect(db.renders).toBe(2);
    expect(a.headers?.['Content-Encoding']).toBeUndefined();
    expect(bytesOf(b)?.equals(MVT)).toBe(true);
  });

  it('an empty tile is 204, cached as empty; If-None-Match with the ETag is 304 without rendering', async () => {
    const db = fakeDb(null);
    const tile = await routes(db, new TileCache(1 << 20));
    const first = await ask(tile, {}, 2);
    expect(first.status).toBe(204);
    expect((await ask(tile, {}, 2)).headers?.['X-Tile-Cache']).toBe('hit');
    const etag = first.headers!.ETag;
    expect((await ask(tile, { 'if-none-match': etag }, 2)).status).toBe(304);
    expect(db.renders).toBe(1);
  });

  it('a listed, weak or * If-None-Match is 304 without rendering, whatever the Cache-Control', async () => {
    const db = fakeDb();
    const tile = await routes(db, new TileCache(1 << 20));
    const etag = (await ask(tile, {}, 3)).headers!.ETag;
    for (const inm of [`"x", W/${etag}`, `W/${etag}`, '*']) expect((await ask(tile, { 'if-none-match': inm }, 3)).status, inm).toBe(304);
    expect((await ask(tile, { 'if-none-match': etag, 'cache-control': 'no-cache' }, 3)).status).toBe(304);
    expect((await ask(tile, { 'if-none-match': '"other", W/"wells-6-10-3-3"' }, 3)).status).toBe(200);
    expect(db.renders).toBe(1);
  });
});

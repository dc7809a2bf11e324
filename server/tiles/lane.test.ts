/**
 * The tile lane (issue 17) takes exactly the requests it can answer as express would, and hands every other one to
 * express: other methods and paths, query strings, malformed or out-of-range tiles, a client over its budget, a tile
 * without a version, and a failure (with the error, for express's error middleware).
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { laneErrorFirst, laneTile, tileLane } from './lane';
import type { TileAnswer, TileService } from './service';

let answer: () => Promise<TileAnswer>;
let over = false;
const passed: { url: string; error?: unknown }[] = [];
let server: Server;
let base: string;

beforeAll(async () => {
  const lane = tileLane({
    tiles: { answer: () => answer() } as unknown as TileService,
    security: [['X-Content-Type-Options', 'nosniff']],
    budget: { spend: async () => ({ over, headers: [['RateLimit', '"tiles"; r=9; t=60']] }) },
    clientIp: (req) => req.socket.remoteAddress ?? '',
    next: (req: IncomingMessage, res) => {
      laneErrorFirst()(req, res, (error) => passed.push({ url: req.url ?? '', error }));
      res.writeHead(299).end('express');
    },
  });
  server = createServer(lane);
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

const tile = (): Promise<TileAnswer> =>
  Promise.resolve({
    status: 200,
    versioned: true,
    headers: { ETag: '"wells-3-10-1-2"', 'Content-Type': 'application/vnd.mapbox-vector-tile', Vary: 'Accept-Encoding' },
    body: Buffer.from('mvt bytes'),
  });

describe('tile lane', () => {
  it('parses only canonical tile paths of known layers within range', () => {
    const at = (url: string, method = 'GET') => laneTile({ url, method } as IncomingMessage);
    expect(at('/tiles/wells/10/1/2.mvt')).toEqual({ layer: 'wells', z: 10, x: 1, y: 2 });
    expect(at('/tiles/protected-areas/0/0/0.mvt')).toEqual({ layer: 'protected-areas', z: 0, x: 0, y: 0 });
    for (const url of [
      '/tiles/wells/10/1/2.mvt?x=1',
      '/tiles/wells/010/1/2.mvt',
      '/tiles/wells/2/4/0.mvt',
      '/tiles/wells/23/0/0.mvt',
      '/tiles/nope/1/0/0.mvt',
      '/tiles/wells/1/0/0.pbf',
      '/tiles/wells.json',
      '/tiles/wells/1/0/0.mvt/',
      '/tiles/wells/1/0/%00.mvt',
    ])
      expect(at(url), url).toBeUndefined();
    expect(at('/tiles/wells/1/0/0.mvt', 'HEAD')).toBeUndefined();
  });

  it('answers a tile itself, with the security and rate-limit headers', async () => {
    answer = tile;
    passed.length = 0;
    const r = await fetch(`${base}/tiles/wells/10/1/2.mvt`);
    expect(r.status).toBe(200);
    expect(await r.text()).toBe('mvt bytes');
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('ratelimit')).toBe('"tiles"; r=9; t=60');
    expect(r.headers.get('etag')).toBe('"wells-3-10-1-2"');
    expect(r.headers.get('content-length')).toBe('9');
    expect(passed).toEqual([]);
  });

  it('hands to express what it does not answer', async () => {
    answer = tile;
    passed.length = 0;
    for (const url of ['/api/health', '/tiles/wells/10/1/2.mvt?v=1', '/tiles/wells/2/9/0.mvt']) {
      const r = await fetch(base + url);
      expect(r.status, url).toBe(299);
    }
    expect((await fetch(`${base}/tiles/wells/10/1/2.mvt`, { method: 'HEAD' })).status).toBe(299);
    over = true;
    expect((await fetch(`${base}/tiles/wells/10/1/2.mvt`)).status).toBe(299);
    over = false;
    answer = async () => ({ ...(await tile()), headers: {}, versioned: false });
    expect((await fetch(`${base}/tiles/wells/10/1/2.mvt`)).status).toBe(299);
    expect(passed.every((p) => p.error === undefined)).toBe(true);
    expect(passed).toHaveLength(6);
  });

  it('hands a failure to express with the error it met', async () => {
    const boom = Object.assign(new Error('connection terminated'), { code: 'ECONNRESET' });
    answer = () => Promise.reject(boom);
    passed.length = 0;
    expect((await fetch(`${base}/tiles/wells/10/1/2.mvt`)).status).toBe(299);
    expect(passed).toEqual([{ url: '/tiles/wells/10/1/2.mvt', error: boom }]);
  });
});

describe('tile lane: a warm tile in the same turn', () => {
  it('answers what answerNow gives without answer(), and spends the budget once either way', async () => {
    const spent: string[] = [];
    let now: TileAnswer | undefined;
    let asked = 0;
    const rate: [string, string][] = [['RateLimit', '"tiles"; r=8; t=60']];
    const lane = tileLane({
      tiles: {
        answerNow: () => now,
        answer: async () => {
          asked++;
          return tile();
        },
      } as unknown as TileService,
      security: [['X-Content-Type-Options', 'nosniff']],
      budget: {
        spend: async (ip) => (spent.push(`async ${ip}`), { over: false, headers: rate }),
        spendNow: (ip) => (spent.push(`now ${ip}`), { over: false, headers: rate }),
      },
      clientIp: () => 'client',
      next: (_req, res) => res.writeHead(299).end('express'),
    });
    const s = createServer(lane);
    await new Promise<void>((ok) => s.listen(0, '127.0.0.1', ok));
    const url = `http://127.0.0.1:${(s.address() as AddressInfo).port}/tiles/wells/10/1/2.mvt`;
    try {
      now = {
        status: 200,
        versioned: true,
        headers: { ETag: '"wells-3-10-1-2"' },
        body: Buffer.from('warm'),
        list: ['ETag', '"wells-3-10-1-2"', 'Content-Length', '4'],
      };
      const warmR = await fetch(url);
      expect([warmR.status, await warmR.text(), warmR.headers.get('etag'), warmR.headers.get('ratelimit')]).toEqual([
        200,
        'warm',
        '"wells-3-10-1-2"',
        '"tiles"; r=8; t=60',
      ]);
      expect(warmR.headers.get('x-content-type-options')).toBe('nosniff');
      expect([asked, spent]).toEqual([0, ['now client']]);
      // nothing at once (a miss): answer() renders it, and the budget spent by spendNow is not spent again
      now = undefined;
      const coldR = await fetch(url);
      expect([coldR.status, await coldR.text()]).toEqual([200, 'mvt bytes']);
      expect([asked, spent]).toEqual([1, ['now client', 'now client']]);
    } finally {
      await new Promise<void>((ok) => s.close(() => ok()));
    }
  });
});

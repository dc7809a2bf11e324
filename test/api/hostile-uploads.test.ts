/**
 * Hostile files against the running service: random bytes, truncations and byte flips of every sample,
 * a zip bomb and an oversized upload. Every answer is 200 or a 4xx in the one error shape — never a 5xx —
 * and the server keeps answering health checks throughout (polled concurrently).
 */
import fc from 'fast-check';
import { zipSync } from 'fflate';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../helpers/server';

let srv: Awaited<ReturnType<typeof startTestServer>>;
const SAMPLES = 'data/samples';
const samples = readdirSync(SAMPLES).filter((f) => !f.endsWith('.ts') && !f.endsWith('.md'));

beforeAll(async () => {
  srv = await startTestServer({ MAX_UPLOAD_BYTES: String(2 * 1024 * 1024), MAX_DECOMPRESSED_BYTES: String(8 * 1024 * 1024) });
});
afterAll(async () => {
  await srv?.close();
});

async function upload(path: '/api/parse' | '/api/checks', bytes: Uint8Array, name: string) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), name);
  const res = await fetch(`${srv.url}${path}`, { method: 'POST', body: form });
  const body = await res.json();
  if (res.status !== 200) {
    expect(res.status, JSON.stringify(body).slice(0, 200)).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(body.error.code).toMatch(/^[A-Z_]+$/);
    expect(body.error.message_zh).toBeTruthy();
  }
  return res.status;
}

/** Poll /api/health every 50 ms while `work` runs; every poll must answer 200. */
async function whileHealthy(work: () => Promise<void>) {
  let stop = false;
  const answers: number[] = [];
  const poller = (async () => {
    while (!stop) {
      answers.push((await fetch(`${srv.url}/api/health`)).status);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  try {
    await work();
  } finally {
    stop = true;
    await poller;
  }
  expect(answers.length).toBeGreaterThan(0);
  expect(answers.every((s) => s === 200)).toBe(true);
}

describe('hostile uploads over HTTP', () => {
  it('random bytes under every file name: 4xx, never 5xx, health answers throughout', async () => {
    await whileHealthy(async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.uint8Array({ maxLength: 4096 }),
          fc.constantFrom('x.txt', 'x.csv', 'x.xlsx', 'x.geojson', 'x.kml', 'x.kmz', 'x.zip', 'x.bin'),
          fc.constantFrom('/api/parse' as const, '/api/checks' as const),
          async (bytes, name, path) => {
            await upload(path, bytes, name);
          },
        ),
        { numRuns: 80 },
      );
    });
  });

  it('truncations and byte flips of every sample', async () => {
    await whileHealthy(async () => {
      for (const f of samples) {
        const buf = new Uint8Array(readFileSync(join(SAMPLES, f)));
        await fc.assert(
          fc.asyncProperty(
            fc.integer({ min: 0, max: buf.length }),
            fc.integer({ min: 0, max: Math.max(0, buf.length - 1) }),
            fc.integer({ min: 0, max: 255 }),
            async (cut, at, byte) => {
              await upload('/api/checks', buf.slice(0, cut), f);
              const flipped = buf.slice();
              if (flipped.length) flipped[at] = byte;
              await upload('/api/parse', flipped, f);
            },
          ),
          { numRuns: 6 },
        );
      }
    });
  });

  it('refuses a zip bomb and an oversized file with 413, stating the limit', async () => {
    // 64 MiB of zeros compresses to ~64 KiB: far over the 8 MiB decompression limit of this server
    const bomb = zipSync({ 'block.shp': new Uint8Array(64 * 1024 * 1024), 'block.dbf': new Uint8Array(10) }, { level: 9 });
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bomb)]), 'bomb.zip');
    const res = await fetch(`${srv.url}/api/checks`, { method: 'POST', body: form });
    expect(res.status).toBe(413);
    const body = await res.json();
    expect(body.error.code).toBe('ARCHIVE_TOO_LARGE');
    expect(body.error.message).toMatch(/8388608|8 MiB|8\.0 MiB/);

    const big = new FormData();
    big.append('file', new Blob([new Uint8Array(3 * 1024 * 1024)]), 'big.txt');
    const r2 = await fetch(`${srv.url}/api/parse`, { method: 'POST', body: big });
    expect(r2.status).toBe(413);
    expect((await r2.json()).error.code).toBe('UPLOAD_TOO_LARGE');
    expect((await fetch(`${srv.url}/api/health`)).status).toBe(200);
  });
});

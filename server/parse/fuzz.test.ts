/**
 * Property tests: whatever bytes arrive, parseUpload either returns a result or rejects with an AppError whose
 * status is 4xx — never another exception, never a 5xx.
 */
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { parseUpload } from './index';
import type { ParseHints } from './types';

const dir = join(__dirname, '../../data/samples');
const samples = readdirSync(dir).filter((f) => !f.endsWith('.ts') && !f.endsWith('.md'));

async function parsesOrRefuses(buf: Uint8Array, name: string, hints: ParseHints = {}) {
  try {
    const r = await parseUpload(Buffer.from(buf), name, hints, { maxVertices: 5000, maxArchiveBytes: 2_000_000 });
    expect(Number.isFinite(r.area_km2)).toBe(true);
  } catch (e) {
    if (!(e instanceof AppError)) throw new Error(`non-AppError for ${name}: ${(e as Error)?.stack ?? e}`, { cause: e });
    expect(e.status).toBeGreaterThanOrEqual(400);
    expect(e.status).toBeLessThan(500);
    expect(e.code).toMatch(/^[A-Z_]+$/);
  }
}

const FORMATS = [undefined, 'guotu-txt', 'csv', 'xlsx', 'geojson', 'kml', 'kmz', 'shp'];

describe('parsers under random input', () => {
  it('random bytes, with and without a format hint', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), fc.constantFrom(...FORMATS), async (bytes, format) => {
        await parsesOrRefuses(bytes, 'random.bin', format ? { format } : {});
      }),
      { numRuns: 300 },
    );
  });

  it.each(samples)(
    'truncations and byte flips of %s',
    async (f) => {
      const buf = readFileSync(join(dir, f));
      const hints = f.includes('noprefix') ? { zone: 38 } : {};
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 0, max: buf.length }), async (cut) => parsesOrRefuses(buf.subarray(0, cut), f, hints)),
        { numRuns: 100 },
      );
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.tuple(fc.nat(buf.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
          async (flips) => {
            const b = Uint8Array.from(buf);
            for (const [i, v] of flips) b[i] = v;
            await parsesOrRefuses(b, f, hints);
          },
        ),
        { numRuns: 100 },
      );
    },
    120_000,
  );

  it('random numbers in 国土 TXT point lines', async () => {
    const num = fc.oneof(
      fc.double({ noNaN: false }).map(String),
      fc.double({ min: 3.0e6, max: 4.5e6 }).map((v) => v.toFixed(3)),
      fc.double({ min: 3.0e7, max: 4.6e7 }).map((v) => v.toFixed(3)),
      fc.string({ maxLength: 6 }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(num, num), { minLength: 0, maxLength: 8 }),
        fc.option(fc.integer({ min: -5, max: 60 })),
        async (pts, zone) => {
          const body = pts.map(([x, y], i) => `J${i + 1},1,${x},${y}`);
          const text = ['[属性描述]', '坐标系=2000国家大地坐标系', '[地块坐标]', `${pts.length},1,1,x,面,,,,@`, ...body].join('\n');
          await parsesOrRefuses(Buffer.from(text), 'x.txt', zone === null ? {} : { zone });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('random numbers in CSV tables and GeoJSON', async () => {
    const n = fc.oneof(fc.double(), fc.double({ min: 70, max: 140 }), fc.double({ min: 0, max: 60 }), fc.double({ min: 1e6, max: 5e7 }));
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(n, n), { maxLength: 10 }),
        fc.constantFrom('lon,lat', 'X,Y', '纬度,经度', ''),
        async (pts, head) => {
          const csv = [head, ...pts.map(([a, b]) => `${a},${b}`)].filter(Boolean).join('\n');
          await parsesOrRefuses(Buffer.from(csv), 'x.csv', { format: 'csv' });
          const gj = { type: 'Polygon', coordinates: [pts] };
          await parsesOrRefuses(Buffer.from(JSON.stringify(gj)), 'x.geojson');
        },
      ),
      { numRuns: 300 },
    );
  });
});

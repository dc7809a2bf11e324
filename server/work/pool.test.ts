import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { AppError } from '../errors';
import { DEFAULT_LIMITS } from '../parse/limits';
import { WorkPool } from './pool';
import { bowtie } from '../geometry/shapes.fixture';

const pool = new WorkPool({ size: 2, timeoutMs: 1500, memoryMb: 96, maxQueue: 3, testTasks: true });
afterAll(() => pool.close());

const refusal = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return e as AppError;
  }
  throw new Error('expected a refusal');
};

describe('upload worker pool', () => {
  it('parses a coordinate file in a worker (TypeScript under tsx)', async () => {
    const bytes = new Uint8Array(readFileSync('data/samples/sample-guotu-gbk.txt'));
    const r = await pool.run('parse', { bytes, filename: 'a.txt', hints: {}, limits: DEFAULT_LIMITS }, [bytes.buffer]);
    expect(r.format).toBe('guotu-txt');
    expect(r.area_km2).toBeGreaterThan(0);
  }, 60_000);

  it('passes refusals through as AppErrors with their code', async () => {
    const e = await refusal(
      pool.run('geometry', {
        geometry: bowtie(),
        kind: 'polygon',
        maxVertices: 100,
      }),
    );
    expect([e.status, e.code]).toEqual([422, 'GEOMETRY_SELF_INTERSECTION']);
  }, 60_000);

  it('terminates a job over its time budget: 422 WORK_TIMEOUT, and the pool keeps working', async () => {
    const t = Date.now();
    const e = await refusal(pool.run('spin', { ms: 60_000 }));
    expect([e.status, e.code]).toEqual([422, 'WORK_TIMEOUT']);
    expect(e.messageZh).toMatch(/超过时间上限/);
    expect(Date.now() - t).toBeLessThan(10_000);
    expect(await pool.run('spin', { ms: 10 })).toBeGreaterThan(0);
    expect(pool.stats.timeouts).toBe(1);
  }, 60_000);

  it('kills a worker over its memory budget: 413 WORK_OUT_OF_MEMORY, and the pool keeps working', async () => {
    const roomy = new WorkPool({ size: 1, timeoutMs: 30_000, memoryMb: 64, testTasks: true });
    try {
      const e = await refusal(roomy.run('alloc', { mb: 4000 }));
      expect([e.status, e.code]).toEqual([413, 'WORK_OUT_OF_MEMORY']);
      expect(await roomy.run('alloc', { mb: 4 })).toBe(4);
      expect(roomy.stats.outOfMemory).toBe(1);
    } finally {
      await roomy.close();
    }
  }, 60_000);

  it('answers 429 BUSY beyond the queue', async () => {
    const jobs = Array.from({ length: 6 }, () =>
      pool.run('spin', { ms: 300 }).then(
        () => 'ok',
        (e: AppError) => e.code,
      ),
    );
    const out = await Promise.all(jobs);
    expect(out.filter((x) => x === 'BUSY').length).toBeGreaterThan(0);
    expect(out.filter((x) => x === 'ok').length).toBeGreaterThanOrEqual(3);
  }, 60_000);

  it('refuses an input the structured clone cannot copy with 400, not 500', async () => {
    const e = await refusal(pool.run('geometry', { geometry: { f: () => 1 } as unknown, kind: 'polygon', maxVertices: 10 }));
    expect(e.status).toBe(400);
  });
});

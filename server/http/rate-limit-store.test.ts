import { describe, expect, it } from 'vitest';
import type { Queryable } from '../db';
import { SharedRateLimitStore } from './rate-limit-store';

/** The shared table as a Map, behind the `rate_limits_add` query (sql/queries/rate_limits_add.sql), with a clock. */
function fakeTable() {
  const rows = new Map<string, { hits: number; reset: number }>();
  let down = false;
  let calls = 0;
  const db: Queryable = {
    query: async () => ({ rows: [] }),
    exec: async () => undefined,
    named: async <T>(name: string, params: unknown[] = []) => {
      calls++;
      if (down) throw Object.assign(new Error('refused'), { code: 'ECONNREFUSED' });
      if (name !== 'rate_limits_add') return { rows: [] };
      const [keys, counts, windowMs] = params as [string[], number[], number];
      const now = Date.now();
      return {
        rows: keys.map((k, i) => {
          const r = rows.get(k);
          const next = !r || r.reset <= now ? { hits: counts[i], reset: now + windowMs } : { hits: r.hits + counts[i], reset: r.reset };
          rows.set(k, next);
          return { key: k, hits: next.hits, reset_ms: next.reset } as T;
        }),
      };
    },
  };
  return { db, rows, setDown: (d: boolean) => (down = d), calls: () => calls };
}

const init = (s: SharedRateLimitStore) => s.init({ windowMs: 60_000 } as Parameters<SharedRateLimitStore['init']>[0]);

describe('shared rate-limit store (server/http/rate-limit-store.ts)', () => {
  it('two instances with syncMs 0 count one budget: each answer includes the other instance’s hits', async () => {
    const t = fakeTable();
    const a = new SharedRateLimitStore(t.db, { prefix: 'reads:', syncMs: 0 });
    const b = new SharedRateLimitStore(t.db, { prefix: 'reads:', syncMs: 0 });
    init(a);
    init(b);
    expect((await a.increment('1.2.3.4')).totalHits).toBe(1);
    // every hit is sent before it is answered: nothing counted at once
    expect(a.incrementNow('1.2.3.4')).toBeUndefined();
    expect((await b.increment('1.2.3.4')).totalHits).toBe(2);
    expect((await a.increment('1.2.3.4')).totalHits).toBe(3);
    expect((await b.increment('5.6.7.8')).totalHits).toBe(1);
    expect(t.rows.get('reads:1.2.3.4')?.hits).toBe(3);
    await a.shutdown();
    await b.shutdown();
  });

  it('with a sync interval, requests never wait: hits are added in one batch and the other instance sees them after it', async () => {
    const t = fakeTable();
    const a = new SharedRateLimitStore(t.db, { prefix: 'tiles:', syncMs: 60_000 });
    const b = new SharedRateLimitStore(t.db, { prefix: 'tiles:', syncMs: 60_000 });
    init(a);
    init(b);
    for (let i = 1; i <= 4; i++) expect((await a.increment('ip')).totalHits).toBe(i);
    // the tile lane's same-turn count (incrementNow) is the same count, sent with the same sync
    expect(a.incrementNow('ip')?.totalHits).toBe(5);
    expect(t.calls()).toBe(0);
    await a.flush();
    expect(t.calls()).toBe(1);
    expect((await b.increment('ip')).totalHits).toBe(1);
    await b.flush();
    expect((await b.increment('ip')).totalHits).toBe(7);
    await a.shutdown();
    await b.shutdown();
  });

  it('an unreachable database keeps the count in the instance instead of failing the request', async () => {
    const t = fakeTable();
    const errors: Error[] = [];
    const a = new SharedRateLimitStore(t.db, { prefix: 'reads:', syncMs: 0, onError: (e) => errors.push(e) });
    init(a);
    t.setDown(true);
    expect((await a.increment('ip')).totalHits).toBe(1);
    expect((await a.increment('ip')).totalHits).toBe(2);
    expect(errors).toHaveLength(2);
    t.setDown(false);
    // back: the shared count is the truth again (the hits counted while it was down were this instance's alone)
    expect((await a.increment('ip')).totalHits).toBe(1);
    await a.shutdown();
  });
});

import { describe, expect, it } from 'vitest';
import { lsnValue, ReadRouter, type ReplicaStatusRow } from './read-replica';
import type { Db, Queryable } from './types';
import { DataVersions } from '../tiles/cache';

/** A Db that answers every named query with one row naming itself (and the WAL position it is given). */
function fakeDb(name: string, wal: { lsn: string }, fail?: () => Error | undefined): Db {
  const q: Queryable = {
    query: async () => ({ rows: [] }),
    named: async <T>(query: string) => {
      const e = fail?.();
      if (e) throw e;
      return { rows: [(query === 'wal_position' ? { lsn: wal.lsn } : { from: name }) as T] };
    },
    exec: async () => undefined,
  };
  return { engine: 'postgis', ...q, probe: async () => ({ postgis: '3.3' }), transaction: (fn) => fn(q), close: async () => undefined };
}

function setup() {
  const wal = { lsn: '0/100' };
  let status: ReplicaStatusRow | Error = { standby: true, replay_lsn: '0/100', lag_ms: 0 };
  let replicaFails: Error | undefined;
  const router = new ReadRouter(
    fakeDb('primary', wal),
    fakeDb('replica', wal, () => replicaFails),
    {
      maxLagMs: 1000,
      pollMs: 1000,
      status: {
        run: async () => {
          if (status instanceof Error) throw status;
          return status;
        },
        close: async () => undefined,
      },
    },
  );
  const from = async () => (await router.reads.named<{ from: string }>('blocks_items')).rows[0].from;
  return {
    router,
    from,
    wal,
    setStatus: (s: ReplicaStatusRow | Error) => (status = s),
    failReplica: (e: Error | undefined) => (replicaFails = e),
  };
}

describe('read replica routing (server/db/read-replica.ts)', () => {
  it('orders WAL positions by both halves', () => {
    expect(lsnValue('1/0') > lsnValue('0/FFFFFFFF')).toBe(true);
    expect(lsnValue('0/3000148')).toBe(0x3000148n);
  });

  it('reads go to the primary until the replica has been seen, then to the replica while it keeps up', async () => {
    const t = setup();
    expect(await t.from()).toBe('primary');
    await t.router.poll();
    expect(await t.from()).toBe('replica');
    t.setStatus({ standby: true, replay_lsn: '0/100', lag_ms: 5000 });
    await t.router.poll();
    expect(await t.from()).toBe('primary');
    t.setStatus(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }));
    const h = await t.router.health();
    expect(h).toMatchObject({ up: false, reason: 'ECONNREFUSED', serving_reads: false });
    expect(await t.from()).toBe('primary');
  });

  it('a write pins reads to the primary until the replica has replayed the WAL position after it; the epoch moves each time', async () => {
    const t = setup();
    await t.router.poll();
    const e0 = t.router.epoch();
    expect(await t.from()).toBe('replica');
    t.router.beginWrite();
    expect(await t.from()).toBe('primary');
    expect(t.router.epoch()).toBe(e0 + 1);
    t.wal.lsn = '0/200';
    await t.router.endWrite();
    // the replica has not replayed 0/200 yet
    expect(await t.from()).toBe('primary');
    t.setStatus({ standby: true, replay_lsn: '0/1FF', lag_ms: 0 });
    await t.router.poll();
    expect(await t.from()).toBe('primary');
    t.setStatus({ standby: true, replay_lsn: '0/200', lag_ms: 0 });
    await t.router.poll();
    expect(await t.from()).toBe('replica');
    expect(t.router.epoch()).toBe(e0 + 2);
  });

  it('a read the replica cannot answer (connection lost, recovery conflict) is answered by the primary; other errors are not retried', async () => {
    const t = setup();
    await t.router.poll();
    t.failReplica(Object.assign(new Error('canceling statement due to conflict with recovery'), { code: '40001' }));
    expect(await t.from()).toBe('primary');
    t.failReplica(Object.assign(new Error('syntax'), { code: '42601' }));
    await expect(t.from()).rejects.toThrow('syntax');
    t.failReplica(Object.assign(new Error('reset'), { code: 'ECONNRESET' }));
    expect(await t.from()).toBe('primary');
    // marked down: the next read does not try it until a poll sees it again
    t.failReplica(undefined);
    expect(await t.from()).toBe('primary');
    await t.router.poll();
    expect(await t.from()).toBe('replica');
    expect(t.router.served).toEqual({ primary: 3, replica: 1 });
  });

  it('tile versions read on one server count as unknown once reads move to the other (server/tiles/cache.ts)', async () => {
    let epoch = 1;
    let version = '7';
    const v = new DataVersions(
      async () => [{ layer: 'blocks', version }],
      () => epoch,
    );
    await v.refresh();
    expect(v.of('blocks')).toBe('7');
    expect(v.epochRead).toBe(1);
    epoch = 2;
    expect(v.of('blocks')).toBeUndefined();
    version = '8';
    await v.refresh();
    expect(v.of('blocks')).toBe('8');
  });
});

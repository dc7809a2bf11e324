/**
 * A large text parameter goes to PostgreSQL by reference (server/db/pg.ts SharedBytes: our own Bind message written
 * around the caller's bytes, issue 12). It leans on pg's internals (Query.prepare, Connection.bind/_send), so a pg
 * upgrade that moves them must fail here, loudly, before it reaches a check: the server must read back exactly what
 * was sent, beside small parameters and nulls in the same statement, many times over one pool.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { createPgDb } from '../../server/db/pg';
import type { Db } from '../../server/db';
import { freshDatabase } from '../helpers/server';

let db: Db;
let drop: () => Promise<void>;

beforeAll(async () => {
  const fresh = await freshDatabase();
  drop = fresh.drop;
  db = createPgDb({ connectionString: fresh.url, poolSize: 2, statementTimeoutMs: 30_000 });
});
afterAll(async () => {
  await db?.close();
  await drop?.();
});

describe('a large text parameter sent by reference', () => {
  it('arrives byte for byte, in place among small and null parameters, on every query of the pool', async () => {
    // 1.2 MB with multi-byte characters (the 256 KiB threshold passed several times over)
    const text = `{"type":"Polygon","name":"煤层气区块 ${'坐标 112.5,37.8 '.repeat(60_000)}"}`;
    const param = db.textParam!(text);
    expect(Buffer.isBuffer(param), 'large text goes by reference, not as a plain Buffer').toBe(false);
    const md5 = createHash('md5').update(text, 'utf8').digest('hex');
    for (let i = 0; i < 6; i++) {
      const {
        rows: [row],
      } = await db.query<{ a: number; h: string; n: number; z: boolean; c: string }>(
        'SELECT $1::int AS a, md5($2::text) AS h, char_length($2::text) AS n, $3::text IS NULL AS z, $4::text AS c',
        [i, param, null, '寿阳'],
      );
      expect(row).toEqual({ a: i, h: md5, n: text.length, z: true, c: '寿阳' });
    }
    // a small text through the same helper is a plain Buffer (pg's own path)
    const {
      rows: [small],
    } = await db.query<{ t: string }>('SELECT $1::text AS t', [db.textParam!('沁水盆地')]);
    expect(small.t).toBe('沁水盆地');
  });
});

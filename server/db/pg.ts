import pg from 'pg';
import type { Db, Queryable } from './types';
import { namedQuery } from './sql-files';

// Dates stay 'YYYY-MM-DD' strings: a licence expires on a calendar day, not at a UTC instant.
pg.types.setTypeParser(1082, (v) => v);
// bigint counts as numbers (they stay far below 2^53 here).
pg.types.setTypeParser(20, (v) => Number(v));

function wrap(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    query: async (sql, params) => (await client.query(sql, params as unknown[])) as any,
    named: async (name, params) => (await client.query(namedQuery(name), params as unknown[])) as any,
    exec: async (sql) => {
      await client.query(sql);
    },
  };
}

export interface PgOptions {
  connectionString: string;
  poolSize: number;
  statementTimeoutMs: number;
}

/** PostgreSQL/PostGIS through a `pg` pool (production, CI and the API tests). */
export function createPgDb(opts: PgOptions): Db {
  const pool = new pg.Pool({
    connectionString: opts.connectionString,
    max: opts.poolSize,
    statement_timeout: opts.statementTimeoutMs,
    application_name: 'kuangquan',
    // JIT costs ~25 ms per statement on these short overlay queries and per trigger row (measured: bench/conflicts)
    options: '-c jit=off',
  });
  const base = wrap(pool);
  return {
    engine: 'postgis',
    ...base,
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const out = await fn(wrap(client));
        await client.query('COMMIT');
        return out;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

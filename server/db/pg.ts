import pg from 'pg';
import { rowsAs, type Db, type HealthProbe, type Queryable } from './types';
import { namedQuery } from './sql-files';

// Dates stay 'YYYY-MM-DD' strings: a licence expires on a calendar day, not at a UTC instant.
pg.types.setTypeParser(1082, (v) => v);
// bigint counts as numbers (they stay far below 2^53 here).
pg.types.setTypeParser(20, (v) => Number(v));

function wrap(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    query: async <T>(sql: string, params?: unknown[]) => rowsAs<T>(await client.query(sql, params)),
    named: async <T>(name: string, params?: unknown[]) => rowsAs<T>(await client.query(namedQuery(name), params)),
    exec: async (sql) => {
      await client.query(sql);
    },
    // a Buffer parameter goes out in binary format; for a `$n::text` parameter that is the UTF-8 text itself
    textParam: (text) => Buffer.from(text, 'utf8'),
  };
}

export interface PgOptions {
  connectionString: string;
  poolSize: number;
  statementTimeoutMs: number;
  /** waiting for a pooled or new connection; past it the query fails (→ 503 DATABASE_UNAVAILABLE). Default 5 s. */
  connectTimeoutMs?: number;
  /** the health probe's own connection and query budget. Default 1.5 s. */
  healthTimeoutMs?: number;
  /** connection-level errors of idle or checked-out clients (a restart, a terminated backend): logged, never fatal */
  onError?: (err: Error) => void;
}

const connectionOptions = (opts: PgOptions) => ({
  connectionString: opts.connectionString,
  application_name: 'kuangquan',
  // JIT costs ~25 ms per statement on these short overlay queries and per trigger row (measured: bench/conflicts)
  options: '-c jit=off',
});

/**
 * The health probe: one dedicated connection outside the pool, so a pool full of slow queries never delays
 * `/api/health`. Concurrent probes share one round trip; any failure or timeout drops the connection and the
 * next probe opens a new one (the database may have restarted).
 */
function pgHealthProbe(opts: PgOptions): HealthProbe & { close(): Promise<void> } {
  const timeoutMs = opts.healthTimeoutMs ?? 1_500;
  let client: pg.Client | undefined;
  let inflight: Promise<{ postgis: string }> | undefined;
  let closed = false;
  const drop = () => {
    const c = client;
    client = undefined;
    if (c) c.end().catch(() => undefined);
  };
  const once = async () => {
    if (!client) {
      const c = new pg.Client({
        ...connectionOptions(opts),
        connectionTimeoutMillis: timeoutMs,
        query_timeout: timeoutMs,
        statement_timeout: timeoutMs,
      });
      c.on('error', (e) => {
        opts.onError?.(e);
        if (client === c) client = undefined;
      });
      client = c;
      await c.connect();
    }
    const row = (await client.query<{ postgis: string }>(namedQuery('health'))).rows[0];
    return { postgis: row?.postgis ?? '' };
  };
  return {
    probe() {
      if (closed) return Promise.reject(new Error('closed'));
      if (!inflight) {
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<never>((_ok, fail) => {
          timer = setTimeout(
            () => fail(Object.assign(new Error(`health probe timed out after ${timeoutMs} ms`), { code: 'HEALTH_TIMEOUT' })),
            timeoutMs,
          );
        });
        inflight = Promise.race([once(), timeout])
          .catch((e) => {
            drop();
            throw e;
          })
          .finally(() => {
            clearTimeout(timer);
            inflight = undefined;
          });
      }
      return inflight;
    },
    async close() {
      closed = true;
      const c = client;
      client = undefined;
      await c?.end().catch(() => undefined);
    },
  };
}

/** PostgreSQL/PostGIS through a `pg` pool (production, CI and the API tests). */
export function createPgDb(opts: PgOptions): Db {
  const onError = (e: Error) => opts.onError?.(e);
  const pool = new pg.Pool({
    ...connectionOptions(opts),
    max: opts.poolSize,
    statement_timeout: opts.statementTimeoutMs,
    // a full pool or an unreachable server fails fast instead of queueing requests for ever (issue 12, F10)
    connectionTimeoutMillis: opts.connectTimeoutMs ?? 5_000,
  });
  // Without this listener an idle client's 57P01 (server restart) is an unhandled 'error' event and the process exits (F3).
  pool.on('error', onError);
  const health = pgHealthProbe(opts);
  const base = wrap(pool);
  return {
    engine: 'postgis',
    ...base,
    probe: () => health.probe(),
    async transaction(fn) {
      const client = await pool.connect();
      // a checked-out client has no pool listener: a connection error between statements must not crash the process
      client.on('error', onError);
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const out = await fn(wrap(client));
        await client.query('COMMIT');
        return out;
      } catch (e) {
        broken = e as Error;
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        client.removeListener('error', onError);
        // an error may have left the connection unusable: drop it rather than return it to the pool
        client.release(broken && isConnectionError(broken) ? broken : undefined);
      }
    },
    async close() {
      await health.close();
      await pool.end();
    },
  };
}

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'HEALTH_TIMEOUT',
]);

/**
 * Is this error "the database is not reachable right now" (as opposed to "your data" or "our bug")?
 * Server shutting down or restarting (57P01–57P03), connection exceptions (class 08), too many connections
 * (53300), socket errors, and the pool's own connection timeouts and terminated connections.
 */
export function isConnectionError(e: unknown): boolean {
  if (!e || typeof e !== 'object') return false;
  const err = e as { code?: unknown; message?: unknown; cause?: unknown };
  const code = typeof err.code === 'string' ? err.code : '';
  if (CONNECTION_CODES.has(code)) return true;
  if (/^57P0[123]$/.test(code) || /^08/.test(code) || code === '53300') return true;
  const msg = typeof err.message === 'string' ? err.message : '';
  if (
    /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection terminated due to connection timeout|the database system is (starting up|shutting down)|Client was closed and is not queryable|Cannot use a pool after calling end/.test(
      msg,
    )
  )
    return true;
  return err.cause !== undefined && err.cause !== e ? isConnectionError(err.cause) : false;
}

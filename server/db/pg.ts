import pg from 'pg';
import { rowsAs, type Db, type HealthProbe, type Queryable } from './types';
import { isPrepared, namedQuery } from './sql-files';

// Dates stay 'YYYY-MM-DD' strings: a licence expires on a calendar day, not at a UTC instant.
pg.types.setTypeParser(1082, (v) => v);
// bigint counts as numbers (they stay far below 2^53 here).
pg.types.setTypeParser(20, (v) => Number(v));

/**
 * A large text parameter (a check's input: 7 MB for 200,000 corners) sent by reference. pg copies every parameter into
 * a fresh bind buffer, once per query: ten 7 MB copies into new memory per check, each page-faulted in on the main
 * thread (measured on the 2-core Firecracker VM: ~80 ms per fresh 7 MB under load, ~1 ms to copy into reused memory).
 * Its bytes go to the socket as they are instead, between the bind message's head and tail (sharedBind below).
 */
class SharedBytes {
  constructor(readonly bytes: Buffer) {}
}
/** From this size a text parameter is sent by reference. */
const SHARED_PARAM_BYTES = 256 * 1024;

interface BindConfig {
  portal?: string;
  statement?: string;
  values?: unknown[];
  binary?: boolean;
  valueMapper?: (v: unknown, i: number) => unknown;
}
interface PgConnection {
  bind(config: BindConfig): void;
  _send(buffer: Buffer): boolean;
}

const int16 = (n: number) => {
  const b = Buffer.allocUnsafe(2);
  b.writeInt16BE(n);
  return b;
};
const int32 = (n: number) => {
  const b = Buffer.allocUnsafe(4);
  b.writeInt32BE(n);
  return b;
};

/**
 * The extended protocol's Bind message ('B', as pg-protocol's serializer writes it) with every SharedBytes value
 * written to the socket by reference (binary format: a `$n::text` parameter's binary form is its UTF-8 bytes).
 */
function sharedBind(connection: PgConnection, config: BindConfig) {
  const values = config.values ?? [];
  const pieces: Buffer[] = [Buffer.from(`${config.portal ?? ''}\0${config.statement ?? ''}\0`, 'utf8'), int16(values.length)];
  const formats = Buffer.alloc(values.length * 2);
  pieces.push(formats, int16(values.length));
  values.forEach((v, i) => {
    const mapped = v instanceof SharedBytes ? v.bytes : config.valueMapper ? config.valueMapper(v, i) : v;
    if (mapped === null || mapped === undefined) return void pieces.push(int32(-1));
    const bytes = Buffer.isBuffer(mapped) ? mapped : Buffer.from(String(mapped), 'utf8');
    if (Buffer.isBuffer(mapped)) formats.writeInt16BE(1, i * 2);
    pieces.push(int32(bytes.length), bytes);
  });
  pieces.push(int16(1), int16(config.binary ? 1 : 0));
  const length = pieces.reduce((n, b) => n + b.length, 4);
  // small pieces joined; the shared bytes written as they are
  let run: Buffer[] = [Buffer.from([0x42]), int32(length)];
  for (const b of pieces) {
    if (b.length < SHARED_PARAM_BYTES) run.push(b);
    else {
      connection._send(Buffer.concat(run));
      connection._send(b);
      run = [];
    }
  }
  if (run.length) connection._send(Buffer.concat(run));
}

/** A query whose SharedBytes parameters are bound by reference (sharedBind), on the pool. */
function sharedQuery(pool: pg.Pool, text: string, params: unknown[]): Promise<pg.QueryResult> {
  const q = new pg.Query(text, params) as pg.Query & { prepare(connection: PgConnection): void };
  const prepare = q.prepare.bind(q);
  q.prepare = (connection) => {
    const bind = connection.bind;
    connection.bind = (config) => sharedBind(connection, config);
    try {
      prepare(connection);
    } finally {
      connection.bind = bind;
    }
  };
  // pg-pool answers a submittable query through its own callback, as a promise
  return pool.query(q as unknown as string) as unknown as Promise<pg.QueryResult>;
}

function wrap(client: pg.Pool | pg.PoolClient): Queryable {
  const shared = (params?: unknown[]) => params?.some((p) => p instanceof SharedBytes) ?? false;
  const run = (sql: string, params?: unknown[]) =>
    client instanceof pg.Pool && shared(params) ? sharedQuery(client, sql, params!) : client.query(sql, params);
  return {
    query: async <T>(sql: string, params?: unknown[]) => rowsAs<T>(await run(sql, params)),
    named: async <T>(name: string, params?: unknown[]) =>
      rowsAs<T>(
        // a query marked prepared (sql-files.ts isPrepared): pg parses it once per connection under its name; one with
        // a parameter sent by reference goes the shared way (pg's prepared path would send the wrapper, not its bytes)
        await (isPrepared(name) && !shared(params)
          ? client.query({ name: `kq_${name}`, text: namedQuery(name), values: params })
          : run(namedQuery(name), params)),
      ),
    exec: async (sql) => {
      await client.query(sql);
    },
    // a Buffer parameter goes out in binary format; for a `$n::text` parameter that is the UTF-8 text itself. On the
    // pool a large one is sent by reference (SharedBytes); a transaction's client gets the bytes (pg copies them).
    textParam: (text) => {
      const bytes = Buffer.from(text, 'utf8');
      return bytes.length >= SHARED_PARAM_BYTES && client instanceof pg.Pool ? new SharedBytes(bytes) : bytes;
    },
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
  /** pg_stat_activity's application_name (default `kuangquan`; the read replica's pool says `kuangquan-read`) */
  applicationName?: string;
}

const connectionOptions = (opts: PgOptions) => ({
  connectionString: opts.connectionString,
  application_name: opts.applicationName ?? 'kuangquan',
  // JIT costs ~25 ms per statement on these short overlay queries and per trigger row (measured: bench/conflicts)
  options: '-c jit=off',
});

/**
 * One named query on a dedicated connection outside the pool, so a pool full of slow queries never delays it (the
 * health probe, the read replica's position). Concurrent runs share one round trip; any failure or timeout drops the
 * connection and the next run opens a new one (the database may have restarted).
 */
export function dedicatedQuery<T>(opts: PgOptions, name: string): { run(): Promise<T | undefined>; close(): Promise<void> } {
  const timeoutMs = opts.healthTimeoutMs ?? 1_500;
  let client: pg.Client | undefined;
  let inflight: Promise<T | undefined> | undefined;
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
    return (await client.query(namedQuery(name))).rows[0] as T | undefined;
  };
  return {
    run() {
      if (closed) return Promise.reject(new Error('closed'));
      if (!inflight) {
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<never>((_ok, fail) => {
          timer = setTimeout(
            () => fail(Object.assign(new Error(`${name} timed out after ${timeoutMs} ms`), { code: 'HEALTH_TIMEOUT' })),
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

/** The health probe: the PostGIS version over a dedicated connection (`dedicatedQuery`), never behind the pool. */
function pgHealthProbe(opts: PgOptions): HealthProbe & { close(): Promise<void> } {
  const q = dedicatedQuery<{ postgis: string }>(opts, 'health');
  return {
    probe: async () => ({ postgis: (await q.run())?.postgis ?? '' }),
    close: () => q.close(),
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

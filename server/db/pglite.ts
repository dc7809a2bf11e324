import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { lockDataDir } from './data-dir-lock';
import { rowsAs, type Db, type Queryable } from './types';
import { namedQuery } from './sql-files';
import { SilentEngineFailure } from './engine-errors';

type Tx = Pick<PGlite, 'query' | 'exec'>;

const parsers = {
  1082: (v: string) => v, // date → 'YYYY-MM-DD'
  20: (v: string) => Number(v), // bigint → number
};

/**
 * A statement that completed has a command tag. PostGIS in WASM cannot catch C++ exceptions: a GEOS
 * throw ends the statement, PGlite keeps going and answers `{ rows: [], fields: [] }` with no command
 * and no error (pglite#916; server/db/README.md). That is a failure, never an empty answer.
 */
function completed<T extends { command?: string }>(res: T, what: string): T {
  if (res.command === undefined) throw new SilentEngineFailure(what);
  return res;
}

function wrap(client: Tx): Queryable {
  return {
    query: async <T>(sql: string, params?: unknown[]) =>
      rowsAs<T>(completed(await client.query(sql, params, { parsers }), sql.slice(0, 80))),
    named: async <T>(name: string, params?: unknown[]) =>
      rowsAs<T>(completed(await client.query(namedQuery(name), params, { parsers }), name)),
    exec: async (sql) => {
      await client.exec(sql);
    },
  };
}

/**
 * Embedded PostgreSQL + PostGIS (WASM), data kept in `dataDir` across restarts.
 * Slower than native and without ST_AsMVT (tiles are built in TypeScript instead);
 * it can stay silent on invalid geometry, so geometry is validated before SQL.
 * DB_STATEMENT_TIMEOUT_MS is not applied: PGlite accepts statement_timeout but cannot cancel a running statement
 * (no signals in WASM; server/db/README.md, pglite-timeout.test.ts).
 */
export interface PgliteDb extends Db {
  /** The whole data folder as a gzipped tarball (the demo snapshot is made with it). */
  dumpDataDir(): Promise<Blob>;
  /** the demo snapshot this folder was restored from on this start, if it was */
  restoredFrom?: string;
}

export async function createPgliteDb(dataDir: string | undefined, opts: { loadDataDir?: Blob; from?: string } = {}): Promise<PgliteDb> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  // one process per folder: a second one refuses to start (two writers lose acknowledged writes, issue 12 F9)
  const unlock = dataDir ? lockDataDir(dataDir) : () => undefined;
  let db: PGlite;
  try {
    db = await PGlite.create({ dataDir, extensions: { postgis }, ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}) });
  } catch (e) {
    unlock();
    throw e;
  }
  // PGlite runs one query at a time; serialise so a transaction is never interleaved.
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = chain.then(fn, fn);
    chain = next.catch(() => undefined);
    return next;
  };
  const base = wrap(db);
  // In-process engine: it is up while this process is; health reports the version read once, never queueing behind a slow query.
  let version: Promise<{ postgis: string }> | undefined;
  return {
    engine: 'pglite',
    restoredFrom: opts.loadDataDir ? opts.from : undefined,
    query: <T>(sql: string, params?: unknown[]) => serial(() => base.query<T>(sql, params)),
    named: <T>(name: string, params?: unknown[]) => serial(() => base.named<T>(name, params)),
    exec: (sql) => serial(() => base.exec(sql)),
    transaction: (fn) => serial(() => db.transaction((tx) => fn(wrap(tx as unknown as Tx)))),
    dumpDataDir: () => serial(async () => (await db.dumpDataDir('gzip')) as Blob),
    probe: () => {
      version ??= serial(() => base.named<{ postgis: string }>('health')).then((r) => ({ postgis: r.rows[0]?.postgis ?? '' }));
      return version;
    },
    close: async () => {
      try {
        await db.close();
      } finally {
        unlock();
      }
    },
  };
}

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Router } from 'express';
import { createApp } from './app';
import { answerClientErrors } from './http/client-error';
import { demoAccountsWanted, loadConfig, type Config } from './config';
import { openDb, type Db } from './db';
import pg from 'pg';
import { createPgDb, type PgOptions } from './db/pg';
import { namedQuery } from './db/sql-files';
import { ReadRouter } from './db/read-replica';
import { migrate } from './db/migrate';
import { migrateAsOwner } from './auth/db-roles';
import { createLogger } from './logger';
import { seedIfEmpty } from './seed/load-demo';
import { drainConflictPairs } from './conflicts/pairs';
import { WorkPool } from './work/pool';

export interface Running {
  url: string;
  db: Db;
  server: Server;
  config: Config;
  work: WorkPool;
  close(): Promise<void>;
}

/**
 * Start the service: validate config, open the engine, migrate, seed the demo data if empty, listen.
 * Port 0 picks a free port (tests). `db` may be passed in to share one engine instance.
 */
export async function startServer(
  env: Record<string, string | undefined> = process.env,
  opts: { db?: Db; extraRouters?: Router[] } = {},
): Promise<Running> {
  const config = loadConfig(env);
  const logger = createLogger(config.LOG_LEVEL);
  const db =
    opts.db ??
    (await openDb(config, (err) =>
      logger.warn(
        { err: { message: err.message, code: (err as { code?: string }).code } },
        'database connection error (the pool reconnects)',
      ),
    ));
  const restored = (db as { restoredFrom?: string }).restoredFrom;
  // a read replica (DATABASE_READ_URL): read-only routes read from it while it keeps up (server/db/read-replica.ts)
  let router: ReadRouter | undefined;
  if (config.DATABASE_READ_URL && db.engine === 'postgis') {
    const replica: PgOptions = {
      connectionString: config.DATABASE_READ_URL,
      poolSize: config.DB_POOL_SIZE,
      statementTimeoutMs: config.DB_STATEMENT_TIMEOUT_MS,
      connectTimeoutMs: config.DB_CONNECT_TIMEOUT_MS,
      healthTimeoutMs: config.DB_HEALTH_TIMEOUT_MS,
      applicationName: 'kuangquan-read',
      onError: (err) =>
        logger.warn({ err: { message: err.message, code: (err as { code?: string }).code } }, 'read replica connection error'),
    };
    router = new ReadRouter(db, createPgDb(replica), {
      maxLagMs: config.DB_READ_MAX_LAG_MS,
      pollMs: config.DB_READ_POLL_MS,
      status: replica,
      onError: (err) => logger.warn({ err: { message: err.message } }, 'read routing: primary WAL position unknown'),
    });
  }
  if (restored) logger.info({ snapshot: restored }, 'demo data restored from the pre-built snapshot (synthetic)');
  const migrateAndSeed = async () => {
    // least privilege: with MIGRATION_DATABASE_URL the owner migrates and grants; the service runs as DATABASE_URL's role
    const applied =
      config.MIGRATION_DATABASE_URL && config.DATABASE_URL
        ? await migrateAsOwner(config.MIGRATION_DATABASE_URL, config.DATABASE_URL)
        : await migrate(db);
    if (applied.length) logger.info({ applied }, 'migrations applied');
    if (config.SEED_DEMO) {
      const seeded = await seedIfEmpty(db, { accounts: demoAccountsWanted(config) });
      if (seeded) logger.info({ seeded }, 'demo data loaded (synthetic)');
    }
  };
  // several instances may start at once (compose after a host restart, a rolling deploy): one migrates and seeds at a time
  const unlock = config.DATABASE_URL
    ? await startupLock(config.MIGRATION_DATABASE_URL ?? config.DATABASE_URL, config.DB_CONNECT_TIMEOUT_MS)
    : undefined;
  try {
    await migrateAndSeed();
  } finally {
    await unlock?.();
  }
  // the whole-register conflict pairs (023) catch up with writes made while the service was down, or with a register
  // migrated to 023 (every block's pairs then computed once); GET /api/conflicts drains what is left before a page
  drainConflictPairs(db).catch((err: Error) => logger.warn({ err: { message: err.message } }, 'conflict pairs not brought up to date'));
  // parsing, validation and geometry of uploads and writes run in worker threads, within a time and memory budget
  const work = new WorkPool({ size: config.WORKER_THREADS, timeoutMs: config.WORK_TIMEOUT_MS, memoryMb: config.WORK_MEMORY_MB });
  router?.start();
  const app = createApp({ db, config, logger, work, router, extraRouters: opts.extraRouters ?? [] });
  // the tile lane in front of express (server/tiles/lane.ts)
  const server = await new Promise<Server>((ok, fail) => {
    const s = createServer(app.listener);
    s.once('error', fail);
    s.listen(config.PORT, config.HOST, () => ok(s));
  });
  answerClientErrors(server);
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.HOST}:${port}`;
  logger.info({ url, engine: db.engine, workers: work.size }, 'listening');
  work.warm();
  return {
    url,
    db,
    server,
    config,
    work,
    async close() {
      await new Promise<void>((ok) => server.close(() => ok()));
      server.closeAllConnections?.();
      await work.close();
      await router?.close();
      if (!opts.db) await db.close();
    },
  };
}

/** The startup advisory lock (sql/queries/startup_lock.sql) on its own session; resolves to its release. */
async function startupLock(connectionString: string, connectTimeoutMs: number): Promise<() => Promise<void>> {
  const c = new pg.Client({ connectionString, application_name: 'kuangquan-startup', connectionTimeoutMillis: connectTimeoutMs });
  await c.connect();
  try {
    await c.query(namedQuery('startup_lock'));
  } catch (e) {
    await c.end().catch(() => undefined);
    throw e;
  }
  return async () => {
    await c.query(namedQuery('startup_unlock')).catch(() => undefined);
    await c.end().catch(() => undefined);
  };
}

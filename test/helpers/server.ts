import pg from 'pg';
import { inject } from 'vitest';
import { startServer, type Running } from '../../server/server';
import { APP_PASSWORD } from '../setup/postgis-global';
import { perFile } from './per-file';

export const ADMIN_TOKEN = 'test-admin-token-123';

/** Every per-minute budget out of the way (tests that exercise a limit set their own). */
export const UNLIMITED = {
  RATE_LIMIT_PER_MIN: '1000000',
  RATE_LIMIT_READS_PER_MIN: '1000000',
  RATE_LIMIT_TILES_PER_MIN: '1000000',
  RATE_LIMIT_REGISTER_PER_MIN: '1000000',
  RATE_LIMIT_BLOCK_CONFLICTS_PER_MIN: '1000000',
  RATE_LIMIT_WRITES_PER_MIN: '1000000',
};

/** A fresh database cloned from the template (migrations + demo data), for one test file. `url` is the owner's,
 * `appUrl` the application role's (DML only, issue 13). */
export async function freshDatabase(): Promise<{ url: string; appUrl: string; drop(): Promise<void> }> {
  const adminUrl = inject('pgAdminUrl');
  const template = inject('pgTemplate');
  const name = `kq_t_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const app = new URL(url);
  app.username = inject('pgAppRole');
  app.password = APP_PASSWORD;
  return {
    url: url.toString(),
    appUrl: app.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** The real service, in-process on a free port, against its own fresh PostGIS database. */
export async function startTestServer(
  env: Record<string, string> = {},
): Promise<Running & { dropDb(): Promise<void>; ownerQuery: (sql: string, params?: unknown[]) => Promise<pg.QueryResult> }> {
  const db = await freshDatabase();
  const running = await startServer({
    // least privilege (issue 13): the service connects as the application role; migrations run as the owner
    DATABASE_URL: db.appUrl,
    MIGRATION_DATABASE_URL: db.url,
    PORT: '0',
    ADMIN_TOKEN,
    SEED_DEMO: 'false',
    LOG_LEVEL: 'silent',
    ...UNLIMITED,
    ...env,
  });
  return {
    ...running,
    async close() {
      await running.close();
      await db.drop();
    },
    dropDb: db.drop,
    /** run SQL as the database owner (fixtures that TRUNCATE or change the schema; the service's role cannot) */
    async ownerQuery(sql: string, params?: unknown[]) {
      const c = new pg.Client({ connectionString: db.url });
      await c.connect();
      try {
        return await c.query(sql, params);
      } finally {
        await c.end();
      }
    },
  };
}

export type TestServer = Awaited<ReturnType<typeof startTestServer>>;

/** One test server for the calling test file (or describe block), closed (and its database dropped) after the file's tests. */
export const useTestServer = (env: Record<string, string> = {}): TestServer =>
  perFile(
    'test server',
    () => startTestServer(env),
    (s) => s.close(),
  );

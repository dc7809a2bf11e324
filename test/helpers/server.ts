import pg from 'pg';
import { inject } from 'vitest';
import { startServer, type Running } from '../../server/server';

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

/** A fresh database cloned from the template (migrations + demo data), for one test file. */
export async function freshDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = inject('pgAdminUrl');
  const template = inject('pgTemplate');
  const name = `kq_t_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** The real service, in-process on a free port, against its own fresh PostGIS database. */
export async function startTestServer(env: Record<string, string> = {}): Promise<Running & { dropDb(): Promise<void> }> {
  const db = await freshDatabase();
  const running = await startServer({
    DATABASE_URL: db.url,
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
  };
}

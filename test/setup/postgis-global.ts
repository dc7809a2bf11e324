import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createPgDb } from '../../server/db/pg';
import { migrate } from '../../server/db/migrate';
import { loadDemo } from '../../server/seed/load-demo';
import { grantAppRole } from '../../server/auth/db-roles';
import { startCluster, type Cluster } from './pg-cluster';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplate: string;
    /** the application's role (DML only) the API suite runs the service as; its password (ignored by trust auth) */
    pgAppRole: string;
  }
}

/** The application's database role in the API suite (fixed name, created once per cluster). */
const APP_ROLE = 'kq_app';
export const APP_PASSWORD = 'kq-app-test';

/** What the projects of one Vitest run share: one cluster and one template, whichever project's setup came first. */
interface Shared {
  adminUrl: string;
  template: string;
  users: number;
  stop(): Promise<void>;
}
/** Global setups of all projects run in Vitest's main process: the promise is kept on `globalThis` to be found again. */
const SHARED = Symbol.for('kq.postgis-global');
type WithShared = typeof globalThis & { [SHARED]?: Promise<Shared> };

/**
 * Before the API, differential and browser suites: a real PostGIS. With DATABASE_URL set, that server is used;
 * otherwise a throwaway cluster is started from Debian's binaries. A template database holding the migrations and the
 * demo data is built once per Vitest run (the projects share it); each test file clones it (CREATE DATABASE … TEMPLATE).
 */
export default async function setup(project: TestProject) {
  const g = globalThis as WithShared;
  g[SHARED] ??= prepare();
  const shared = await g[SHARED];
  shared.users += 1;
  project.provide('pgAdminUrl', shared.adminUrl);
  project.provide('pgTemplate', shared.template);
  project.provide('pgAppRole', APP_ROLE);
  return async () => {
    shared.users -= 1;
    if (shared.users > 0) return;
    delete g[SHARED];
    await shared.stop();
  };
}

async function prepare(): Promise<Shared> {
  const cluster: Cluster | undefined = process.env.DATABASE_URL ? undefined : await startCluster();
  const adminUrl = cluster ? cluster.url('postgres') : process.env.DATABASE_URL!;
  const template = `kq_template_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${template}`);
  await admin.query(`CREATE DATABASE ${template}`);
  const url = new URL(adminUrl);
  url.pathname = `/${template}`;
  const db = createPgDb({ connectionString: url.toString(), poolSize: 2, statementTimeoutMs: 600_000 });
  await migrate(db);
  await loadDemo(db);
  // least privilege (issue 13): the service runs as APP_ROLE, which owns nothing and gets DML only; the grants live in
  // the template's catalogue, so every database cloned from it has them
  await admin.query(
    `DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
       CREATE ROLE ${APP_ROLE} LOGIN PASSWORD '${APP_PASSWORD}' NOSUPERUSER NOCREATEDB NOCREATEROLE; END IF; END $$`,
  );
  await grantAppRole(db, APP_ROLE);
  await db.query('VACUUM ANALYZE');
  await db.close();
  await admin.end();
  return {
    adminUrl,
    template,
    users: 0,
    async stop() {
      if (cluster) return cluster.stop();
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
      await c.end();
    },
  };
}

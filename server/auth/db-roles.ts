import { createPgDb } from '../db/pg';
import { migrate } from '../db/migrate';
import type { Queryable } from '../db/types';

/** The database role a connection URL signs in as (`postgres://ROLE:pass@host/db`). */
export function roleOfUrl(url: string): string {
  const u = decodeURIComponent(new URL(url).username);
  if (!u) throw new Error('DATABASE_URL must name the application role (postgres://ROLE@host/db) when MIGRATION_DATABASE_URL is set');
  return u;
}

/** As the owner: give the application role DML only, and audit_log INSERT/SELECT (kq_grant_app_role, migration 011). */
export async function grantAppRole(owner: Queryable, appRole: string): Promise<void> {
  await owner.named('accounts_grant_app_role', [appRole]);
}

/**
 * Least privilege (issue 13): migrations (and the functions re-created on every start) run through the owner's
 * connection, then the application's role is granted what the service needs and nothing more. The service itself
 * then connects as the application role.
 */
export async function migrateAsOwner(ownerUrl: string, appUrl: string): Promise<string[]> {
  const owner = createPgDb({ connectionString: ownerUrl, poolSize: 1, statementTimeoutMs: 600_000 });
  try {
    const applied = await migrate(owner);
    const ownerRole = roleOfUrl(ownerUrl);
    const appRole = roleOfUrl(appUrl);
    if (appRole !== ownerRole) await grantAppRole(owner, appRole);
    return applied;
  } finally {
    await owner.close();
  }
}

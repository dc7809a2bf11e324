import { rmSync } from 'node:fs';
import { demoAccountsWanted, type Config } from '../config';
import type { Db } from './types';
import { createPgDb } from './pg';
import { createPgliteDb } from './pglite';
import { demoSnapshotFor } from './demo-snapshot';

export type { Db, Queryable } from './types';

/** `DATABASE_URL` set → PostgreSQL/PostGIS; unset → embedded PGlite in `DATA_DIR`. Same migrations, same queries. */
export async function openDb(
  config: Pick<Config, 'DATABASE_URL' | 'DATA_DIR' | 'DB_POOL_SIZE' | 'DB_STATEMENT_TIMEOUT_MS'> &
    Partial<Pick<Config, 'DB_CONNECT_TIMEOUT_MS' | 'DB_HEALTH_TIMEOUT_MS' | 'SEED_DEMO' | 'SEED_DEMO_ACCOUNTS' | 'NODE_ENV'>>,
  onError?: (err: Error) => void,
): Promise<Db> {
  if (config.DATABASE_URL) {
    return createPgDb({
      connectionString: config.DATABASE_URL,
      poolSize: config.DB_POOL_SIZE,
      statementTimeoutMs: config.DB_STATEMENT_TIMEOUT_MS,
      connectTimeoutMs: config.DB_CONNECT_TIMEOUT_MS,
      healthTimeoutMs: config.DB_HEALTH_TIMEOUT_MS,
      onError,
    });
  }
  // a first start on an empty folder restores the pre-built demo snapshot (schema + demo data) when one matches
  const snapshot = demoSnapshotFor(config.DATA_DIR, config.SEED_DEMO ?? false, demoAccountsWanted(config));
  if (snapshot) {
    try {
      return await createPgliteDb(config.DATA_DIR, { loadDataDir: snapshot.blob, from: snapshot.path });
    } catch (e) {
      onError?.(new Error(`demo snapshot ${snapshot.path} could not be restored, migrating instead: ${(e as Error).message}`));
      rmSync(config.DATA_DIR, { recursive: true, force: true });
    }
  }
  return createPgliteDb(config.DATA_DIR);
}

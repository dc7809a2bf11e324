import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A pre-built embedded database holding the migrated schema and the demo data (issue 17: the first `npm start` spent
 * most of its time migrating and loading the demo data into PGlite). `npm install` builds it once
 * (scripts/demo-snapshot.ts); a first start on an empty DATA_DIR restores it instead of migrating and loading.
 *
 * Its name carries a hash of everything its content is made of (migrations, SQL functions, demo data, loader code, the
 * engine's versions): after any change the old snapshot is simply not found and the service migrates and loads as
 * before, so a stale snapshot can never be served.
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return files(p);
    return e.isFile() && !/\.test\.ts$/.test(e.name) ? [p] : [];
  });
}

export function demoSnapshotKey(root = ROOT): string {
  const h = createHash('sha256');
  const sources = [
    ...files(join(root, 'sql/migrations')),
    ...files(join(root, 'sql/functions')),
    ...files(join(root, 'data/demo')),
    ...files(join(root, 'server/seed')),
    join(root, 'server/db/migrate.ts'),
    join(root, 'node_modules/@electric-sql/pglite/package.json'),
    join(root, 'node_modules/@electric-sql/pglite-postgis/package.json'),
  ].sort();
  for (const f of sources) {
    if (!existsSync(f) || !statSync(f).isFile()) continue;
    h.update(relative(root, f)).update('\0').update(readFileSync(f)).update('\0');
  }
  return h.digest('hex').slice(0, 20);
}

/** Where the snapshot lives: the repository's `.data/demo-snapshot-<key>.tar.gz` (git-ignored), for any fresh DATA_DIR. */
export function demoSnapshotPath(key = demoSnapshotKey(), root = ROOT): string {
  return join(root, '.data', `demo-snapshot-${key}.tar.gz`);
}

/** A data folder PostgreSQL has never been initialised in. */
export function isFreshDataDir(dataDir: string): boolean {
  return !existsSync(join(dataDir, 'PG_VERSION'));
}

/** The snapshot to restore into `dataDir`, or undefined (not fresh, no demo wanted, or no matching snapshot built). */
export function demoSnapshotFor(dataDir: string | undefined, seedDemo: boolean): { path: string; blob: Blob } | undefined {
  if (!dataDir || !seedDemo || !isFreshDataDir(dataDir)) return undefined;
  const path = demoSnapshotPath();
  if (!existsSync(path)) return undefined;
  return { path, blob: new Blob([readFileSync(path)]) };
}

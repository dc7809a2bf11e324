import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A pre-built embedded database holding the migrated schema and the demo data (issue 17: the first `npm start` spent
 * most of its time migrating and loading the demo data into PGlite). `npm install` builds it once
 * (scripts/demo-snapshot.ts); a first start on an empty DATA_DIR restores it instead of migrating and loading.
 *
 * Its name carries a hash of everything its content is made of (all of sql/, the demo data, the builder and every module it
 * imports, the engine's versions: demoSnapshotSources): after any change the old snapshot is simply not found and the service migrates and loads as
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

const IMPORT = /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g;

/** `entry` and every module it imports by a relative path, transitively (.ts, .mts, .js, index.ts). */
function importClosure(entry: string): string[] {
  const seen = new Set<string>();
  const stack = [entry];
  while (stack.length) {
    const f = stack.pop()!;
    if (seen.has(f) || !existsSync(f)) continue;
    seen.add(f);
    for (const m of readFileSync(f, 'utf8').matchAll(IMPORT)) {
      const base = resolve(dirname(f), m[1] ?? m[2]);
      const hit = [base, `${base}.ts`, `${base}.mts`, base.replace(/\.js$/, '.ts'), join(base, 'index.ts')].find(
        (c) => existsSync(c) && statSync(c).isFile(),
      );
      if (hit) stack.push(hit);
    }
  }
  return [...seen];
}

/**
 * Every file the snapshot's content is made of: all SQL (migrations, functions and the named queries the loader inserts
 * with), the demo data, the builder script and every module it runs (migration runner, loader, demo accounts and what
 * they import, the engine wrapper), and the embedded engine's package versions.
 */
export function demoSnapshotSources(root = ROOT): string[] {
  return [
    ...new Set([
      ...files(join(root, 'sql')),
      ...files(join(root, 'data/demo')),
      ...importClosure(join(root, 'scripts/demo-snapshot.ts')),
      join(root, 'node_modules/@electric-sql/pglite/package.json'),
      join(root, 'node_modules/@electric-sql/pglite-postgis/package.json'),
    ]),
  ]
    .filter((f) => existsSync(f) && statSync(f).isFile())
    .sort();
}

export function demoSnapshotKey(root = ROOT): string {
  const h = createHash('sha256');
  for (const f of demoSnapshotSources(root)) h.update(relative(root, f)).update('\0').update(readFileSync(f)).update('\0');
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

/**
 * The snapshot to restore into `dataDir`, or undefined (not fresh, no demo wanted, or no matching snapshot built). It
 * holds the demo accounts (documented passwords): where they are not wanted (production) the demo data is loaded instead.
 */
export function demoSnapshotFor(
  dataDir: string | undefined,
  seedDemo: boolean,
  withDemoAccounts: boolean,
  root = ROOT,
): { path: string; blob: Blob } | undefined {
  if (!dataDir || !seedDemo || !withDemoAccounts || !isFreshDataDir(dataDir)) return undefined;
  const path = demoSnapshotPath(demoSnapshotKey(root), root);
  if (!existsSync(path)) return undefined;
  return { path, blob: new Blob([readFileSync(path)]) };
}

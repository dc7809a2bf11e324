import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { demoSnapshotFor, demoSnapshotKey, demoSnapshotPath, demoSnapshotSources, isFreshDataDir } from './demo-snapshot';

const root = mkdtempSync(join(tmpdir(), 'kq-snap-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('demo snapshot', () => {
  it('its key changes with any migration, function, demo file or loader (a stale snapshot is never found)', () => {
    mkdirSync(join(root, 'sql/migrations'), { recursive: true });
    mkdirSync(join(root, 'data/demo'), { recursive: true });
    writeFileSync(join(root, 'sql/migrations/001_a.sql'), 'CREATE TABLE a ();');
    writeFileSync(join(root, 'data/demo/blocks.geojson'), '{}');
    const k1 = demoSnapshotKey(root);
    expect(demoSnapshotKey(root)).toBe(k1);
    writeFileSync(join(root, 'sql/migrations/002_b.sql'), 'CREATE TABLE b ();');
    const k2 = demoSnapshotKey(root);
    expect(k2).not.toBe(k1);
    writeFileSync(join(root, 'data/demo/blocks.geojson'), '{"type":"FeatureCollection"}');
    expect(demoSnapshotKey(root)).not.toBe(k2);
    expect(demoSnapshotPath('abc', root)).toBe(join(root, '.data', 'demo-snapshot-abc.tar.gz'));
  });

  it('is restored only into a folder PostgreSQL never initialised, and only when demo data is wanted', () => {
    const used = join(root, 'used');
    mkdirSync(used);
    writeFileSync(join(used, 'PG_VERSION'), '17');
    expect(isFreshDataDir(used)).toBe(false);
    expect(isFreshDataDir(join(root, 'new'))).toBe(true);
    expect(demoSnapshotFor(used, true, true)).toBeUndefined();
    expect(demoSnapshotFor(join(root, 'new'), false, true)).toBeUndefined();
    expect(demoSnapshotFor(undefined, true, true)).toBeUndefined();
  });

  it('is not restored where the demo accounts it holds are not wanted (production): the demo data is loaded instead', () => {
    const built = demoSnapshotPath(demoSnapshotKey(root), root);
    mkdirSync(join(root, '.data'), { recursive: true });
    writeFileSync(built, 'snapshot');
    expect(demoSnapshotFor(join(root, 'fresh'), true, true, root)?.path).toBe(built);
    expect(demoSnapshotFor(join(root, 'fresh'), true, false, root)).toBeUndefined();
  });

  it('its key also covers every SQL query, the builder and every module it imports, and a change to any of them', () => {
    const w = (p: string, text: string) => {
      mkdirSync(join(root, p, '..'), { recursive: true });
      writeFileSync(join(root, p), text);
    };
    w('scripts/demo-snapshot.ts', "import { seedIfEmpty } from '../server/seed/load-demo';\n");
    w('server/seed/load-demo.ts', "import type { Db } from '../db';\nimport { seedDemoAccounts } from './demo-accounts';\n");
    w('server/seed/demo-accounts.ts', "import { createAccount } from '../auth/accounts';\n");
    w('server/auth/accounts.ts', "import { hash } from './passwords.js';\n");
    w('server/auth/passwords.ts', 'export const N = 16384;\n');
    w('server/db/index.ts', 'export {};\n');
    w('server/unrelated.ts', 'export {};\n');
    let key = demoSnapshotKey(root);
    for (const [p, text] of [
      ['sql/queries/blocks_insert.sql', 'INSERT INTO blocks SELECT 1;'],
      ['sql/functions/overlay_grid.sql', 'SELECT 1;'],
      ['server/auth/passwords.ts', 'export const N = 32768;\n'],
      ['server/db/index.ts', 'export const x = 1;\n'],
      ['scripts/demo-snapshot.ts', "import { seedIfEmpty } from '../server/seed/load-demo';\n// accounts: true\n"],
    ]) {
      w(p, text);
      const next = demoSnapshotKey(root);
      expect(next, p).not.toBe(key);
      key = next;
    }
    // a module the builder does not run does not invalidate it
    w('server/unrelated.ts', 'export const y = 2;\n');
    expect(demoSnapshotKey(root)).toBe(key);
  });

  it('on this repository, covers all of sql/, the migration runner, the loader, the accounts code, the engine wrapper and PGlite', () => {
    const sources = demoSnapshotSources().map((f) => f.replace(/\\/g, '/'));
    for (const f of [
      'sql/queries/blocks_insert.sql',
      'sql/queries/demo_is_empty.sql',
      'sql/migrations/001_extensions.sql',
      'sql/functions/overlay_grid.sql',
      'data/demo/blocks.geojson',
      'server/db/migrate.ts',
      'server/db/pglite.ts',
      'server/seed/load-demo.ts',
      'server/seed/demo-accounts.ts',
      'server/auth/accounts.ts',
      'scripts/demo-snapshot.ts',
      'node_modules/@electric-sql/pglite/package.json',
      'node_modules/@electric-sql/pglite-postgis/package.json',
    ])
      expect(
        sources.some((s) => s.endsWith(`/${f}`)),
        f,
      ).toBe(true);
  });
});

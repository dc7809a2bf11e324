/**
 * Build the embedded engine's demo snapshot (schema + synthetic demo data) once, so the first `npm start` restores it
 * instead of migrating and loading (issue 17). Run by `npm install` (postinstall); never fails the install: without a
 * snapshot the service migrates and loads as before.
 */
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { demoSnapshotPath } from '../server/db/demo-snapshot';
import { migrate } from '../server/db/migrate';
import { createPgliteDb } from '../server/db/pglite';
import { seedIfEmpty } from '../server/seed/load-demo';

async function main() {
  const path = demoSnapshotPath();
  if (existsSync(path) && !process.argv.includes('--force')) {
    console.log(`demo snapshot: up to date (${path})`);
    return;
  }
  const t0 = Date.now();
  const db = await createPgliteDb(undefined);
  try {
    await migrate(db);
    await seedIfEmpty(db, { accounts: true }); // with the demo accounts: restored only where they are wanted (demoSnapshotFor)
    const blob = await db.dumpDataDir();
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(`${path}.tmp`, Buffer.from(await blob.arrayBuffer()));
    renameSync(`${path}.tmp`, path);
    console.log(`demo snapshot: built ${path} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  } finally {
    await db.close();
  }
}

main().catch((e) => {
  console.warn(`demo snapshot: not built (${(e as Error).message}); the first start will migrate and load the demo data instead`);
});

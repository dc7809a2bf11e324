import type { Db } from './types';
import { functionFiles, migrationFiles, namedQuery } from './sql-files';

/**
 * Apply `sql/migrations/NNN_*.sql` in order, each in its own transaction, recording each
 * in `schema_migrations`; then (re)create the functions in `sql/functions/` that the engine supports.
 * Returns the names of the migrations applied now.
 */
export async function migrate(db: Db): Promise<string[]> {
  await db.exec(namedQuery('schema_migrations_create'));
  const done = new Set((await db.named<{ name: string }>('schema_migrations_applied')).rows.map((r) => r.name));
  const applied: string[] = [];
  for (const m of migrationFiles()) {
    if (done.has(m.name)) continue;
    await db.transaction(async (tx) => {
      await tx.exec(m.sql);
      await tx.named('schema_migrations_insert', [m.name]);
    });
    applied.push(m.name);
  }
  for (const f of functionFiles()) {
    // Tile functions need ST_AsMVT, which the embedded engine lacks: it builds tiles in TypeScript.
    if (db.engine === 'pglite' && f.name.startsWith('tile_')) continue;
    await db.exec(f.sql);
  }
  return applied;
}

// npm run db:migrate — apply the migrations to DATABASE_URL (or the embedded engine in DATA_DIR).
// With MIGRATION_DATABASE_URL (the owner) they run through it and DATABASE_URL's role is granted DML only (issue 13).
import { loadConfig } from '../config';
import { openDb } from '../db';
import { migrate } from '../db/migrate';
import { migrateAsOwner } from '../auth/db-roles';

const config = loadConfig();
let applied: string[];
if (config.MIGRATION_DATABASE_URL && config.DATABASE_URL) {
  applied = await migrateAsOwner(config.MIGRATION_DATABASE_URL, config.DATABASE_URL);
} else {
  const db = await openDb(config);
  applied = await migrate(db);
  await db.close();
}
console.log(applied.length ? `applied: ${applied.join(', ')}` : 'up to date');

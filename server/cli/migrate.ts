// npm run db:migrate — apply the migrations to DATABASE_URL (or the embedded engine in DATA_DIR).
import { loadConfig } from '../config';
import { openDb } from '../db';
import { migrate } from '../db/migrate';

const config = loadConfig();
const db = await openDb(config);
const applied = await migrate(db);
console.log(applied.length ? `applied: ${applied.join(', ')}` : 'up to date');
await db.close();

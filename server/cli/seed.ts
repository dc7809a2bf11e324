// npm run db:seed — load the synthetic demo data into an empty database (migrating first).
import { demoAccountsWanted, loadConfig } from '../config';
import { openDb } from '../db';
import { migrate } from '../db/migrate';
import { seedIfEmpty } from '../seed/load-demo';

const config = loadConfig();
const db = await openDb(config);
await migrate(db);
const counts = await seedIfEmpty(db, { accounts: demoAccountsWanted(config) });
console.log(counts ? `loaded (synthetic): ${JSON.stringify(counts)}` : 'database not empty: nothing loaded');
await db.close();

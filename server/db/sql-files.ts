import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's `sql/` folder, wherever the server is started from. */
export const SQL_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../sql');

const cache = new Map<string, string>();

/** Text of the named query `sql/queries/<name>.sql` (cached). Names are fixed identifiers, never user input. */
export function namedQuery(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`bad query name ${name}`);
    text = readFileSync(join(SQL_DIR, 'queries', `${name}.sql`), 'utf8');
    cache.set(name, text);
  }
  return text;
}

const prepared = new Map<string, boolean>();

/**
 * Whether the named query is sent as a prepared statement on PostGIS (parsed and planned once per connection, then
 * only bound and executed): its file says `-- prepared` on a line of its own. For short statements run very often
 * (a tile), where parsing and planning the statement is a tenth of its database time (docs/benchmarks.md).
 */
export function isPrepared(name: string): boolean {
  let p = prepared.get(name);
  if (p === undefined) prepared.set(name, (p = /^-- prepared$/m.test(namedQuery(name))));
  return p;
}

/** Migration files in apply order: `sql/migrations/NNN_name.sql`. */
export function migrationFiles(): { name: string; sql: string }[] {
  return readdirSync(join(SQL_DIR, 'migrations'))
    .filter((f) => /^\d{3}_.+\.sql$/.test(f))
    .sort()
    .map((f) => ({ name: f, sql: readFileSync(join(SQL_DIR, 'migrations', f), 'utf8') }));
}

/** Engine-specific function files (`sql/functions/*.sql`), applied after migrations on every start. */
export function functionFiles(): { name: string; sql: string }[] {
  return readdirSync(join(SQL_DIR, 'functions'))
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((f) => ({ name: f, sql: readFileSync(join(SQL_DIR, 'functions', f), 'utf8') }));
}

/**
 * A national-scale synthetic register for the conflict benchmark: ≥ 50,000 rights, ≥ 20,000 protected-area
 * polygons, red lines totalling ≥ 1,000,000 vertices, plus wells and pipelines. Deterministic (hash-based
 * randomness in sql/bench/national_data.sql) and written straight into the given database through the
 * normal write triggers (validity, ellipsoidal area, subdivided twins). Synthetic: never for users.
 *
 *   npx tsx bench/national-data.ts postgres://…/db     (migrates first; refuses a database holding blocks)
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createPgDb } from '../server/db/pg';
import { migrate } from '../server/db/migrate';

export interface NationalSizes {
  blocks: number;
  pas: number;
  redlines: number;
  rl_vertices: number;
  wells: number;
  pipelines: number;
}

export const NATIONAL_SIZES: NationalSizes = {
  blocks: 50_000,
  pas: 20_000,
  redlines: 100,
  rl_vertices: 10_000,
  wells: 100_000,
  pipelines: 10_000,
};

const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), '../sql/bench/national_data.sql');

export interface NationalCounts {
  blocks: number;
  protected_areas: number;
  protected_areas_sub: number;
  redlines: number;
  redline_vertices: number;
  redlines_sub: number;
  wells: number;
  pipelines: number;
  load_seconds: number;
}

/** Migrate, then load the synthetic national set into an empty register; returns what is there. */
export async function loadNationalData(databaseUrl: string, sizes: Partial<NationalSizes> = {}): Promise<NationalCounts> {
  const db = createPgDb({ connectionString: databaseUrl, poolSize: 1, statementTimeoutMs: 3_600_000 });
  await migrate(db);
  await db.close();
  const n = { ...NATIONAL_SIZES, ...sizes };
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  const t0 = performance.now();
  try {
    const { rows } = await c.query<{ n: string }>('SELECT count(*) AS n FROM blocks');
    if (Number(rows[0].n) === 0) {
      await c.query('SET statement_timeout = 0');
      await c.query('SET jit = off'); // JIT compiles every trigger statement (~25 ms a row): off for the bulk load
      for (const [k, v] of Object.entries(n)) await c.query('SELECT set_config($1, $2, false)', [`kq_bench.${k}`, String(v)]);
      await c.query('BEGIN');
      await c.query(readFileSync(SCRIPT, 'utf8'));
      await c.query('COMMIT');
      await c.query('VACUUM ANALYZE');
    }
    const q = async (sql: string) => Number((await c.query<{ n: string }>(sql)).rows[0].n);
    return {
      blocks: await q('SELECT count(*) AS n FROM blocks'),
      protected_areas: await q('SELECT count(*) AS n FROM protected_areas'),
      protected_areas_sub: await q('SELECT count(*) AS n FROM protected_areas_sub'),
      redlines: await q('SELECT count(*) AS n FROM redlines'),
      redline_vertices: await q('SELECT COALESCE(sum(ST_NPoints(geom)), 0) AS n FROM redlines'),
      redlines_sub: await q('SELECT count(*) AS n FROM redlines_sub'),
      wells: await q('SELECT count(*) AS n FROM wells'),
      pipelines: await q('SELECT count(*) AS n FROM pipelines'),
      load_seconds: Math.round((performance.now() - t0) / 100) / 10,
    };
  } finally {
    await c.end();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const url = process.argv[2] ?? process.env.DATABASE_URL;
  if (!url) throw new Error('usage: tsx bench/national-data.ts <DATABASE_URL>');
  console.log(await loadNationalData(url));
}

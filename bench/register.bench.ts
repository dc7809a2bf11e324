/**
 * The whole-register conflict list at national scale (issue 17): `GET /api/conflicts?collection=` pages read by key from
 * the pair tables of migration 023, the one-off build of every pair after the bulk load, and what a write costs: a
 * 1,000-vertex block inserted (its row triggers, the conflict queue row among them) beside the same insert with the
 * queue trigger switched off, then the drain the next page runs and that page.
 * The database is loaded with bench/national-data.ts first (skipped when it already holds blocks).
 *
 *   npx tsx bench/register.bench.ts [DATABASE_URL]   (without one: a throwaway cluster from Debian's binaries)
 */
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { drainConflictPairs } from '../server/conflicts/pairs';
import { createPgDb } from '../server/db/pg';
import { namedQuery } from '../server/db/sql-files';
import { startServer } from '../server/server';
import { startCluster } from '../test/setup/pg-cluster';
import { boxIndex } from '../server/tiles/extents';
import type { Db } from '../server/db/types';
import { benchBlock } from './conflicts.bench';
import { loadNationalData } from './national-data';
import { round, summarise } from './stats';

const COLLECTIONS = ['blocks', 'reserves', 'protected-areas', 'redlines', 'wells', 'pipelines'];
const load1 = () => round(loadavg()[0], 1);

/**
 * Tiles known empty at national scale (server/tiles/extents.ts): each layer's row boxes read with its version
 * (`layer_boxes`, as an instance does after every write to the layer) and their R-tree built, p50 of `runs`.
 */
async function tileBoxes(db: Db, runs: number): Promise<Record<string, object>> {
  const out: Record<string, object> = {};
  for (const table of ['blocks', 'protected_areas', 'redlines', 'wells', 'pipelines']) {
    const read: number[] = [];
    const build: number[] = [];
    let rows = 0;
    for (let i = 0; i < runs; i++) {
      let t = performance.now();
      const { boxes } = (await db.named<{ boxes: Uint8Array }>('layer_boxes', [table])).rows[0];
      read.push(performance.now() - t);
      t = performance.now();
      rows = boxIndex(boxes)?.numItems ?? 0;
      build.push(performance.now() - t);
    }
    out[table] = {
      rows,
      mb: round((rows * 32) / 1e6, 1),
      read_p50_ms: round(summarise(read).p50),
      build_p50_ms: round(summarise(build).p50),
    };
  }
  return out;
}

export async function benchRegister(databaseUrl: string, opts: { runs?: number; inserts?: number } = {}): Promise<object> {
  const runs = opts.runs ?? 5;
  const data = await loadNationalData(databaseUrl);
  const owner = createPgDb({ connectionString: databaseUrl, poolSize: 1, statementTimeoutMs: 3_600_000 });
  let t = performance.now();
  const buildChunks = await drainConflictPairs(owner);
  const build = { seconds: round((performance.now() - t) / 1000, 1), chunks: buildChunks, load_1min: load1() };
  // as autovacuum would after so many rows: statistics and the visibility map (index-only counts)
  await owner.query('VACUUM ANALYZE conflict_pairs, conflict_wells, conflict_crossings');
  const srv = await startServer({
    DATABASE_URL: databaseUrl,
    PORT: '0',
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'false',
    RATE_LIMIT_PER_MIN: '1000000',
    RATE_LIMIT_READS_PER_MIN: '1000000',
    RATE_LIMIT_REGISTER_PER_MIN: '1000000',
  });
  const page = async (path: string) => {
    const s = performance.now();
    const res = await fetch(`${srv.url}${path}`);
    const j = (await res.json()) as { numberMatched?: number; numberReturned?: number };
    if (!res.ok) throw new Error(`${path} → ${res.status}: ${JSON.stringify(j).slice(0, 300)}`);
    return { ms: performance.now() - s, matched: j.numberMatched ?? 0, returned: j.numberReturned ?? 0 };
  };
  try {
    const pages: Record<string, unknown> = {};
    for (const c of COLLECTIONS) {
      const first = await page(`/api/conflicts?collection=${c}&limit=100`);
      for (const [where, offset] of [
        ['first', 0],
        ['middle', Math.floor(first.matched / 2)],
        ['last', Math.max(0, first.matched - 100)],
      ] as const) {
        const ms: number[] = [];
        for (let i = 0; i < runs; i++) ms.push((await page(`/api/conflicts?collection=${c}&limit=100&offset=${offset}`)).ms);
        pages[`${c} ${where}`] = { matched: first.matched, offset, p50_ms: round(summarise(ms).p50), max_ms: round(Math.max(...ms)) };
      }
    }
    const tileBoxesNational = await tileBoxes(owner, runs);
    // a 1,000-vertex block: the insert alone (row triggers: validity, area, history, the conflict queue row), the same
    // insert with the queue trigger off (as before 023), the drain the next page runs, and that page
    const n = opts.inserts ?? 10;
    const c = new pg.Client({ connectionString: databaseUrl });
    await c.connect();
    await c.query('SET jit = off'); // as the loader: JIT would compile each trigger statement
    const namedInsert = namedQuery('blocks_insert');
    const insert = async (id: string, i: number) => {
      const g = benchBlock(i, 105 + (i % 10) * 1.7, 30 + Math.floor(i / 10) * 1.3);
      const f = [
        { type: 'Feature', geometry: g, properties: { id, name: id, kind: 'exploration', mineral: 'cbm', holder: '合成矿业权人1' } },
      ];
      const s = performance.now();
      await c.query(namedInsert, [JSON.stringify(f)]);
      return performance.now() - s;
    };
    const withQueue: number[] = [];
    const drains: number[] = [];
    const after: number[] = [];
    for (let i = 0; i < n; i++) {
      withQueue.push(await insert(`bench-ins-${i}`, i));
      t = performance.now();
      await drainConflictPairs(owner);
      drains.push(performance.now() - t);
      after.push((await page('/api/conflicts?collection=blocks&limit=100')).ms);
    }
    await c.query('ALTER TABLE blocks DISABLE TRIGGER blocks_conflicts_note');
    const without: number[] = [];
    try {
      for (let i = 0; i < n; i++) without.push(await insert(`bench-raw-${i}`, n + i));
    } finally {
      await c.query("DELETE FROM blocks WHERE id LIKE 'bench-raw-%'");
      await c.query('ALTER TABLE blocks ENABLE TRIGGER blocks_conflicts_note');
    }
    await c.query("DELETE FROM blocks WHERE id LIKE 'bench-ins-%'");
    await c.end();
    await drainConflictPairs(owner);
    const r = (ms: number[]) => ({ n: ms.length, p50_ms: round(summarise(ms).p50), max_ms: round(Math.max(...ms)) });
    return {
      data,
      pair_build_after_load: build,
      pages_of_100: pages,
      block_insert_1000_vertices: r(withQueue),
      block_insert_1000_vertices_queue_trigger_off: r(without),
      drain_after_one_insert: r(drains),
      blocks_page_after_insert_and_drain: r(after),
      tile_boxes: tileBoxesNational,
      load_1min: load1(),
    };
  } finally {
    await srv.close();
    await owner.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  let url = process.argv[2] ?? process.env.DATABASE_URL;
  const cluster = url ? undefined : await startCluster();
  try {
    if (!url) {
      const admin = cluster!.url('postgres');
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query('CREATE DATABASE kq_bench_register');
      await c.end();
      const u = new URL(admin);
      u.pathname = '/kq_bench_register';
      url = u.toString();
    }
    console.log('load average (1 min) before', load1());
    console.log(JSON.stringify(await benchRegister(url), null, 1));
  } finally {
    cluster?.stop();
  }
}

// npm run bench — every benchmark, on a throwaway PostGIS (or DATABASE_URL), written to docs/benchmarks.md.
// Figures are single runs on the machine named in the output; tests check correctness, not timings.
import { cpus, totalmem } from 'node:os';
import { existsSync, writeFileSync } from 'node:fs';
import { startCluster, type Cluster } from '../test/setup/pg-cluster';
import { freshBenchDatabase } from './databases';
import { startServer } from '../server/server';
import { benchItems, benchTileThroughput, loadavg1, TILE_CLIENT } from './tiles.bench';
import { writeRatios } from './ratios';

const only = process.argv.slice(2);
const want = (name: string) => only.length === 0 || only.includes(name);

async function database(name: string): Promise<{ url: string; cluster?: Cluster; adminUrl: string }> {
  let cluster: Cluster | undefined;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    cluster = await startCluster();
    adminUrl = cluster.url('postgres');
  }
  return { url: await freshBenchDatabase(adminUrl, name), cluster, adminUrl };
}

const machine = {
  date: new Date().toISOString(),
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memory_gib: Math.round(totalmem() / 2 ** 30),
  node: process.version,
};
console.log('machine', machine);
const loadAtStart = loadavg1();
/** The machine as the docs name it beside figures. */
const machineLine = () =>
  `${machine.date.slice(0, 16).replace('T', ' ')} UTC on ${machine.cpu}, ${machine.cores} cores, ${machine.memory_gib} GiB, Node ${machine.node}; load average (1 min) at start ${loadAtStart}`;
const out: Record<string, unknown> = { machine };

// `npm run bench scale`: primary + streaming replica + two app instances (bench/scale.ts), its own clusters
async function scale() {
  const { benchScale, scaleMarkdown } = await import('./scale');
  const r = await part('scale', benchScale);
  out.scale = r;
  if (!('failed' in r)) console.log(`scale (${SECONDS_NOTE})\n${scaleMarkdown(r)}`);
}
const SECONDS_NOTE = 'one run per row on the machine above; see bench/last-run.json for every figure';
if (only.length === 1 && only[0] === 'scale') {
  await scale();
  writeFileSync('bench/last-run.json', JSON.stringify(out, null, 2));
  writeRatios(out as Parameters<typeof writeRatios>[0], machineLine());
  console.log('written bench/last-run.json and the ratios section of docs/benchmarks.md');
  process.exit(0);
}

/** One bench of the run: a failure is recorded (and printed) and the run goes on to the next. */
async function part<T>(name: string, fn: () => Promise<T>): Promise<T | { failed: string }> {
  try {
    return await fn();
  } catch (e) {
    console.error(`bench ${name} failed:`, e);
    return { failed: (e as Error).message };
  }
}

const { url, cluster, adminUrl } = await database('kq_bench');
try {
  const srv = await startServer({
    DATABASE_URL: url,
    PORT: '0',
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'true',
    STATIC_DIR: 'dist/client',
    RATE_LIMIT_PER_MIN: '1000000',
    // budgets are shared through the database (024): the tile bench's own services count their millions of tiles
    // against 127.0.0.1 in the same table, so this server would refuse the map bench's tiles with the default budget
    RATE_LIMIT_TILES_PER_MIN: '1000000000',
    RATE_LIMIT_READS_PER_MIN: '1000000000',
  });
  await srv.db.query('VACUUM ANALYZE');
  if (want('tiles')) {
    console.log('tiles: load average (1 min) before', loadavg1());
    const tiles = await benchTileThroughput(url);
    out.tiles = { ...tiles, markdown: undefined };
    console.log(`tiles (${tiles.seconds_per_run} s a run, ${tiles.connections} connections)\n${tiles.markdown}`);
    out.bbox_items = await benchItems(srv.url, url);
    console.log('bbox items', out.bbox_items);
  }
  if (want('parse') && existsSync('bench/parse.bench.ts')) {
    const { benchParse } = await import('./parse.bench');
    out.parse = await part('parse', benchParse);
    console.log('parse', out.parse);
  }
  if (want('map') && existsSync('bench/map-render.ts') && existsSync('dist/client/index.html')) {
    const { benchMapRender } = await import('./map-render');
    out.map = await part('map', () => benchMapRender(srv.url));
    console.log('map', out.map);
  }
  await srv.close();
  if (want('conflicts') && existsSync('bench/conflicts.bench.ts')) {
    const national = await freshBenchDatabase(adminUrl, 'kq_bench_national');
    const { benchConflicts } = await import('./conflicts.bench');
    out.conflicts = await part('conflicts', () => benchConflicts(national));
    console.log('conflicts', JSON.stringify(out.conflicts, null, 1));
  }
  if (want('register')) {
    // the whole-register list on the national set (loaded by the conflicts bench, or here when it was not run)
    const n = new URL(adminUrl);
    n.pathname = '/kq_bench_national';
    const national = want('conflicts') ? n.toString() : await freshBenchDatabase(adminUrl, 'kq_bench_national');
    const { benchRegister } = await import('./register.bench');
    out.register = await part('register', () => benchRegister(national));
    console.log('register', JSON.stringify(out.register, null, 1));
  }
  if (only.includes('curve')) {
    // check latency against input corners and register size (10k, 50k, 200k rights): minutes per register, so on request
    const { benchCheckCurve, writeCurveDocs } = await import('./check-curve');
    const curve = await benchCheckCurve(adminUrl);
    out.check_curve = curve;
    writeCurveDocs(curve, machineLine());
  }
} finally {
  cluster?.stop();
}
if (only.length === 0) await scale();
if (TILE_CLIENT !== 'autocannon') {
  // the tiles under another load generator (TILE_BENCH_CLIENT=wrk): beside the figures, never in their place
  writeFileSync(`bench/last-run-${TILE_CLIENT}.json`, JSON.stringify(out, null, 2));
  console.log(`written bench/last-run-${TILE_CLIENT}.json`);
  process.exit(0);
}
writeFileSync('bench/last-run.json', JSON.stringify(out, null, 2));
// the issue-17 ratios of this run, with the machine, into docs/benchmarks.md (section "Every ratio of one run")
writeRatios(out as Parameters<typeof writeRatios>[0], machineLine());
console.log('written bench/last-run.json and the ratios section of docs/benchmarks.md');

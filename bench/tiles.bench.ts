/**
 * Tile benchmark (issue 17): per layer and zoom z8–z14 over 沁水, bare SQL tiles/s beside the same tiles over HTTP,
 * cold (tile cache off: every tile rendered) and warm (every tile in the cache), and the two ratios.
 *
 * The service runs as its own processes (`node --import tsx server/main.ts`, one with the cache off, one with it on),
 * the load generator as another (bench/tiles-load-client.mjs, autocannon, 8 connections), and the bare SQL runs here on
 * a pool of 8 — back to back per layer and zoom, so that a shared machine's load weighs on all three alike.
 * TILE_BENCH_SECONDS (per run, default 3), TILE_BENCH_LAYERS and TILE_BENCH_ZOOMS (comma lists) narrow it;
 * TILE_BENCH_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") go to both servers' node (profiling);
 * TILE_BENCH_SERVER_DIR runs the servers from another checkout (e.g. `git archive` of an older commit: before/after).
 * Beside the service, the thinnest HTTP front of the same SQL (bench/thin-tile-server.mjs), cold and warm: the ceiling
 * of any Node service on the machine; and the thin warm front again sending the service's own headers (security,
 * caching, rate limit: what a tile answer must carry), the ceiling of a Node service that sends them.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { namedQuery } from '../server/db/sql-files';
import { batchParams } from '../server/tiles/batch';
import { TILE_LAYERS } from '../server/tiles/service';
import { startServiceProcess, stopServiceProcess, type ServiceProcess } from './service-process';
import { round, runConcurrent, summarise } from './stats';

/** XYZ tiles covering a lon/lat box at zoom z. */
export function tilesCovering(z: number, [minLon, minLat, maxLon, maxLat]: number[]) {
  const n = 2 ** z;
  const x = (lon: number) => Math.floor(((lon + 180) / 360) * n);
  const y = (lat: number) => {
    const r = (lat * Math.PI) / 180;
    return Math.floor(((1 - Math.asinh(Math.tan(r)) / Math.PI) / 2) * n);
  };
  const out: [number, number, number][] = [];
  for (let tx = x(minLon); tx <= x(maxLon); tx++) for (let ty = y(maxLat); ty <= y(minLat); ty++) out.push([z, tx, ty]);
  return out;
}

// 沁水 basin, southern part (晋城 fields): where tiles are densest
const QINSHUI = [112.0, 35.4, 113.2, 36.4];
const CONNECTIONS = 8;
const list = (v: string | undefined) =>
  v
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** 1-minute load average (empty off Linux). */
export const loadavg1 = (): string => {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
  } catch {
    return '';
  }
};

const TICKS_PER_S = 100; // USER_HZ (getconf CLK_TCK) on Linux

/** CPU seconds a process has used (utime + stime from /proc), 0 where it is gone or there is no /proc. */
function cpuOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / TICKS_PER_S;
  } catch {
    return 0;
  }
}

/** CPU seconds of every process of the PostgreSQL cluster (the postmaster's children), by PID; empty if not on this machine. */
function clusterCpu(postmaster: number | undefined): Map<number, number> {
  const out = new Map<number, number>();
  if (!postmaster) return out;
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(f[1]) === postmaster) out.set(Number(d), (Number(f[11]) + Number(f[12])) / TICKS_PER_S);
    } catch {
      /* gone meanwhile */
    }
  }
  return out;
}

/** CPU seconds the cluster spent between two readings (backends that started meanwhile count from zero). */
const cpuSpent = (before: Map<number, number>, after: Map<number, number>) =>
  [...after].reduce((sum, [pid, t]) => sum + t - (before.get(pid) ?? 0), 0);

/** The postmaster of the database behind `pool`, when it runs on this machine (the parent of our backend). */
async function postmasterOf(pool: pg.Pool): Promise<number | undefined> {
  const pid = (await pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid;
  try {
    return Number(/PPid:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) || undefined;
  } catch {
    return undefined;
  }
}

type Service = ServiceProcess;

/** The real service as a child process on loopback; resolves when /api/health answers 200. */
function startService(databaseUrl: string, env: Record<string, string>, nodeArgs: string[] = []): Promise<Service> {
  return startServiceProcess({
    env: { DATABASE_URL: databaseUrl, SEED_DEMO: 'false', RATE_LIMIT_TILES_PER_MIN: '100000000', ...env },
    nodeArgs,
    cwd: process.env.TILE_BENCH_SERVER_DIR,
  });
}

// SIGINT: server/main.ts closes and exits 0, so a --cpu-prof profile is written
const stopService = (s: Service) => stopServiceProcess(s, 'SIGINT', 15_000);

interface LoadResult {
  requests: number;
  tiles_per_s: number;
  p50_ms: number;
  p99_ms: number;
  errors: number;
  non2xx: number;
  codes: Record<string, number>;
  /** CPU time of the load generator during the run */
  cpu_ms: number;
}

/**
 * The thinnest HTTP front of the same SQL (bench/thin-tile-server.mjs: node:http, a pool of 8, one statement a tile,
 * nothing else; with `warm`, a Map of rendered tiles): what any Node service could reach here, beside the real one.
 */
function startThin(
  databaseUrl: string,
  sql: string,
  warm: boolean,
  headers: [string, string][] = [],
): Promise<{ url: string; proc: ChildProcess }> {
  return new Promise((ok, fail) => {
    const proc = spawn(process.execPath, ['bench/thin-tile-server.mjs', JSON.stringify({ databaseUrl, sql, warm, headers })], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    proc.stdout!.on('data', (d) => {
      out += d;
      const m = /PORT (\d+)/.exec(out);
      if (m) ok({ url: `http://127.0.0.1:${m[1]}`, proc });
    });
    proc.on('exit', (code) => fail(new Error(`thin tile server exited ${code}`)));
  });
}

/** The load generator: autocannon (the issue's, default) or Debian's wrk (TILE_BENCH_CLIENT=wrk), beside it. */
export const TILE_CLIENT = process.env.TILE_BENCH_CLIENT === 'wrk' ? 'wrk' : 'autocannon';

/** One load run in its own process over the paths in `pathsFile`. */
function loadRun(url: string, pathsFile: string, duration: number, headers: Record<string, string> = {}): Promise<LoadResult> {
  return TILE_CLIENT === 'wrk' ? wrkRun(url, pathsFile, duration, headers) : autocannonRun(url, pathsFile, duration, headers);
}

/** One autocannon run in its own process over the paths in `pathsFile`. */
function autocannonRun(url: string, pathsFile: string, duration: number, headers: Record<string, string>): Promise<LoadResult> {
  return new Promise((ok, fail) => {
    const arg = JSON.stringify({ url, pathsFile, connections: CONNECTIONS, duration, headers });
    const p = spawn(process.execPath, ['bench/tiles-load-client.mjs', arg], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.on('exit', (code) => (code === 0 ? ok(JSON.parse(out.trim().split('\n').at(-1)!)) : fail(new Error(`load client exited ${code}`))));
  });
}

/**
 * One wrk run (one thread, the same 8 connections; bench/tiles-load-wrk.lua takes the paths in turn) in its own
 * process; its CPU time read from the shell that waited for it (cutime + cstime). Whole seconds only (wrk's -d).
 */
function wrkRun(url: string, pathsFile: string, duration: number, headers: Record<string, string>): Promise<LoadResult> {
  const args = ['-t1', `-c${CONNECTIONS}`, `-d${Math.max(1, Math.round(duration))}s`, '--timeout', '30s', '-s', 'bench/tiles-load-wrk.lua'];
  for (const [k, v] of Object.entries(headers)) args.push('-H', `${k}: ${v}`);
  const script = 'wrk "$@"; rc=$?; echo "STAT $(cat /proc/$$/stat)"; exit $rc';
  return new Promise((ok, fail) => {
    const p = spawn('bash', ['-c', script, 'wrk', ...args, url], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, TILE_PATHS: pathsFile },
    });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.on('exit', (code) => {
      const lines = out.trim().split('\n');
      const json = lines.find((l) => l.startsWith('{'));
      const stat = lines.find((l) => l.startsWith('STAT '));
      if (code !== 0 || !json || !stat) return fail(new Error(`wrk exited ${code}: ${out}`));
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const r = JSON.parse(json) as Omit<LoadResult, 'codes' | 'cpu_ms'>;
      ok({ ...r, codes: {}, cpu_ms: Math.round(((Number(f[13]) + Number(f[14])) / TICKS_PER_S) * 1000) });
    });
  });
}

/** `fn` over `items` in turn by `concurrency` workers for `seconds`; tiles per second. */
async function runFor<T>(items: T[], concurrency: number, seconds: number, fn: (item: T) => Promise<unknown>) {
  let next = 0;
  let done = 0;
  const t0 = performance.now();
  const end = t0 + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        await fn(items[next++ % items.length]);
        done++;
      }
    }),
  );
  return { requests: done, tiles_per_s: Math.round((done / (performance.now() - t0)) * 1000) };
}

export interface TileRow {
  layer: string;
  zoom: number;
  distinct_tiles: number;
  empty_share: number;
  loadavg_1m: string;
  sql_tiles_per_s: number;
  /** the same tiles four to a statement (sql/queries/layer_tiles_mvt.sql, as the service batches them), pool of 8 */
  sql_batched_tiles_per_s: number;
  http_cold_tiles_per_s: number;
  http_warm_tiles_per_s: number;
  /** the thinnest Node HTTP front of the same SQL (bench/thin-tile-server.mjs), one statement a tile: a ceiling */
  thin_cold_tiles_per_s?: number;
  /** the same front answering from a Map of rendered tiles: the ceiling of any warm Node answer on this machine */
  thin_warm_tiles_per_s?: number;
  /** the thin warm front sending the service's headers of that tile (security, caching, rate limit): the ceiling of a warm answer that carries them */
  thin_warm_headers_tiles_per_s?: number;
  /** bare SQL ÷ HTTP cold: the goal is ≤ 1.3 */
  cold_ratio: number;
  /** HTTP warm ÷ bare SQL: the goal is ≥ 5 */
  warm_ratio: number;
  cold_p50_ms: number;
  warm_p50_ms: number;
  warm_hit_share: number;
  /**
   * CPU µs per tile, all processes of each path: the database cluster, the service (HTTP only) and the client (the
   * bare-SQL pool here, or the load generator). On a machine shared with other work, tiles/s measure the share of the
   * CPU each path's processes got; CPU per tile measures the path.
   */
  cpu_us_per_tile: Record<
    'bare' | 'cold' | 'warm' | 'thin_cold' | 'thin_warm' | 'thin_warm_headers',
    { total: number; db: number; server: number; client: number }
  >;
  /** CPU per tile, HTTP cold ÷ bare SQL (≤ 1.3 is the goal on an otherwise idle machine, where CPU is the limit) */
  cpu_cold_ratio: number;
  /** CPU per tile, bare SQL ÷ HTTP warm (≥ 5) */
  cpu_warm_ratio: number;
}

/**
 * Per layer and zoom: bare SQL, HTTP cold, HTTP warm, back to back. `databaseUrl` holds the demo data already
 * (bench/run.ts seeds it).
 */
export async function benchTileThroughput(databaseUrl: string) {
  const seconds = Number(process.env.TILE_BENCH_SECONDS ?? 3);
  const layers = list(process.env.TILE_BENCH_LAYERS) ?? TILE_LAYERS;
  const zooms = (list(process.env.TILE_BENCH_ZOOMS) ?? ['8', '9', '10', '11', '12', '13', '14']).map(Number);
  const nodeArgs = list(process.env.TILE_BENCH_NODE_ARGS?.replaceAll(' ', ',')) ?? [];
  const dir = mkdtempSync(join(tmpdir(), 'kq-tiles-'));
  // JIT off as in the service's own connections (server/db/pg.ts): on, it compiles each tile query (tens of ms)
  // idle connections kept: a new one pays the PostGIS/PROJ session start (~1 s on a loaded machine) on its first tile
  const pool = new pg.Pool({ connectionString: databaseUrl, max: CONNECTIONS, options: '-c jit=off', idleTimeoutMillis: 0 });
  const cold = await startService(databaseUrl, { TILE_CACHE_MB: '0' }, nodeArgs);
  const warm = await startService(databaseUrl, { TILE_CACHE_MB: '512' }, nodeArgs);
  const rows: TileRow[] = [];
  const postmaster = await postmasterOf(pool);
  const sql = namedQuery('layer_tile_mvt');
  const thin: ChildProcess[] = [];
  try {
    const thinCold = await startThin(databaseUrl, sql, false);
    thin.push(thinCold.proc);
    const thinWarm = await startThin(databaseUrl, sql, true);
    thin.push(thinWarm.proc);
    // the thin warm front again, sending the headers the service sends with a tile (security, caching, rate limit; the
    // framing ones node:http writes itself): the ceiling of a warm answer that carries what a tile answer must
    const r = await fetch(`${warm.url}/tiles/blocks/12/3334/1648.mvt`, { headers: { 'accept-encoding': 'identity' } });
    await r.arrayBuffer();
    const framing = ['content-type', 'content-length', 'date', 'connection', 'keep-alive', 'transfer-encoding'];
    const thinHeaders = [...r.headers].filter(([k]) => !framing.includes(k)) as [string, string][];
    const thinWarmHeaders = await startThin(databaseUrl, sql, true, thinHeaders);
    thin.push(thinWarmHeaders.proc);
    const batchSql = namedQuery('layer_tiles_mvt');
    // JIT and connections warmed on both servers before the first measured run
    for (const s of [cold, warm]) {
      const f = join(dir, 'warmup.txt');
      writeFileSync(
        f,
        tilesCovering(12, QINSHUI)
          .map(([z, x, y]) => `/tiles/blocks/${z}/${x}/${y}.mvt`)
          .join('\n'),
      );
      await loadRun(s.url, f, 2);
    }
    for (const layer of layers) {
      for (const z of zooms) {
        const tiles = tilesCovering(z, QINSHUI);
        const paths = tiles.map(([tz, x, y]) => `/tiles/${layer}/${tz}/${x}/${y}.mvt`);
        const pathsFile = join(dir, `${layer}-${z}.txt`);
        writeFileSync(pathsFile, paths.join('\n'));
        const load = loadavg1();
        // every tile once into the warm server's cache (and the count of empty ones)
        let empty = 0;
        await runConcurrent(paths, CONNECTIONS, async (p) => {
          const r = await fetch(warm.url + p);
          await r.arrayBuffer();
          if (r.status === 204) empty++;
        });
        // the warm server answers from its cache: a sample of the list, checked
        const sample = paths.filter((_, i) => i % Math.ceil(paths.length / 50) === 0);
        let hits = 0;
        for (const p of sample) {
          const r = await fetch(warm.url + p);
          await r.arrayBuffer();
          if (r.headers.get('x-tile-cache') === 'hit') hits++;
        }
        // each measured run follows a short one of its own kind: steady state, every connection opened and warm (the
        // servers' pools close connections idle for 10 s, and a new one pays the session start on its first tile)
        const bareRun = (s: number) => runFor(tiles, CONNECTIONS, s, ([tz, x, y]) => pool.query(sql, [layer, tz, x, y]));
        await bareRun(0.5);
        // CPU per tile beside tiles per second: what each path costs whatever else the machine is doing
        let pg0 = clusterCpu(postmaster);
        const me0 = process.cpuUsage();
        const bare = await bareRun(seconds);
        const me = process.cpuUsage(me0);
        const bareCpu = { db: cpuSpent(pg0, clusterCpu(postmaster)), client: (me.user + me.system) / 1e6, server: 0 };
        // the database's own best with batches: the tiles four to a statement (not a goal of the issue; beside it)
        const fours = Array.from({ length: Math.ceil(tiles.length / 4) }, (_, i) => tiles.slice(i * 4, i * 4 + 4));
        const batchedRun = (s: number) =>
          runFor(fours, CONNECTIONS, s, (g) =>
            pool.query(batchSql, batchParams(g.map(([z, x, y]) => ({ layer, z, x, y })))).then((r) => r.rowCount),
          );
        await batchedRun(0.5);
        const batched = await batchedRun(seconds);
        const batchedTilesPerS = Math.round((batched.tiles_per_s * tiles.length) / fours.length);
        const httpRun = async (svc: Service) => {
          pg0 = clusterCpu(postmaster);
          const s0 = cpuOf(svc.proc.pid!);
          const r = await loadRun(svc.url, pathsFile, seconds);
          return { r, cpu: { db: cpuSpent(pg0, clusterCpu(postmaster)), client: r.cpu_ms / 1000, server: cpuOf(svc.proc.pid!) - s0 } };
        };
        await loadRun(cold.url, pathsFile, 1);
        const { r: c, cpu: coldCpu } = await httpRun(cold);
        const { r: w, cpu: warmCpu } = await httpRun(warm);
        // the ceilings: the thinnest front, cold (after a short run of its own) and warm (every tile in its Map first)
        await loadRun(thinCold.url, pathsFile, 0.5);
        const thinRun = async ({ url, proc }: { url: string; proc: ChildProcess }) => {
          pg0 = clusterCpu(postmaster);
          const s0 = cpuOf(proc.pid!);
          const r = await loadRun(url, pathsFile, seconds);
          return { r, cpu: { db: cpuSpent(pg0, clusterCpu(postmaster)), client: r.cpu_ms / 1000, server: cpuOf(proc.pid!) - s0 } };
        };
        const { r: tc, cpu: thinColdCpu } = await thinRun(thinCold);
        await runConcurrent(paths, CONNECTIONS, (p) => fetch(thinWarm.url + p).then((r) => r.arrayBuffer()));
        const { r: tw, cpu: thinWarmCpu } = await thinRun(thinWarm);
        await runConcurrent(paths, CONNECTIONS, (p) => fetch(thinWarmHeaders.url + p).then((r) => r.arrayBuffer()));
        const { r: th, cpu: thinWarmHeadersCpu } = await thinRun(thinWarmHeaders);
        const runs = [
          ['cold', c],
          ['warm', w],
          ['thin cold', tc],
          ['thin warm', tw],
          ['thin warm with headers', th],
        ] as const;
        for (const [name, r] of runs) if (r.errors || r.non2xx) throw new Error(`${name} ${layer} z${z}: ${JSON.stringify(r)}`);
        const us = (cpu: { db: number; client: number; server: number }, n: number) => ({
          total: Math.round(((cpu.db + cpu.client + cpu.server) / n) * 1e6),
          db: Math.round((cpu.db / n) * 1e6),
          server: Math.round((cpu.server / n) * 1e6),
          client: Math.round((cpu.client / n) * 1e6),
        });
        const cpu = {
          bare: us(bareCpu, bare.requests),
          cold: us(coldCpu, c.requests),
          warm: us(warmCpu, w.requests),
          thin_cold: us(thinColdCpu, tc.requests),
          thin_warm: us(thinWarmCpu, tw.requests),
          thin_warm_headers: us(thinWarmHeadersCpu, th.requests),
        };
        const row: TileRow = {
          layer,
          zoom: z,
          distinct_tiles: tiles.length,
          empty_share: round(empty / tiles.length),
          loadavg_1m: load,
          sql_tiles_per_s: bare.tiles_per_s,
          sql_batched_tiles_per_s: batchedTilesPerS,
          http_cold_tiles_per_s: c.tiles_per_s,
          http_warm_tiles_per_s: w.tiles_per_s,
          thin_cold_tiles_per_s: tc.tiles_per_s,
          thin_warm_tiles_per_s: tw.tiles_per_s,
          thin_warm_headers_tiles_per_s: th.tiles_per_s,
          cold_ratio: round(bare.tiles_per_s / c.tiles_per_s),
          warm_ratio: round(w.tiles_per_s / bare.tiles_per_s, 1),
          cold_p50_ms: c.p50_ms,
          warm_p50_ms: w.p50_ms,
          warm_hit_share: round(hits / sample.length),
          cpu_us_per_tile: cpu,
          cpu_cold_ratio: round(cpu.cold.total / cpu.bare.total),
          cpu_warm_ratio: round(cpu.bare.total / cpu.warm.total, 1),
        };
        rows.push(row);
        console.log(JSON.stringify(row));
      }
    }
  } finally {
    await pool.end();
    await stopService(cold);
    await stopService(warm);
    for (const p of thin) p.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
  return { seconds_per_run: seconds, connections: CONNECTIONS, client: TILE_CLIENT, rows, markdown: tileTable(rows) };
}

/** The figures as the Markdown table of docs/benchmarks.md. */
export function tileTable(rows: TileRow[]): string {
  const n = (v: number) => v.toLocaleString('en-US');
  const head =
    '| layer | zoom | tiles (empty) | load avg | bare SQL /s | bare SQL, 4 a statement /s | HTTP cold /s | HTTP warm /s | thin front cold /s | thin front warm /s | thin front warm, with headers /s | SQL ÷ cold | warm ÷ SQL | ' +
    'CPU µs/tile bare | cold (service) | warm (service) | **CPU cold ÷ bare** (≤ 1.3) | **CPU bare ÷ warm** (≥ 5) |\n' +
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n';
  return (
    head +
    rows
      .map((r) => {
        const c = r.cpu_us_per_tile;
        return (
          `| ${r.layer} | z${r.zoom} | ${r.distinct_tiles} (${Math.round(r.empty_share * 100)} %) | ${r.loadavg_1m} | ${n(r.sql_tiles_per_s)} | ` +
          `${n(r.sql_batched_tiles_per_s ?? 0)} | ` +
          `${n(r.http_cold_tiles_per_s)} | ${n(r.http_warm_tiles_per_s)} | ${n(r.thin_cold_tiles_per_s ?? 0)} | ${n(r.thin_warm_tiles_per_s ?? 0)} | ` +
          `${n(r.thin_warm_headers_tiles_per_s ?? 0)} | ` +
          `${r.cold_ratio.toFixed(2)} | ${r.warm_ratio.toFixed(1)} | ` +
          `${c.bare.total} | ${c.cold.total} (${c.cold.server}) | ${c.warm.total} (${c.warm.server}) | ` +
          `${r.cpu_cold_ratio.toFixed(2)} | ${r.cpu_warm_ratio.toFixed(1)} |`
        );
      })
      .join('\n')
  );
}

/** bbox items query: wells in a 0.1° box, 200 times, through the API (in-process server) beside the raw named query. */
export async function benchItems(baseUrl: string, databaseUrl: string) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  const boxes = Array.from({ length: 200 }, (_, i) => {
    const lon = 112.3 + (i % 20) * 0.03;
    const lat = 35.5 + Math.floor(i / 20) * 0.05;
    return [lon, lat, lon + 0.1, lat + 0.1];
  });
  const api = await runConcurrent(boxes, 1, async (b) => {
    await (await fetch(`${baseUrl}/collections/wells/items?bbox=${b.join(',')}&limit=100`)).json();
  });
  const itemsSql = namedQuery('wells_items');
  // $8 as_at: null, the register as it stands (what the route passes without ?as_at=)
  const raw = await runConcurrent(boxes, 1, (b) => pool.query(itemsSql, [...b, 100, 0, '{}', null]));
  await pool.end();
  const a = summarise(api.times);
  const r = summarise(raw.times);
  return {
    requests: boxes.length,
    api_p50_ms: round(a.p50),
    api_p95_ms: round(a.p95),
    sql_p50_ms: round(r.p50),
    sql_p95_ms: round(r.p95),
  };
}

/**
 * `npm run bench scale` — past one machine, on this one (issue 17). From Debian's PostgreSQL 15 binaries: a primary and
 * a streaming replica (`pg_basebackup -R`: standby.signal + primary_conninfo), the demo data loaded into the primary;
 * app instances as separate processes (`node --import tsx server/main.ts`) with DATABASE_URL = the primary and
 * DATABASE_READ_URL = the replica; a round-robin proxy in its own process (bench/rr-proxy.mjs, standing in for nginx);
 * autocannon in another (bench/tiles-load-client.mjs). It shows:
 *   1. reads served by the replica (the instances' counters in /api/health, the replica's own pg_stat_database);
 *   2. a write through one instance visible on the replica, and through the other instance, after replication (lag);
 *   3. the service answering while one instance is killed with SIGKILL under load (answers, errors, proxy retries);
 *   4. a scaling table: 1 and 2 instances × primary only and primary + replica, on a read load that reaches the
 *      database (item pages by bbox and tiles with the tile cache off).
 * SCALE_BENCH_SECONDS (per run, default 8) and SCALE_BENCH_CONNECTIONS (default 8) tune it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createPgDb } from '../server/db/pg';
import { migrate } from '../server/db/migrate';
import { loadDemo } from '../server/seed/load-demo';
import { asPostgres, freePort, initCluster, PG_BIN as BIN, pgCtlStart } from '../test/setup/pg-cluster';
import { startServiceProcess, stopServiceProcess, type ServiceProcess } from './service-process';
import { round, summarise } from './stats';
import { loadavg1, tilesCovering } from './tiles.bench';

const SECONDS = Number(process.env.SCALE_BENCH_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.SCALE_BENCH_CONNECTIONS ?? 8);
const TOKEN = 'scale-bench-admin-token';
const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

interface Server {
  port: number;
  dir: string;
  data: string;
  url: (db: string) => string;
  stop(): void;
}

const SETTINGS = '-c fsync=off -c full_page_writes=off -c max_connections=200 -c shared_buffers=128MB';

function startPg(dir: string, data: string, port: number, extra: string): Server {
  pgCtlStart(dir, data, port, `${SETTINGS} ${extra}`, 120);
  return {
    port,
    dir,
    data,
    url: (db) => `postgres://postgres@127.0.0.1:${port}/${db}`,
    stop: () => asPostgres(join(BIN, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']),
  };
}

/** A primary that streams its WAL (initdb's pg_hba already trusts replication connections from loopback). */
async function startPrimary(): Promise<Server> {
  const { dir, data } = initCluster('kq-primary-');
  // synchronous_commit on (fsync stays off): with it off a commit's WAL waits for the WAL writer (wal_writer_delay,
  // 200 ms) before the walsender may send it, which the lag below would measure instead of replication
  return startPg(dir, data, await freePort(), '-c wal_level=replica -c max_wal_senders=5 -c synchronous_commit=on');
}

/** The streaming replica: a base backup of the primary with -R (standby.signal, primary_conninfo), started as a hot standby. */
async function startReplica(primary: Server): Promise<Server> {
  const dir = mkdtempSync(join(tmpdir(), 'kq-replica-'));
  if (process.getuid?.() === 0) spawnSync('chown', ['-R', 'postgres:postgres', dir]);
  const data = join(dir, 'data');
  asPostgres(join(BIN, 'pg_basebackup'), [
    '-h',
    '127.0.0.1',
    '-p',
    String(primary.port),
    '-U',
    'postgres',
    '-D',
    data,
    '-R',
    '-X',
    'stream',
    '-c',
    'fast',
  ]);
  return startPg(dir, data, await freePort(), '-c hot_standby=on -c hot_standby_feedback=on');
}

async function one<T>(url: string, sql: string, params: unknown[] = []): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql, params)).rows[0] as T;
  } finally {
    await c.end();
  }
}

type App = ServiceProcess;

function startApp(env: Record<string, string>): Promise<App> {
  return startServiceProcess({
    env: {
      SEED_DEMO: 'false',
      ADMIN_TOKEN: TOKEN,
      WORKER_THREADS: '1',
      // a load from one address: budgets out of the way, still counted in the shared table
      RATE_LIMIT_READS_PER_MIN: '100000000',
      RATE_LIMIT_TILES_PER_MIN: '100000000',
      RATE_LIMIT_WRITES_PER_MIN: '100000000',
      ...env,
    },
  });
}

const stopApp = (a: App) => stopServiceProcess(a);

interface Proxy {
  url: string;
  proc: ChildProcess;
  counters(): Promise<{ retries: number; failed: number; answered: number[] }>;
}

async function startProxy(upstreams: string[]): Promise<Proxy> {
  const port = await freePort();
  const proc = spawn(process.execPath, ['bench/rr-proxy.mjs', JSON.stringify({ port, upstreams })], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  proc.stdout!.on('data', (d) => (out += d));
  while (!out.includes('listening')) await sleep(50);
  return {
    url: `http://127.0.0.1:${port}`,
    proc,
    async counters() {
      const before = out.length;
      proc.kill('SIGUSR2');
      while (!out.slice(before).includes('\n')) await sleep(20);
      return JSON.parse(out.slice(before).trim().split('\n')[0]);
    },
  };
}

interface LoadResult {
  requests: number;
  tiles_per_s: number;
  p50_ms: number;
  p99_ms: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  codes: Record<string, number>;
}

function load(url: string, pathsFile: string, seconds: number): Promise<LoadResult> {
  return new Promise((ok, fail) => {
    const arg = JSON.stringify({ url, pathsFile, connections: CONNECTIONS, duration: seconds });
    const p = spawn(process.execPath, ['bench/tiles-load-client.mjs', arg], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.on('exit', (code) => (code === 0 ? ok(JSON.parse(out.trim().split('\n').at(-1)!)) : fail(new Error(`load client exited ${code}`))));
  });
}

/** The read load: item pages by bbox over the 沁水 basin, and tiles z9–z11 (the tile cache is off: each reaches the database). */
function readPaths(): string[] {
  const out: string[] = [];
  for (let i = 0; i < 40; i++) {
    const x = 112 + (i % 8) * 0.15;
    const y = 35.4 + Math.floor(i / 8) * 0.2;
    out.push(`/collections/blocks/items?bbox=${x},${y},${round(x + 0.3, 2)},${round(y + 0.3, 2)}&limit=20`);
  }
  for (const z of [9, 10, 11])
    for (const [tz, tx, ty] of tilesCovering(z, [112.0, 35.4, 113.2, 36.4])) out.push(`/tiles/blocks/${tz}/${tx}/${ty}.mvt`);
  // interleave so that every stretch of the run has both kinds
  return out.sort((a, b) => (hash(a) % 997) - (hash(b) % 997));
}
const hash = (s: string) => [...s].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);

interface HealthBody {
  replica?: { serving_reads: boolean; reads: { primary: number; replica: number } };
}
const health = async (url: string) => (await (await fetch(`${url}/api/health`)).json()) as HealthBody;

async function replicaStats(replica: Server, db: string) {
  return one<{ xact: number; fetched: number }>(
    replica.url('postgres'),
    'SELECT (xact_commit + xact_rollback)::float8 AS xact, tup_fetched::float8 AS fetched FROM pg_stat_database WHERE datname = $1',
    [db],
  );
}

/** Write through `writer`, then time until the replica has the row, and until `reader` (reading the replica) lists it. */
async function replicationLag(writer: App, reader: App, replica: Server, db: string, n: number) {
  const toReplica: number[] = [];
  const toReader: number[] = [];
  const c = new pg.Client({ connectionString: replica.url(db) });
  await c.connect();
  try {
    for (let i = 0; i < n; i++) {
      const name = `复制测试红线-${Date.now()}-${i}(合成)`;
      const t0 = performance.now();
      const w = await fetch(`${writer.url}/collections/redlines/items`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/geo+json' },
        body: JSON.stringify({
          type: 'Feature',
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [112.5 + i * 0.01, 36.5],
                [112.505 + i * 0.01, 36.5],
                [112.505 + i * 0.01, 36.505],
                [112.5 + i * 0.01, 36.505],
                [112.5 + i * 0.01, 36.5],
              ],
            ],
          },
          properties: { name, status: 'proposed' },
        }),
      });
      if (w.status !== 201) throw new Error(`write answered ${w.status}: ${await w.text()}`);
      const id = ((await w.json()) as { id: string }).id;
      const acked = performance.now();
      // two watchers at once, each as fast as its own round trip allows: the replica itself, and the other instance
      const until = async (seen: () => Promise<boolean>) => {
        while (!(await seen())) if (performance.now() - t0 > 30_000) throw new Error('write not replicated within 30 s');
        return performance.now() - acked;
      };
      const [replicaMs, readerMs] = await Promise.all([
        until(async () => Boolean((await c.query('SELECT 1 FROM redlines WHERE id = $1', [id])).rowCount)),
        until(async () => {
          const r = (await (await fetch(`${reader.url}/collections/redlines/items?q=${encodeURIComponent(name)}`)).json()) as {
            features: unknown[];
          };
          return r.features.length > 0;
        }),
      ]);
      toReplica.push(replicaMs);
      toReader.push(readerMs);
    }
  } finally {
    await c.end();
  }
  return { writes: n, after_ack_to_replica_ms: summarise(toReplica), after_ack_to_other_instance_ms: summarise(toReader) };
}

export async function benchScale() {
  const machine = {
    date: new Date().toISOString(),
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memory_gib: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    loadavg_1m_at_start: loadavg1(),
  };
  console.log('scale: machine', machine);
  const primary = await startPrimary();
  let replica: Server | undefined;
  const apps: App[] = [];
  let proxy: Proxy | undefined;
  const pathsDir = mkdtempSync(join(tmpdir(), 'kq-scale-'));
  const pathsFile = join(pathsDir, 'paths.txt');
  writeFileSync(pathsFile, readPaths().join('\n'));
  const out: Record<string, unknown> = { machine, seconds_per_run: SECONDS, connections: CONNECTIONS };
  const DB = 'kq_scale';
  try {
    const admin = new pg.Client({ connectionString: primary.url('postgres') });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${DB}`);
    await admin.end();
    const t0 = performance.now();
    const db = createPgDb({ connectionString: primary.url(DB), poolSize: 2, statementTimeoutMs: 600_000 });
    await migrate(db);
    const counts = await loadDemo(db);
    await db.query('VACUUM ANALYZE');
    await db.close();
    out.demo = { rows: counts, load_s: round((performance.now() - t0) / 1000, 1) };
    console.log('scale: demo data loaded', out.demo);

    const b0 = performance.now();
    replica = await startReplica(primary);
    for (let i = 0; ; i++) {
      const s = await one<{ state: string } | undefined>(primary.url('postgres'), 'SELECT state FROM pg_stat_replication LIMIT 1');
      if (s?.state === 'streaming') break;
      if (i > 600) throw new Error('replica not streaming');
      await sleep(100);
    }
    const standby = await one<{ standby: boolean }>(replica.url(DB), 'SELECT pg_is_in_recovery() AS standby');
    out.replica = { base_backup_and_start_s: round((performance.now() - b0) / 1000, 1), streaming: true, in_recovery: standby.standby };
    console.log('scale: replica streaming', out.replica);

    const env = (withReplica: boolean) => ({
      DATABASE_URL: primary.url(DB),
      ...(withReplica ? { DATABASE_READ_URL: replica!.url(DB) } : {}),
      TILE_CACHE_MB: '0',
    });

    // 1–3: two instances on primary + replica behind the proxy
    apps.push(await startApp(env(true)));
    apps.push(await startApp(env(true)));
    proxy = await startProxy(apps.map((a) => a.url));
    for (let i = 0; i < 100 && !(await health(apps[0].url)).replica?.serving_reads; i++) await sleep(100);
    const before = await replicaStats(replica, DB);
    const warm = await load(proxy.url, pathsFile, 3);
    const after = await replicaStats(replica, DB);
    const [h1, h2] = [await health(apps[0].url), await health(apps[1].url)];
    out.reads_from_replica = {
      requests: warm.requests,
      instance_reads: [h1.replica?.reads, h2.replica?.reads],
      replica_transactions: after.xact - before.xact,
      replica_rows_fetched: after.fetched - before.fetched,
      replica_health: h1.replica,
    };
    console.log('scale: reads from the replica', out.reads_from_replica);

    out.replication = await replicationLag(apps[0], apps[1], replica, DB, 20);
    console.log('scale: replication', JSON.stringify(out.replication));

    // 3: kill one instance under load
    const killRun = load(proxy.url, pathsFile, SECONDS);
    await sleep(Math.round((SECONDS * 1000) / 3));
    const victim = apps.shift()!;
    victim.proc.kill('SIGKILL');
    await victim.exited;
    const killed = await killRun;
    const counters = await proxy.counters();
    const afterKill = await fetch(`${proxy.url}/api/health`);
    out.kill = {
      run: killed,
      killed_at_s: round(SECONDS / 3, 1),
      proxy: counters,
      health_through_proxy_after: afterKill.status,
    };
    console.log('scale: one instance killed', JSON.stringify(out.kill));
    proxy.proc.kill('SIGTERM');
    proxy = undefined;
    for (const a of apps.splice(0)) await stopApp(a);

    // 4: scaling table
    const rows = [];
    for (const instances of [1, 2])
      for (const withReplica of [false, true]) {
        for (let i = 0; i < instances; i++) apps.push(await startApp(env(withReplica)));
        proxy = await startProxy(apps.map((a) => a.url));
        if (withReplica) for (let i = 0; i < 100 && !(await health(apps[0].url)).replica?.serving_reads; i++) await sleep(100);
        await load(proxy.url, pathsFile, 2); // warm-up: pools, prepared plans, JIT of the service
        const la = loadavg1();
        const r = await load(proxy.url, pathsFile, SECONDS);
        rows.push({
          instances,
          database: withReplica ? 'primary + replica' : 'primary only',
          loadavg_1m: la,
          requests_per_s: r.tiles_per_s,
          p50_ms: r.p50_ms,
          p99_ms: r.p99_ms,
          errors: r.errors + r.timeouts,
          codes: r.codes,
        });
        console.log('scale:', JSON.stringify(rows.at(-1)));
        proxy.proc.kill('SIGTERM');
        proxy = undefined;
        for (const a of apps.splice(0)) await stopApp(a);
      }
    out.scaling = rows;
    out.loadavg_1m_at_end = loadavg1();
  } finally {
    proxy?.proc.kill('SIGTERM');
    for (const a of apps) a.proc.kill('SIGKILL');
    for (const s of [replica, primary]) {
      if (!s) continue;
      try {
        s.stop();
      } catch {
        /* already down */
      }
      rmSync(s.dir, { recursive: true, force: true });
    }
    rmSync(pathsDir, { recursive: true, force: true });
  }
  return out;
}

/** The scaling table as markdown (docs/benchmarks.md). */
export function scaleMarkdown(out: Awaited<ReturnType<typeof benchScale>>): string {
  const rows = out.scaling as Array<Record<string, unknown>>;
  return [
    '| app instances | database | load avg (1 min) | requests/s | p50 ms | p99 ms | errors | status codes |',
    '|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.instances} | ${r.database} | ${r.loadavg_1m} | ${r.requests_per_s} | ${r.p50_ms} | ${r.p99_ms} | ${r.errors} | ${JSON.stringify(r.codes)} |`,
    ),
  ].join('\n');
}

// run on its own: `tsx bench/scale.ts` (npm run bench scale goes through bench/run.ts)
if (process.argv[1]?.endsWith('scale.ts')) {
  const out = await benchScale();
  writeFileSync('bench/last-run.json', JSON.stringify({ scale: out }, null, 2));
  console.log(scaleMarkdown(out));
}

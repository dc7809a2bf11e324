// npm run bench:load — load and fault suite (issue 12); not part of `npm test`.
// The server runs as its own process (node --import tsx server/main.ts) on 127.0.0.1, the load generator
// (bench/load-client.mjs, autocannon) as another; a throwaway PostGIS cluster holds the demo data.
//   1. throughput and p50/p99 for tiles, items with bbox and checks at 1/8/32 connections
//   2. a mixed soak with the server's RSS sampled every 5 s
//   3. fault drills: PostgreSQL restarted under load; kill -9 during writes on both engines, then count the
//      acknowledged writes that are missing after a restart.
// Figures go to bench/load-last-run.json and, as Markdown, to stdout and bench/load-last-run.md (copy them into
// docs/benchmarks.md). The comb probe (`npm run bench:load -- comb`) writes its own section of docs/benchmarks.md
// itself, between the `bench:load comb` markers, with the machine and its load average.
// LOAD_DURATION (s per run, default 10) and SOAK_DURATION (default 60) shorten or lengthen it.
/* eslint-disable @typescript-eslint/no-explicit-any -- the figures are plain JSON from child processes and the last run's file, read back loosely */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import pg from 'pg';
import { combPolygon, faultDrillRedline } from '../server/geometry/shapes.fixture';
import { busyRuns, type CpuProfile } from './prof-stalls';
import { startServiceProcess, stopServiceProcess, type ServiceProcess } from './service-process';
import { startCluster, type Cluster } from '../test/setup/pg-cluster';

const DURATION = Number(process.env.LOAD_DURATION ?? 10);
// `npm run bench:load -- kill-pglite` runs only the named parts (throughput, soak, restart, kill-postgis, kill-pglite)
// and merges them into the last run's figures.
const ONLY = process.argv.slice(2);
const want = (part: string) => ONLY.length === 0 || ONLY.includes(part);
const SOAK = Number(process.env.SOAK_DURATION ?? 60);
const TOKEN = 'bench-load-token-0123456789abcdef0123456789';
const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));
const UNLIMITED = Object.fromEntries(
  [
    'RATE_LIMIT_PER_MIN',
    'RATE_LIMIT_READS_PER_MIN',
    'RATE_LIMIT_TILES_PER_MIN',
    'RATE_LIMIT_REGISTER_PER_MIN',
    'RATE_LIMIT_BLOCK_CONFLICTS_PER_MIN',
    'RATE_LIMIT_WRITES_PER_MIN',
  ].map((k) => [k, '100000000']),
);

type Server = ServiceProcess;

/** The real service as a child process; resolves when /api/health answers 200. */
function startService(env: Record<string, string>, readyTimeoutMs = 240_000): Promise<Server> {
  // diagnosis: BENCH_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") go to the server's node; BENCH_SERVER_LOG
  // names a file that receives the server's log (warnings and errors: the cause behind a 5xx)
  return startServiceProcess({
    env: { ADMIN_TOKEN: TOKEN, ...UNLIMITED, ...env },
    nodeArgs: (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean),
    stdout: process.env.BENCH_SERVER_LOG ? openSync(process.env.BENCH_SERVER_LOG, 'a') : 'ignore',
    readyTimeoutMs,
  });
}

/** The directory of BENCH_NODE_ARGS's `--cpu-prof-dir=`, when the server is profiled. */
const PROF_DIR = /--cpu-prof-dir=(\S+)/.exec(process.env.BENCH_NODE_ARGS ?? '')?.[1];

// a profiled server writes its CPU profile on the way out (tens of MB after the demo data's load)
const stopService = (s: Server) => stopServiceProcess(s, 'SIGTERM', PROF_DIR ? 120_000 : 10_000);

const rssMb = (pid: number) => {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : NaN;
};

/** One autocannon run in its own process. */
function loadRun(url: string, scenario: string, connections: number, duration: number): Promise<Record<string, any>> {
  return new Promise((ok, fail) => {
    const p = spawn(process.execPath, ['bench/load-client.mjs', JSON.stringify({ url, scenario, connections, duration })], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.on('exit', (code) => (code === 0 ? ok(JSON.parse(out.trim().split('\n').at(-1)!)) : fail(new Error(`load client exited ${code}`))));
  });
}

/** 1, 5 and 15-minute load averages, as /proc/loadavg prints them (empty where the system has none). */
const loadavg = (): string[] => {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3);
  } catch {
    return []; // not Linux
  }
};

const machine = () => {
  let model = cpus()[0]?.model ?? 'unknown';
  try {
    model = /Model name:\s*(.+)/.exec(execFileSync('lscpu', { encoding: 'utf8' }))?.[1]?.trim() ?? model;
  } catch {
    /* no lscpu */
  }
  const load = loadavg().join(' ');
  return {
    date: new Date().toISOString(),
    nproc: Number(execFileSync('nproc', { encoding: 'utf8' }).trim()),
    cpu: model,
    memory_gib: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    loadavg_at_start: load,
  };
};

// ---- writes under kill -9 --------------------------------------------------------------------------------------

const redline = (id: string) => JSON.stringify(faultDrillRedline(id, `压测 ${id}`));

/** 8 writers POST red lines with their own ids until the server dies; returns the ids acknowledged with 201. */
async function writeUntilKilled(s: Server, run: string, killAfterMs: number) {
  const acked: string[] = [];
  const codes: Record<string, number> = {};
  let n = 0;
  let alive = true;
  const writer = async (w: number) => {
    while (alive) {
      const id = `kill-${run}-${w}-${n++}`;
      try {
        const r = await fetch(`${s.url}/collections/redlines/items`, {
          method: 'POST',
          headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
          body: redline(id),
        });
        if (r.status === 201) acked.push(id);
        codes[r.status] = (codes[r.status] ?? 0) + 1;
        await r.arrayBuffer();
      } catch {
        return; // connection refused or reset: the process is gone
      }
    }
  };
  const writers = Array.from({ length: 8 }, (_, w) => writer(w));
  // the kill is timed from the first acknowledged write: the embedded engine needs its start (WASM, workers) first
  const t0 = Date.now();
  while (acked.length === 0 && Date.now() - t0 < 300_000) await sleep(100);
  const warmup_ms = Date.now() - t0;
  await sleep(killAfterMs);
  s.proc.kill('SIGKILL');
  alive = false;
  await Promise.all(writers);
  await s.exited;
  return { acked, attempted: n, codes, warmup_ms };
}

async function countPresent(url: string, ids: string[]) {
  let present = 0;
  for (let i = 0; i < ids.length; i += 16) {
    const batch = ids.slice(i, i + 16);
    const rs = await Promise.all(
      batch.map((id) =>
        fetch(`${url}/collections/redlines/items/${encodeURIComponent(id)}`).then(async (r) => (await r.arrayBuffer(), r.status)),
      ),
    );
    present += rs.filter((st) => st === 200).length;
  }
  return present;
}

async function killDrill(env: Record<string, string>, runs: number[]) {
  const out = [];
  for (const [i, killAfterMs] of runs.entries()) {
    const s = await startService(env, 900_000);
    const { acked, attempted, codes, warmup_ms } = await writeUntilKilled(s, `${Date.now().toString(36)}${i}`, killAfterMs);
    const t0 = Date.now();
    const again = await startService(env, 900_000);
    const reopen_s = Math.round((Date.now() - t0) / 100) / 10;
    const present = await countPresent(again.url, acked);
    await stopService(again);
    out.push({
      kill_after_ms: killAfterMs,
      first_write_after_ms: warmup_ms,
      codes,
      attempted,
      acknowledged: acked.length,
      present_after_restart: present,
      lost: acked.length - present,
      reopen_s,
    });
    console.log('kill -9', out.at(-1));
  }
  return out;
}

// ---- docs/benchmarks.md ----------------------------------------------------------------------------------------

const DOC = 'docs/benchmarks.md';
const thousands = (n: number) => n.toLocaleString('en-US');

/**
 * The comb probe's figures as Markdown, with the machine. A run whose 1-minute load average at its start was half the
 * cores or more is marked as measured under load (the machine was shared), to be re-run on a quiet machine.
 */
function combSection(combs: any[], m: ReturnType<typeof machine>): string[] {
  const load1 = Number(String(combs[0]?.loadavg_before ?? m.loadavg_at_start).split(' ')[0]);
  const busy = !Number.isFinite(load1) || load1 >= m.nproc / 2;
  const when = String(combs[0]?.date ?? m.date);
  const profiled = combs.some((c) => c.main_thread);
  const out = [
    `Measured ${when.slice(0, 16).replace('T', ' ')} UTC by \`npm run bench:load -- comb\` on ${m.cpu}, nproc ${m.nproc}, ${m.memory_gib} GiB, Node ${m.node}; ` +
      `load average (1/5/15 min) ${combs[0]?.loadavg_before ?? m.loadavg_at_start} before the first comb.` +
      (busy
        ? ` **Measured under load**: the machine was shared (1-minute load average ${load1} on ${m.nproc} cores), so these figures bound the latency from above; re-run on a quiet machine.`
        : ' Quiet machine.'),
    '',
    `| comb | answer | time | health answers | p50 | slowest | load average before → after |${profiled ? ' main thread busy / longest run (CPU profile) |' : ''}`,
    `|---|---|---|---|---|---|---|${profiled ? '---|' : ''}`,
  ];
  for (const c of combs) {
    const statuses = (c.health_statuses as number[]).join(', ');
    const mt = c.main_thread;
    out.push(
      `| ${thousands(c.corners)} corners, ${c.angle_deg === 0 ? 'teeth horizontal' : `turned ${c.angle_deg}°`} | ${c.status}${c.code && c.status >= 400 ? ` \`${c.code}\`` : ''} | ` +
        `${(c.ms / 1000).toFixed(1)} s | ${thousands(c.health_polls)} × ${statuses}${c.resets ? `, ${c.resets} resets` : ''} | ${c.health_p50_ms} ms | ` +
        `**${c.health_slowest_ms >= 1000 ? `${(c.health_slowest_ms / 1000).toFixed(1)} s` : `${c.health_slowest_ms} ms`}** | ${c.loadavg_before ?? '?'} → ${c.loadavg_after ?? '?'} |` +
        (profiled ? ` ${mt ? `${thousands(mt.busy_ms)} ms / **${mt.longest_ms} ms** (${mt.runs[0]?.top[0]?.fn ?? '—'})` : '—'} |` : ''),
    );
  }
  if (profiled)
    out.push(
      '',
      'Main thread: from the server\'s CPU profile (`BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=DIR"`), cut to the upload\'s window ' +
        '(bench/prof-stalls.ts): the time it was not back in its event loop, and its longest such run with the frame of most ' +
        'self time in it. A health check arriving during a run waits for its end.',
    );
  return out;
}

/** Replace what stands between `<!-- bench:load NAME -->` and `<!-- /bench:load NAME -->` in docs/benchmarks.md. */
function writeDocSection(name: string, lines: string[]) {
  const open = `<!-- bench:load ${name} -->`;
  const close = `<!-- /bench:load ${name} -->`;
  const doc = readFileSync(DOC, 'utf8');
  const a = doc.indexOf(open);
  const b = doc.indexOf(close);
  if (a < 0 || b < a) {
    console.warn(`${DOC}: no ${open} … ${close} markers; the figures are in bench/load-last-run.md only`);
    return;
  }
  writeFileSync(DOC, doc.slice(0, a + open.length) + '\n' + lines.join('\n') + '\n' + doc.slice(b));
  console.log(`${DOC}: section ${name} written`);
}

// ---- main ------------------------------------------------------------------------------------------------------

const previous = ONLY.length && existsSync('bench/load-last-run.json') ? JSON.parse(readFileSync('bench/load-last-run.json', 'utf8')) : {};
const result: Record<string, any> = { ...previous, machine: machine() };
console.log('machine', result.machine);
let cluster: Cluster | undefined;
const pgliteDir = mkdtempSync(join(tmpdir(), 'kq-load-pglite-'));
try {
  cluster = await startCluster();
  const admin = new pg.Client({ connectionString: cluster.url('postgres') });
  await admin.connect();
  await admin.query('CREATE DATABASE kq_load');
  await admin.end();
  const dbEnv = { DATABASE_URL: cluster.url('kq_load'), SEED_DEMO: 'true' };

  // 1 + 2: throughput and soak
  const s =
    want('throughput') || want('soak') || want('restart') || want('comb') || want('hostile-memory')
      ? await startService(dbEnv, 600_000)
      : undefined;
  if (s && want('throughput')) {
    const runs = [];
    for (const scenario of ['tiles', 'items', 'checks']) {
      for (const connections of [1, 8, 32]) {
        const r = await loadRun(s.url, scenario, connections, DURATION);
        runs.push(r);
        console.log(JSON.stringify(r));
      }
    }
    result.throughput = runs;
  }
  if (s && want('soak')) {
    const rss: { t_s: number; rss_mb: number }[] = [{ t_s: 0, rss_mb: rssMb(s.proc.pid!) }];
    const t0 = Date.now();
    const sampler = setInterval(() => rss.push({ t_s: Math.round((Date.now() - t0) / 1000), rss_mb: rssMb(s.proc.pid!) }), 5_000);
    const soak = await loadRun(s.url, 'mixed', 16, SOAK);
    clearInterval(sampler);
    await sleep(10_000);
    rss.push({ t_s: Math.round((Date.now() - t0) / 1000), rss_mb: rssMb(s.proc.pid!) });
    result.soak = { ...soak, rss, note: 'last sample 10 s after the load stopped' };
    console.log('soak', JSON.stringify(result.soak));
  }
  if (s && want('comb')) {
    // /api/health latency while a 200,000-corner comb is checked; the client (poller + uploader) is its own process
    const dir = mkdtempSync(join(tmpdir(), 'kq-load-comb-'));
    const combs = [];
    for (const angleDeg of [0, 45]) {
      const file = join(dir, `comb-${angleDeg}.json`);
      writeFileSync(
        file,
        JSON.stringify({ type: 'Feature', properties: { name: 'comb' }, geometry: combPolygon(49_999, { angleDeg, lon: 85, lat: 40 }) }),
      );
      const loadBefore = loadavg().join(' ');
      const out = execFileSync(process.execPath, ['bench/health-probe.mjs', s.url, '/api/checks', file], { encoding: 'utf8' });
      const r = JSON.parse(out.trim().split('\n').at(-1)!);
      combs.push({
        date: new Date().toISOString(),
        loadavg_before: loadBefore,
        loadavg_after: loadavg().join(' '),
        angle_deg: angleDeg,
        corners: 199_998,
        status: r.status,
        ms: Math.round(r.ms),
        health_polls: r.polls,
        health_p50_ms: Math.round(r.p50),
        health_slowest_ms: Math.round(r.slowest),
        health_statuses: r.healthStatuses,
        code: /"code":"([A-Z_]+)"/.exec(String(r.body))?.[1] ?? null,
        message: /"message":"([^"]*)"/.exec(String(r.body))?.[1] ?? null,
        resets: r.resets,
        from_us: r.from_us,
        to_us: r.to_us,
      });
      console.log('comb', JSON.stringify(combs.at(-1)));
    }
    rmSync(dir, { recursive: true, force: true });
    result.comb = combs;
    result.comb_machine = result.machine;
    writeDocSection('comb', combSection(combs, result.machine));
  }
  if (s && want('hostile-memory')) {
    // RSS before and after a hostile corpus (KMZ of 900,000 empty elements, 12 MB one-line CSV, 4 rounds each)
    await sleep(10_000);
    const before = rssMb(s.proc.pid!);
    const kmz = zipSync({ 'doc.kml': strToU8('<kml><Document>' + '<a/>'.repeat(900_000) + '</Document></kml>') }, { level: 6 });
    const csv = Buffer.concat([Buffer.from('经度,纬度\n'), Buffer.alloc(12 * 1024 * 1024, 0x31)]);
    const codes: Record<string, number> = {};
    let peak = before;
    for (let round = 0; round < 4; round++)
      for (const [bytes, name] of [
        [kmz, 'x.kmz'],
        [csv, 'x.csv'],
      ] as const) {
        const form = new FormData();
        form.append('file', new Blob([new Uint8Array(bytes)]), name);
        const r = await fetch(`${s.url}/api/parse`, { method: 'POST', body: form });
        await r.arrayBuffer();
        codes[r.status] = (codes[r.status] ?? 0) + 1;
        peak = Math.max(peak, rssMb(s.proc.pid!));
      }
    await sleep(20_000);
    result.hostile_memory = { rss_before_mb: before, rss_peak_mb: peak, rss_20s_after_mb: rssMb(s.proc.pid!), codes };
    console.log('hostile memory', JSON.stringify(result.hostile_memory));
  }
  if (s && want('restart')) {
    // 3a: PostgreSQL restart under load (reads at 8 connections; stop -m fast at 5 s, start again at 12 s)
    const pid = s.proc.pid!;
    const during = loadRun(s.url, 'reads', 8, 25);
    await sleep(5_000);
    const tStop = Date.now();
    cluster.pause();
    let healthWhileDown: unknown;
    try {
      const h = await fetch(`${s.url}/api/health`);
      healthWhileDown = { status: h.status, body: await h.json() };
    } catch (e) {
      healthWhileDown = String(e);
    }
    await sleep(7_000);
    cluster.resume();
    const tStart = Date.now();
    let recovered_after_s: number | null = null;
    for (let i = 0; i < 300; i++) {
      try {
        if ((await fetch(`${s.url}/collections/blocks/items?limit=1`)).status === 200) {
          recovered_after_s = Math.round((Date.now() - tStart) / 100) / 10;
          break;
        }
      } catch {
        /* server gone? counted below */
      }
      await sleep(100);
    }
    const restartLoad = await during;
    result.db_restart = {
      load: restartLoad,
      down_for_s: Math.round((tStart - tStop) / 100) / 10,
      health_while_down: healthWhileDown,
      process_alive: s.proc.exitCode === null && pid === s.proc.pid,
      recovered_after_restart_s: recovered_after_s,
    };
    console.log('db restart', JSON.stringify(result.db_restart));
  }
  if (s) await stopService(s);
  if (s && want('comb') && PROF_DIR && result.comb) {
    // where the server's main thread blocked during each comb: its CPU profile, cut to the upload's window
    const started = Date.parse(result.machine.date);
    const newest = readdirSync(PROF_DIR)
      // CPU.<date>.<time>.<pid>.<thread id>.<n>.cpuprofile: thread 0 is the main thread (the workers write their own)
      .filter((f) => /\.\d+\.0\.\d+\.cpuprofile$/.test(f))
      .map((f) => join(PROF_DIR, f))
      .filter((f) => statSync(f).mtimeMs >= started)
      .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
    if (newest) {
      const profile = JSON.parse(readFileSync(newest, 'utf8')) as CpuProfile;
      for (const c of result.comb as any[]) {
        const b = busyRuns(profile, { fromUs: c.from_us, toUs: c.to_us, minMs: 1 });
        c.main_thread = { profile: newest, busy_ms: b.busy_ms, longest_ms: b.runs[0]?.ms ?? 0, runs: b.runs.slice(0, 5) };
        console.log('comb main thread', c.angle_deg, JSON.stringify(c.main_thread));
      }
      writeDocSection('comb', combSection(result.comb, result.comb_machine ?? result.machine));
    } else console.warn(`no CPU profile in ${PROF_DIR} newer than the run's start`);
  }

  // 3b: kill -9 during writes, PostGIS then PGlite (the restart also proves the stale data-folder lock is taken over)
  if (want('kill-postgis')) result.kill_postgis = await killDrill({ ...dbEnv, SEED_DEMO: 'false' }, [2_500, 4_000, 6_000]);
  // the embedded engine writes one at a time (and slower): kill later so the writers get through
  if (want('kill-pglite')) result.kill_pglite = await killDrill({ DATA_DIR: pgliteDir, SEED_DEMO: 'false' }, [5_000, 10_000]);
} finally {
  cluster?.stop();
  rmSync(pgliteDir, { recursive: true, force: true });
}

writeFileSync('bench/load-last-run.json', JSON.stringify(result, null, 2));

// Markdown for docs/benchmarks.md
const md: string[] = [];
const m = result.machine as ReturnType<typeof machine>;
md.push(
  `Machine: ${m.date.slice(0, 10)}, ${m.cpu}, nproc ${m.nproc}, ${m.memory_gib} GiB, Node ${m.node}; load average at start ${m.loadavg_at_start}.`,
  '',
);
// each part only if it was measured (now, or in the last run's figures merged above)
if (result.throughput) {
  md.push(
    '| scenario | connections | requests | req/s | p50 ms | p99 ms | max ms | errors / non-2xx |',
    '|---|---|---|---|---|---|---|---|',
  );
  for (const r of result.throughput as any[])
    md.push(
      `| ${r.scenario} | ${r.connections} | ${r.requests} | ${r.rps} | ${r.p50_ms} | ${r.p99_ms} | ${r.max_ms} | ${r.errors} / ${r.non2xx} |`,
    );
}
const so = result.soak as any;
if (so) {
  md.push(
    '',
    `Soak: ${so.duration_s} s, 16 connections, mixed: ${so.requests} requests, ${so.rps} req/s, p50 ${so.p50_ms} ms, p99 ${so.p99_ms} ms, codes ${JSON.stringify(so.codes)}, errors ${so.errors}.`,
  );
  md.push(`RSS (MB) every 5 s: ${so.rss.map((x: any) => `${x.t_s}s ${x.rss_mb}`).join(' · ')}.`);
}
const dr = result.db_restart as any;
if (dr)
  md.push(
    '',
    `Database restart under load: ${JSON.stringify(dr.load.codes)}, errors ${dr.load.errors}; down ${dr.down_for_s} s; health while down ${JSON.stringify((dr.health_while_down as any)?.status)}; process alive ${dr.process_alive}; reads answered 200 again ${dr.recovered_after_restart_s} s after PostgreSQL started.`,
  );
if (result.comb) md.push('', ...combSection(result.comb, result.comb_machine ?? result.machine));
const hm = result.hostile_memory as any;
if (hm)
  md.push(
    `Hostile corpus (4 × KMZ of 900,000 elements + 12 MB one-line CSV): answers ${JSON.stringify(hm.codes)}; RSS ${hm.rss_before_mb} MB before, peak ${hm.rss_peak_mb} MB, ${hm.rss_20s_after_mb} MB 20 s after.`,
  );
for (const [name, rows] of [
  ['PostGIS', result.kill_postgis],
  ['PGlite', result.kill_pglite],
] as const) {
  for (const r of (rows ?? []) as any[])
    md.push(
      `kill -9 (${name}) ${r.kill_after_ms} ms after the first acknowledged write (${r.first_write_after_ms ?? '?'} ms after start): ${r.acknowledged} acknowledged, ${r.present_after_restart} present after restart, **acknowledged writes lost: ${r.lost}**; reopened in ${r.reopen_s} s.`,
    );
}
console.log('\n' + md.join('\n'));
writeFileSync('bench/load-last-run.md', md.join('\n') + '\n');

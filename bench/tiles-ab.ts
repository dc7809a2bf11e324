/**
 * Warm tiles, before and after (issue 17): two checkouts of the service run side by side on one database, their tile
 * caches filled, and the same tile lists sent to each in turn (autocannon in its own process, 8 connections, 3-s runs
 * alternating A B, B A, …), so a shared machine's load weighs on both alike. Whole-grid runs move by ±0.3 on the ratios
 * between runs; a change of 10–30 % on the warm path shows here, paired.
 *
 *   TILES_AB_BASE=/path/to/other/checkout npx tsx bench/tiles-ab.ts
 *
 * A is TILES_AB_BASE (e.g. `git worktree add /tmp/base <commit>` with node_modules linked), B this checkout.
 * TILES_AB_SETS (layer:zoom, comma list; default redlines:12,blocks:12,boundaries:14,protected-areas:13) and
 * TILES_AB_ROUNDS (default 3) narrow or widen it; TILES_AB_COLD=1 compares cold tiles instead (both caches off: every
 * tile rendered by PostGIS). Prints per set each run's tiles/s and the service's CPU µs a tile.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCluster } from '../test/setup/pg-cluster';
import { freshBenchDatabase } from './databases';
import { startServer } from '../server/server';
import { startServiceProcess, stopServiceProcess, type ServiceProcess } from './service-process';
import { tilesCovering } from './tiles.bench';

const QINSHUI = [112.0, 35.4, 113.2, 36.4];

/** CPU seconds a process has used (utime + stime). */
function cpuOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12])) / 100;
}

interface Load {
  requests: number;
  tiles_per_s: number;
  errors: number;
  non2xx: number;
}

/** One autocannon run in its own process (bench/tiles-load-client.mjs). */
function loadRun(url: string, pathsFile: string, duration: number): Promise<Load> {
  return new Promise((ok, fail) => {
    const arg = JSON.stringify({ url, pathsFile, connections: 8, duration, headers: {} });
    const p = spawn(process.execPath, ['bench/tiles-load-client.mjs', arg], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.on('exit', (code) =>
      code === 0 ? ok(JSON.parse(out.trim().split('\n').at(-1)!) as Load) : fail(new Error(`load client exited ${code}`)),
    );
  });
}

const base = process.env.TILES_AB_BASE;
if (!base) throw new Error('TILES_AB_BASE: the other checkout to compare with');
const cluster = await startCluster();
const url = await freshBenchDatabase(cluster.url('postgres'), 'kq_tiles_ab');
const seed = await startServer({ DATABASE_URL: url, PORT: '0', LOG_LEVEL: 'silent', SEED_DEMO: 'true' });
await seed.close();
const cold = process.env.TILES_AB_COLD === '1';
const env = { DATABASE_URL: url, SEED_DEMO: 'false', RATE_LIMIT_TILES_PER_MIN: '100000000', TILE_CACHE_MB: cold ? '0' : '512' };
const services: Record<'A' | 'B', ServiceProcess> = {
  A: await startServiceProcess({ env, cwd: base }),
  B: await startServiceProcess({ env }),
};
const dir = mkdtempSync(join(tmpdir(), 'kq-tiles-ab-'));
const sets = (process.env.TILES_AB_SETS ?? 'redlines:12,blocks:12,boundaries:14,protected-areas:13').split(',');
const rounds = Number(process.env.TILES_AB_ROUNDS ?? 3);
try {
  for (const set of sets) {
    const [layer, z] = set.split(':');
    const paths = tilesCovering(Number(z), QINSHUI).map(([tz, x, y]) => `/tiles/${layer}/${tz}/${x}/${y}.mvt`);
    const file = join(dir, `${layer}-${z}.txt`);
    writeFileSync(file, paths.join('\n'));
    // every tile once into both caches (cold: once through each service), then a short run each (connections open, code warm)
    for (const s of Object.values(services)) for (const p of paths) await (await fetch(s.url + p)).arrayBuffer();
    for (const s of Object.values(services)) await loadRun(s.url, file, 1);
    const out = {
      A: { tiles_per_s: [] as number[], service_us: [] as number[] },
      B: { tiles_per_s: [] as number[], service_us: [] as number[] },
    };
    for (let r = 0; r < rounds; r++)
      for (const name of r % 2 ? (['B', 'A'] as const) : (['A', 'B'] as const)) {
        const s = services[name];
        const c0 = cpuOf(s.proc.pid!);
        const load = await loadRun(s.url, file, 3);
        const cpu = cpuOf(s.proc.pid!) - c0;
        if (load.errors || load.non2xx) throw new Error(`${name} ${set}: ${JSON.stringify(load)}`);
        out[name].tiles_per_s.push(load.tiles_per_s);
        out[name].service_us.push(Math.round((cpu / load.requests) * 1e6));
      }
    console.log(cold ? 'cold' : 'warm', set, JSON.stringify(out));
  }
} finally {
  for (const s of Object.values(services)) await stopServiceProcess(s, 'SIGTERM', 5000);
  cluster.stop();
}

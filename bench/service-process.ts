// The real service as a child process on loopback, for the benchmarks (tiles, load and faults, scale): one way to
// start it, wait for its health and stop it, so each bench names only what differs (database, budgets, node flags).
import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from '../test/setup/pg-cluster';

export interface ServiceProcess {
  url: string;
  proc: ChildProcess;
  /** the exit code (null when killed by a signal) */
  exited: Promise<number | null>;
}

export interface ServiceProcessOptions {
  /** on top of the process's own environment and the bench defaults (loopback, warn logs, production, no page) */
  env: Record<string, string>;
  /** flags for the service's node (e.g. --cpu-prof) */
  nodeArgs?: string[];
  /** the checkout to run (another commit's `git archive`, for a before/after) */
  cwd?: string;
  /** where the service's stdout (its log) goes: a file descriptor, or nowhere */
  stdout?: number | 'ignore';
  readyTimeoutMs?: number;
}

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/** Start `server/main.ts` on a free port; resolves when `/api/health` answers 200, throws with its stderr if not. */
export async function startServiceProcess(o: ServiceProcessOptions): Promise<ServiceProcess> {
  const port = await freePort();
  const proc = spawn(process.execPath, [...(o.nodeArgs ?? []), '--import', 'tsx', 'server/main.ts'], {
    cwd: o.cwd ?? process.cwd(),
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      STATIC_DIR: 'dist/none',
      ...o.env,
    },
    stdio: ['ignore', o.stdout ?? 'ignore', 'pipe'],
  });
  let stderr = '';
  proc.stderr!.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
  const exited = new Promise<number | null>((ok) => proc.on('exit', (code) => ok(code)));
  const url = `http://127.0.0.1:${port}`;
  const t0 = Date.now();
  const readyTimeoutMs = o.readyTimeoutMs ?? 120_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`service exited during start: ${stderr}`);
    try {
      if ((await fetch(`${url}/api/health`)).status === 200) return { url, proc, exited };
    } catch {
      /* not listening yet */
    }
    if (Date.now() - t0 > readyTimeoutMs) throw new Error(`service not ready: ${stderr}`);
    await sleep(250);
  }
}

/**
 * Stop it with `signal` (server/main.ts closes and exits 0, so a --cpu-prof profile gets written), SIGKILL after
 * `graceMs` (a profiled server writes tens of MB on the way out: give it longer).
 */
export async function stopServiceProcess(s: ServiceProcess, signal: NodeJS.Signals = 'SIGINT', graceMs = 10_000) {
  if (s.proc.exitCode === null) {
    s.proc.kill(signal);
    await Promise.race([s.exited, sleep(graceMs)]);
    if (s.proc.exitCode === null) s.proc.kill('SIGKILL');
  }
  await s.exited;
}

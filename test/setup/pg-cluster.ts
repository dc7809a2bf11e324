import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A throwaway PostgreSQL + PostGIS cluster from Debian's binaries (initdb + pg_ctl), no Docker. */
export interface Cluster {
  url: (db: string) => string;
  stop(): void;
  /** stop the server, keep the data (`pg_ctl stop -m fast`: backends get 57P01, as in a restart) */
  pause(): void;
  /** start it again on the same port and data */
  resume(): void;
}

export const PG_BIN = '/usr/lib/postgresql/15/bin';
const BIN = PG_BIN;

/** A free TCP port on loopback (also used by the load benchmark for its server). */
export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
    s.on('error', fail);
  });
}

/** initdb refuses to run as root: run the cluster as the `postgres` user then. */
export function asPostgres(cmd: string, args: string[]) {
  const isRoot = process.getuid?.() === 0;
  const [file, argv] = isRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
  const r = spawnSync(file, argv, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.stdout}`);
}

/** A new data directory (initdb, trust, UTF-8) in a fresh temporary folder owned by `postgres`. */
export function initCluster(prefix: string): { dir: string; data: string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  if (process.getuid?.() === 0) execFileSync('chown', ['-R', 'postgres:postgres', dir]);
  const data = join(dir, 'data');
  asPostgres(join(BIN, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  return { dir, data };
}

/** `pg_ctl start` of `data` on loopback `port`, its socket and log in `dir`, with `settings` (`-c k=v …`). */
export function pgCtlStart(dir: string, data: string, port: number, settings: string, timeoutS: number) {
  asPostgres(join(BIN, 'pg_ctl'), [
    '-D',
    data,
    '-l',
    join(dir, 'log'),
    '-w',
    '-t',
    String(timeoutS),
    'start',
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 ${settings}`,
  ]);
}

export async function startCluster(): Promise<Cluster> {
  if (!existsSync(join(BIN, 'initdb'))) {
    throw new Error('PostgreSQL 15 binaries not found: run `node scripts/provision.mjs` (installs postgresql-15-postgis-3)');
  }
  const { dir, data } = initCluster('kq-pg-');
  const port = await freePort();
  const start = () =>
    pgCtlStart(
      dir,
      data,
      port,
      '-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 -c shared_buffers=256MB',
      60,
    );
  start();
  void chownSync;
  return {
    url: (db) => `postgres://postgres@127.0.0.1:${port}/${db}`,
    pause: () => asPostgres(join(BIN, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']),
    resume: start,
    stop() {
      try {
        asPostgres(join(BIN, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

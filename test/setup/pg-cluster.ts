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

const BIN = '/usr/lib/postgresql/15/bin';

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
function asPostgres(cmd: string, args: string[]) {
  const isRoot = process.getuid?.() === 0;
  const [file, argv] = isRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
  const r = spawnSync(file, argv, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.stdout}`);
}

export async function startCluster(): Promise<Cluster> {
  if (!existsSync(join(BIN, 'initdb'))) {
    throw new Error('PostgreSQL 15 binaries not found: run `node scripts/provision.mjs` (installs postgresql-15-postgis-3)');
  }
  const dir = mkdtempSync(join(tmpdir(), 'kq-pg-'));
  if (process.getuid?.() === 0) execFileSync('chown', ['-R', 'postgres:postgres', dir]);
  const data = join(dir, 'data');
  const port = await freePort();
  asPostgres(join(BIN, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  const start = () =>
    asPostgres(join(BIN, 'pg_ctl'), [
      '-D',
      data,
      '-l',
      join(dir, 'log'),
      '-w',
      '-t',
      '60',
      'start',
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 -c shared_buffers=256MB`,
    ]);
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

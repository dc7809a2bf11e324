import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/**
 * One process per embedded data folder (issue 12, F9: two processes on one `DATA_DIR` both started, and one's
 * acknowledged writes were lost). A lock file holding `{pid, host, started}` is created atomically (`wx`); a second
 * process finds it and refuses to start. A lock left by a process that no longer runs (kill -9, power loss) is stale
 * and is taken over.
 */
export const LOCK_FILE = 'kuangquan.lock';

export class DataDirLockedError extends Error {
  readonly code = 'DATA_DIR_LOCKED';
  constructor(
    readonly dir: string,
    readonly holder: { pid: number; host: string; started?: string },
  ) {
    super(
      `数据目录 ${dir} 正被另一个进程使用（pid ${holder.pid}，主机 ${holder.host}），不能同时打开；请先停止该进程，或设置另一个 DATA_DIR。 / ` +
        `The data folder ${dir} is in use by another process (pid ${holder.pid} on ${holder.host}); two processes must not open it. ` +
        `Stop that process or set another DATA_DIR. (If no such process runs, delete ${join(dir, LOCK_FILE)}.)`,
    );
    this.name = 'DataDirLockedError';
  }
}

interface Holder {
  pid: number;
  host: string;
  started?: string;
}

/** Does process `pid` run on this machine (and is it plausibly a Node process, not a recycled pid)? */
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    // Linux: a pid reused by an unrelated program after a crash is not the lock holder
    const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return /node|tsx|vitest/.test(cmd);
  } catch {
    return true;
  }
}

function readHolder(file: string): Holder | undefined {
  try {
    const h = JSON.parse(readFileSync(file, 'utf8')) as Holder;
    return typeof h.pid === 'number' ? h : undefined;
  } catch {
    return undefined;
  }
}

/** Take the folder's lock or throw DataDirLockedError. Returns the release function (idempotent). */
export function lockDataDir(dir: string): () => void {
  const file = join(dir, LOCK_FILE);
  const me: Holder = { pid: process.pid, host: hostname(), started: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number;
    try {
      fd = openSync(file, 'wx');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = readHolder(file);
      // held by a live process on this host (another host sharing the folder over a network drive: trust the file)
      if (holder && holder.pid !== process.pid && (holder.host !== me.host || processAlive(holder.pid)))
        throw new DataDirLockedError(dir, holder);
      if (holder && holder.pid === process.pid) throw new DataDirLockedError(dir, holder); // opened twice in one process
      rmSync(file, { force: true }); // stale (holder gone) or unreadable (crash while writing it)
      continue;
    }
    writeSync(fd, JSON.stringify(me));
    closeSync(fd);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (readHolder(file)?.pid === process.pid) rmSync(file, { force: true });
    };
  }
  throw new DataDirLockedError(dir, readHolder(file) ?? { pid: -1, host: 'unknown' });
}

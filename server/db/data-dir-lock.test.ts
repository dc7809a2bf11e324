import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, LOCK_FILE, lockDataDir } from './data-dir-lock';
import { createPgliteDb } from './pglite';

const dirs: string[] = [];
const fresh = () => {
  const d = mkdtempSync(join(tmpdir(), 'kq-lock-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('data folder lock', () => {
  it('writes pid and host, refuses a second opener in the same process, and releases', () => {
    const dir = fresh();
    const release = lockDataDir(dir);
    const held = JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8'));
    expect(held).toMatchObject({ pid: process.pid, host: hostname() });
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    lockDataDir(dir)();
  });

  it('refuses while another live node process holds it, with a message in both languages', async () => {
    const dir = fresh();
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)']);
    try {
      writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: child.pid, host: hostname() }));
      let err: unknown;
      try {
        lockDataDir(dir);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(DataDirLockedError);
      expect((err as Error).message).toContain('正被另一个进程使用');
      expect((err as Error).message).toContain(`in use by another process (pid ${child.pid}`);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('takes over a stale lock left by a process that is gone (kill -9) or a half-written file', async () => {
    const dir = fresh();
    const child = spawn(process.execPath, ['-e', '0']);
    await new Promise((ok) => child.on('exit', ok));
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: child.pid, host: hostname() }));
    const release = lockDataDir(dir);
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    release();
    writeFileSync(join(dir, LOCK_FILE), '{"pi');
    lockDataDir(dir)();
  });

  it('stops the embedded engine from opening a folder another opener holds, before touching its files', async () => {
    const dir = fresh();
    const release = lockDataDir(dir);
    try {
      await expect(createPgliteDb(dir)).rejects.toThrow(DataDirLockedError);
    } finally {
      release();
    }
  });
});

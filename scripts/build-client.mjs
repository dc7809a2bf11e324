#!/usr/bin/env node
// Build the page only when its sources changed (issue 17: `npm start` rebuilt the client on every start).
// The hash covers everything the bundle is made from: client/, server/ (the page imports the vocabulary, the DMS
// codec and the contract from it: a change there must rebuild the page), vite.config.ts, package-lock.json.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'dist/client');
const stamp = join(out, '.source-hash');

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : files(p);
    return e.isFile() && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

const h = createHash('sha256');
for (const f of [
  ...files(join(root, 'client')),
  ...files(join(root, 'server')),
  join(root, 'vite.config.ts'),
  join(root, 'package-lock.json'),
].sort()) {
  if (!existsSync(f) || !statSync(f).isFile()) continue;
  h.update(relative(root, f)).update('\0').update(readFileSync(f)).update('\0');
}
const hash = h.digest('hex');

const force = process.argv.includes('--force');
if (!force && existsSync(stamp) && existsSync(join(out, 'index.html')) && readFileSync(stamp, 'utf8').trim() === hash) {
  console.log('client: up to date (dist/client), not rebuilt');
  process.exit(0);
}
const r = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
if (r.status !== 0) process.exit(r.status ?? 1);
writeFileSync(stamp, hash + '\n');

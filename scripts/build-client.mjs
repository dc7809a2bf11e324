#!/usr/bin/env node
// Build the page only when its sources changed (issue 17: `npm start` rebuilt the client on every start).
// The hash covers everything the bundle is made from: client/, the files outside it that the page imports (server/vocab,
// server/contract, server/geodesy … followed through their own relative imports), vite.config.ts, package-lock.json.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
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

/** The client's files plus every file they reach by relative imports (a regex walk: enough for our import style). */
function sources() {
  const seen = new Set(files(join(root, 'client')));
  const queue = [...seen];
  const spec = /(?:import|export)\s[^'"]*?from\s*['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g;
  while (queue.length) {
    const f = queue.pop();
    if (!/\.(tsx?|mjs|js)$/.test(f)) continue;
    for (const m of readFileSync(f, 'utf8').matchAll(spec)) {
      const base = join(dirname(f), m[1] ?? m[2]);
      const hit = [base, `${base}.ts`, `${base}.tsx`, base.replace(/\.js$/, '.ts'), join(base, 'index.ts')].find(
        (c) => existsSync(c) && statSync(c).isFile(),
      );
      if (hit && !seen.has(hit)) {
        seen.add(hit);
        queue.push(hit);
      }
    }
  }
  return [...seen];
}

const h = createHash('sha256');
for (const f of [...sources(), join(root, 'vite.config.ts'), join(root, 'package-lock.json')].sort()) {
  if (!existsSync(f) || !statSync(f).isFile()) continue;
  h.update(relative(root, f)).update('\0').update(readFileSync(f)).update('\0');
}
// `--list`: the files outside client/ that the page is built from (what the hash follows)
if (process.argv.includes('--list')) {
  for (const f of sources()
    .map((p) => relative(root, p))
    .filter((p) => !p.startsWith('client/'))
    .sort())
    console.log(f);
  process.exit(0);
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

#!/usr/bin/env node
// Provision what `npm test` needs on a fresh Debian machine, only where it is missing:
//   postgresql-15-postgis-3  (the real PostGIS the API and browser suites talk to)
//   chromium                 (browser tests via playwright-core; no browser is ever downloaded)
//   fonts-noto-cjk           (Chinese labels in screenshots)
//   gdal-bin, python3-owslib (real OGC API clients: GDAL's OAPIF driver and OWSLib, test/api/ogc-clients.test.ts)
//   fonts-wqy-microhei       (TrueType CJK font report PDFs embed as a subset; Noto CJK's CFF becomes Type 3, ~6× larger)
//   poppler-utils            (pdftotext / pdftoppm / pdfdetach read the report PDFs in the API tests)
// Then build the client once if it is not built (the browser suite serves dist/client).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const need = [];
if (!existsSync('/usr/lib/postgresql/15/bin/initdb') || !existsSync('/usr/share/postgresql/15/extension/postgis.control'))
  need.push('postgresql-15-postgis-3');
if (!existsSync('/usr/bin/chromium')) need.push('chromium');
if (!existsSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc')) need.push('fonts-noto-cjk');
if (!existsSync('/usr/bin/ogr2ogr')) need.push('gdal-bin');
if (!existsSync('/usr/lib/python3/dist-packages/owslib')) need.push('python3-owslib');
if (!existsSync('/usr/share/fonts/truetype/wqy/wqy-microhei.ttc')) need.push('fonts-wqy-microhei');
if (!existsSync('/usr/bin/pdftotext')) need.push('poppler-utils');
if (!existsSync('/usr/bin/cs2cs')) need.push('proj-bin'); // PROJ's cs2cs: the CRS definitions are checked against it

if (need.length) {
  const isRoot = process.getuid?.() === 0;
  const sudo = isRoot ? [] : ['sudo', '-n'];
  console.log(`[provision] installing ${need.join(', ')}`);
  const run = (args) => {
    const [cmd, ...rest] = [...sudo, ...args];
    const r = spawnSync(cmd, rest, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (r.status !== 0) {
      console.error(`[provision] failed: ${args.join(' ')} — install ${need.join(', ')} by hand`);
      process.exit(1);
    }
  };
  run(['apt-get', 'update', '-qq']);
  run(['apt-get', 'install', '-y', '-qq', '--no-install-recommends', ...need]);
} else {
  console.log('[provision] PostgreSQL 15 + PostGIS, Chromium, CJK fonts, poppler-utils, PROJ, GDAL and OWSLib present');
}

// the browser suite tests the built page: rebuild it whenever its sources changed (a stale bundle would test old code)
execFileSync(process.execPath, ['scripts/build-client.mjs', ...(process.env.CI ? ['--force'] : [])], { stdio: 'inherit' });

/**
 * Real OGC API – Features clients against the base URL README gives GIS users (`/api`): GDAL's OAPIF
 * driver (Debian gdal-bin, behind QGIS) and OWSLib (Debian python3-owslib, behind QGIS MetaSearch).
 * scripts/provision.mjs installs both.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestServer } from '../helpers/server';

const srv = useTestServer();
let dir = '';
// async: the service runs in this process, so a blocking spawn would starve it
const run = async (cmd: string, args: string[]) =>
  (await promisify(execFile)(cmd, args, { encoding: 'utf8', timeout: 120_000, env: { ...process.env, CPL_DEBUG: 'OFF' } })).stdout;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kq-ogc-'));
});
afterAll(async () => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('GDAL OAPIF driver', () => {
  it('lists every collection from the base URL', async () => {
    const out = await run('ogrinfo', ['-ro', '-q', `OAPIF:${srv.url}/api`]);
    for (const id of ['blocks', 'reserves', 'protected-areas', 'redlines', 'wells', 'pipelines', 'boundaries'])
      expect(out).toContain(`${id} `);
  });
  it('copies blocks to GeoPackage with every feature and typed fields', async () => {
    const expected = (await (await fetch(`${srv.url}/api/collections/blocks/items?limit=1`)).json()).numberMatched;
    const gpkg = join(dir, 'blocks.gpkg');
    await run('ogr2ogr', ['-f', 'GPKG', gpkg, `OAPIF:${srv.url}/api`, 'blocks']);
    const info = await run('ogrinfo', ['-ro', '-so', gpkg, 'blocks']);
    expect(info).toContain(`Feature Count: ${expected}`);
    expect(info).toMatch(/valid_to: Date/);
    expect(info).toMatch(/area_km2: Real/);
    expect(info).toMatch(/name: String/);
    expect(info).toMatch(/recorded_from: DateTime/);
  });
});

describe('OWSLib', () => {
  it('walks landing → conformance → collections → items with a bbox', async () => {
    const script = `
import json, sys
from owslib.ogcapi.features import Features
w = Features(sys.argv[1])
links = [l['rel'] for l in w.links]
conf = w.conformance()['conformsTo']
cols = [c['id'] for c in w.collections()['collections']]
items = w.collection_items('blocks', bbox=[112.3, 35.5, 112.9, 36.1], limit=50)
print(json.dumps({'links': links, 'core': any(c.endswith('/conf/core') for c in conf), 'cols': cols,
  'n': items['numberReturned'], 'inside': all(f['geometry'] and 'crs' not in f['geometry'] for f in items['features'])}))
`;
    const r = JSON.parse(await run('/usr/bin/python3', ['-c', script, `${srv.url}/api`]));
    expect(r.links).toEqual(expect.arrayContaining(['conformance', 'data', 'service-desc']));
    expect(r.core).toBe(true);
    expect(r.cols).toEqual(expect.arrayContaining(['blocks', 'protected-areas', 'redlines', 'wells']));
    expect(r.n).toBeGreaterThan(0);
    expect(r.inside).toBe(true);
  });
});

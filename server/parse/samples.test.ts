import * as GL from 'geographiclib-geodesic';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE_NAME, sampleLonLat } from '../../data/samples/block';
import { parseUpload } from './index';

const dir = join(__dirname, '../../data/samples');
const lib = ((GL as unknown as { default?: typeof GL }).default ?? GL) as typeof GL;

/** The reference: GeographicLib PolygonArea on the CGCS2000 ellipsoid, straight from the canonical corners. */
function geographicLibKm2(outerOnly = false): number {
  const g = new lib.Geodesic.Geodesic(6378137, 1 / 298.257222101);
  const rings = sampleLonLat().coordinates.map((r) => {
    const p = g.Polygon(false);
    for (const [lon, lat] of r.slice(0, -1)) p.AddPoint(lat, lon);
    return Math.abs(p.Compute(false, true).area!);
  });
  return (rings[0] - (outerOnly ? 0 : rings[1])) / 1e6;
}

/** Every file named sample-* encodes the sample block; demo-* files sit over the demo data (tested through the API). */
const samples = readdirSync(dir).filter((f) => f.startsWith('sample') && !f.endsWith('.ts') && !f.endsWith('.md'));
const hints = (f: string) => (f.includes('noprefix') ? { centralMeridian: 114 } : {});
/** Files that carry the outer ring only (a pasted point list has no ring numbers). */
const OUTER_ONLY = new Set(['sample-point-list-circled.txt']);
/** The warnings a variant is meant to raise (and nothing else). */
const EXPECTED_WARNINGS: Record<string, string[]> = {
  'sample-two-groups.csv': ['PARSE_GROUPS_READ'],
  'sample-packed-dms.csv': ['PARSE_PACKED_DMS'],
  'sample-guotu-fullwidth-tab.txt': ['PARSE_POINT_COUNT_SHORT', 'PARSE_ROW_SKIPPED'],
};

describe('sample files: one block, every format', () => {
  const ref = geographicLibKm2();
  const canon = sampleLonLat().coordinates.map((r) => r.slice(0, -1));

  it('has a sample for every input format', async () => {
    const formats = new Set<string>();
    for (const f of samples) formats.add((await parseUpload(readFileSync(join(dir, f)), f, hints(f))).format);
    expect([...formats].sort()).toEqual(['csv', 'geojson', 'guotu-txt', 'kml', 'kmz', 'shp', 'xlsx']);
    expect(ref).toBeGreaterThan(30);
    expect(ref).toBeLessThan(60);
  });

  it.each(samples)('%s gives the same block and area (1e-6 relative to GeographicLib)', async (f) => {
    const r = await parseUpload(readFileSync(join(dir, f)), f, hints(f));
    const outerOnly = OUTER_ONLY.has(f);
    expect(Math.abs(r.area_km2 / (outerOnly ? geographicLibKm2(true) : ref) - 1)).toBeLessThan(1e-6);
    expect(r.parcels).toHaveLength(1);
    expect(r.parcels[0].rings).toHaveLength(outerOnly ? 1 : 2);
    expect(r.parcels[0].vertex_count).toBe(outerOnly ? 7 : 11);
    expect(r.geometry.type).toBe('Polygon');
    if (!/dms-columns|gk-zone38\.csv|noprefix|two-groups|point-list/.test(f)) expect(r.parcels[0].name).toBe(SAMPLE_NAME);
    expect([...new Set(r.warnings.map((w) => w.code).filter((c) => c !== 'PARSE_ORIENTATION_FIXED'))].sort()).toEqual(
      EXPECTED_WARNINGS[f] ?? [],
    );
    if (f.includes('guotu')) expect(r.parcels[0].declared_area).toMatchObject({ unit: 'ha', agrees: true });
    // Every corner within the file's precision (DMS to 0.0001″ ≈ 1.4e-8°).
    r.parcels[0].rings.forEach((ring, i) => {
      expect(ring[0]).toEqual(ring[ring.length - 1]);
      expect(ring.length - 1).toBe(canon[i].length);
      for (const [lon, lat] of canon[i]) expect(ring.some(([a, b]) => Math.abs(a - lon) < 2e-8 && Math.abs(b - lat) < 2e-8)).toBe(true);
    });
  });

  it('reports the source CRS', async () => {
    const crs = async (f: string) => (await parseUpload(readFileSync(join(dir, f)), f, hints(f))).crs;
    expect(await crs('sample-guotu-gbk.txt')).toBe(4526);
    expect(await crs('sample-gk-zone38-gbk.shp.zip')).toBe(4526);
    expect(await crs('sample-gk-noprefix-cm114.csv')).toBe(4547);
    expect(await crs('sample.geojson')).toBe(4490);
  });
});

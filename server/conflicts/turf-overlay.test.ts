import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as GL from 'geographiclib-geodesic';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { turfOverlay, unionAreaKm2, type OverlayFeature } from './turf-overlay';

// independent measure: our own GeographicLib on the CGCS2000 ellipsoid, on the fixtures' hand-written corners
type GLib = typeof GL;
const lib: GLib = ((GL as unknown as { default?: GLib }).default ?? GL) as GLib;
const geod = new lib.Geodesic.Geodesic(6378137, 1 / 298.257222101);
const ringM2 = (r: Position[]) => {
  const p = geod.Polygon(false);
  for (const [lon, lat] of r.slice(0, -1)) p.AddPoint(lat, lon);
  return Math.abs(p.Compute(false, true).area ?? 0);
};
const km2 = (g: Polygon | MultiPolygon) =>
  (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).reduce(
    (s, rs) => s + ringM2(rs[0]) - rs.slice(1).reduce((h, r) => h + ringM2(r), 0),
    0,
  ) / 1e6;

const fixture = (name: string) =>
  JSON.parse(readFileSync(join(import.meta.dirname, '../../test/fixtures/conflicts', `${name}.geojson`), 'utf8'));
const polygonsOf = (fx: any): OverlayFeature[] =>
  fx.features
    .filter((f: any) => ['blocks', 'protected-areas', 'redlines'].includes(f.properties.collection))
    .map((f: any) => ({ collection: f.properties.collection, id: f.id, geometry: f.geometry }));
const rel = (a: number, b: number) => Math.abs(a - b) / b;

describe('turfOverlay on the hand-written fixtures', () => {
  for (const name of ['rights', 'protected-areas', 'redlines']) {
    const fx = fixture(name);
    const check = fx.checks[0];
    it(`${name}: each overlap equals the hand-derived polygon's ellipsoidal area (holes, multipolygons, touching excluded)`, () => {
      const r = turfOverlay(check.request.input, polygonsOf(fx));
      for (const e of check.expected.filter((x: any) => x.overlap)) {
        const o = r.overlaps.find((x) => x.id === e.id);
        expect(o, e.id).toBeDefined();
        expect(rel(o!.overlap_area_km2, km2(e.overlap))).toBeLessThan(1e-9);
      }
      for (const id of check.absent ?? []) expect(r.overlaps.find((x) => x.id === id)).toBeUndefined();
      expect(rel(r.input_area_km2, km2(check.request.input))).toBeLessThan(1e-12);
    });
  }
  it('counts a place covered twice once in a collection union', () => {
    const fx = fixture('redlines');
    const check = fx.checks[0];
    const r = turfOverlay(check.request.input, polygonsOf(fx));
    const want = check.summary['protected-areas'].union.reduce((s: number, g: Polygon) => s + km2(g), 0);
    expect(rel(r.union_km2['protected-areas'], want)).toBeLessThan(1e-9);
    const sum = r.overlaps.filter((o) => o.collection === 'protected-areas').reduce((s, o) => s + o.overlap_area_km2, 0);
    expect(sum).toBeGreaterThan(r.union_km2['protected-areas'] * 1.05);
    const all = check.summary.deductible.reduce((s: number, g: Polygon) => s + km2(g), 0);
    expect(rel(unionAreaKm2(r.overlaps.filter((o) => o.collection !== 'blocks').map((o) => o.geometry)), all)).toBeLessThan(1e-9); // all deducted for a new right
  });
  it('is empty for an input far from every feature', () => {
    const fx = fixture('rights');
    const far: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [100, 30],
          [100.1, 30],
          [100.1, 30.1],
          [100, 30.1],
          [100, 30],
        ],
      ],
    };
    expect(turfOverlay(far, polygonsOf(fx)).overlaps).toEqual([]);
  });
});

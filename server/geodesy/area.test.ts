import { area as turfArea, polygon } from '@turf/turf';
import * as GL from 'geographiclib-geodesic';
import { describe, expect, it } from 'vitest';
import { ellipsoidalAreaKm2, ringAreaM2 } from './area';
import { gkConverter, gkCrsByEpsg } from './crs';

const lib = ((GL as unknown as { default?: typeof GL }).default ?? GL) as typeof GL;

function gkSquare(epsg: number, x0: number, y0: number, side: number) {
  const conv = gkConverter(gkCrsByEpsg(epsg)!);
  const c = [
    [x0, y0],
    [x0, y0 + side],
    [x0 + side, y0 + side],
    [x0 + side, y0],
  ].map(([x, y]) => conv(x, y));
  return [...c, c[0]];
}

describe('ellipsoidalAreaKm2', () => {
  it('matches GeographicLib on the GRS80 ellipsoid and differs from turf (sphere) at 40°N', () => {
    const ring = gkSquare(4527, 4428000, 39744000, 2000); // ~40°N, ~2.9° east of CM 117
    const g = new lib.Geodesic.Geodesic(6378137, 1 / 298.257222101);
    const p = g.Polygon(false);
    for (const [lon, lat] of ring.slice(0, -1)) p.AddPoint(lat, lon);
    const ref = Math.abs(p.Compute(false, true).area!);
    expect(ringAreaM2(ring)).toBeCloseTo(ref, 6);
    expect(ellipsoidalAreaKm2({ type: 'Polygon', coordinates: [ring] }) * 1e6).toBeCloseTo(ref, 6);
    // GK planar area is 4,000,000 m²; scale error at ~2.9° from the CM is ~0.15 %.
    expect(ref / 4e6 - 1).toBeLessThan(-0.001);
    const sphere = turfArea(polygon([ring]));
    expect(Math.abs(sphere / ref - 1)).toBeGreaterThan(1e-4);
  });

  it('subtracts holes, ignores orientation and closing vertices, sums multipolygons', () => {
    const outer = gkSquare(4526, 3960000, 38375000, 4000);
    const hole = gkSquare(4526, 3961000, 38376000, 1000);
    const a = ellipsoidalAreaKm2({ type: 'Polygon', coordinates: [outer] });
    const h = ellipsoidalAreaKm2({ type: 'Polygon', coordinates: [hole] });
    expect(ellipsoidalAreaKm2({ type: 'Polygon', coordinates: [outer, hole] })).toBeCloseTo(a - h, 12);
    expect(ellipsoidalAreaKm2({ type: 'Polygon', coordinates: [outer.slice().reverse()] })).toBeCloseTo(a, 12);
    expect(ellipsoidalAreaKm2({ type: 'Polygon', coordinates: [outer.slice(0, -1)] })).toBeCloseTo(a, 12);
    expect(ellipsoidalAreaKm2({ type: 'MultiPolygon', coordinates: [[outer], [hole]] })).toBeCloseTo(a + h, 12);
  });
});

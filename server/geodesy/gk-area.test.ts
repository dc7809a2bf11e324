import { describe, expect, it } from 'vitest';
import { ellipsoidalAreaKm2 } from './area';
import { gkCrsForZone, gkToLonLat } from './crs';
import { gkPlanarAreaKm2 } from './gk-area';

describe('gkPlanarAreaKm2', () => {
  const crs = gkCrsForZone(38)!;
  // a 10 km × 10 km square drawn in the GK plane of zone 38 (X northing, Y easting with prefix)
  const sq = [
    [4000000, 38500000],
    [4000000, 38510000],
    [4010000, 38510000],
    [4010000, 38500000],
    [4000000, 38500000],
  ].map(([x, y]) => gkToLonLat(crs, x, y));
  it('gives the plane area of a square drawn in that plane', () => {
    expect(gkPlanarAreaKm2({ type: 'Polygon', coordinates: [sq] }, crs)).toBeCloseTo(100, 6);
  });
  it('differs from the ellipsoidal area by the small GK distortion near the central meridian', () => {
    const e = ellipsoidalAreaKm2({ type: 'Polygon', coordinates: [sq] });
    expect(Math.abs(e - 100) / 100).toBeLessThan(0.003);
    expect(Math.abs(e - 100)).toBeGreaterThan(1e-6);
  });
  it('subtracts holes', () => {
    const hole = [
      [4002000, 38502000],
      [4004000, 38502000],
      [4004000, 38504000],
      [4002000, 38504000],
      [4002000, 38502000],
    ].map(([x, y]) => gkToLonLat(crs, x, y));
    expect(gkPlanarAreaKm2({ type: 'Polygon', coordinates: [sq, hole] }, crs)).toBeCloseTo(96, 6);
  });
});

import { describe, expect, it } from 'vitest';
import { area as turfArea, polygon } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import { ellipsoidalAreaKm2, geodesicDistanceM, GRS80 } from './area';
import { HOLED_BLOCK, RECT_20x15 } from '../planner/test-fixtures';

/** Exact area (km²) of the ellipsoid between two parallels over Δλ degrees (authalic q-function). */
function bandAreaKm2(lat1: number, lat2: number, dLonDeg: number): number {
  const { a, f } = GRS80;
  const e2 = f * (2 - f);
  const e = Math.sqrt(e2);
  const q = (deg: number) => {
    const s = Math.sin((deg * Math.PI) / 180);
    return (1 - e2) * (s / (1 - e2 * s * s) - (1 / (2 * e)) * Math.log((1 - e * s) / (1 + e * s)));
  };
  return (((a * a) / 2) * ((dLonDeg * Math.PI) / 180) * (q(lat2) - q(lat1))) / 1e6;
}

describe('ellipsoidalAreaKm2 (GRS80, geodesic edges)', () => {
  it('matches the closed-form ellipsoidal band area for a narrow meridian strip', () => {
    // 0.001° wide: the geodesic between the two top (or bottom) corners is within a few mm of the parallel.
    const g: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [112.5, 36],
          [112.501, 36],
          [112.501, 36.5],
          [112.5, 36.5],
          [112.5, 36],
        ],
      ],
    };
    const exact = bandAreaKm2(36, 36.5, 0.001);
    expect(Math.abs(ellipsoidalAreaKm2(g) - exact) / exact).toBeLessThan(1e-7);
  });

  it('does not depend on ring orientation and subtracts holes', () => {
    const outer = RECT_20x15.coordinates[0];
    const reversed: Polygon = { type: 'Polygon', coordinates: [[...outer].reverse()] };
    expect(ellipsoidalAreaKm2(reversed)).toBeCloseTo(ellipsoidalAreaKm2(RECT_20x15), 9);
    const hole: Polygon = { type: 'Polygon', coordinates: [HOLED_BLOCK.coordinates[1]] };
    expect(ellipsoidalAreaKm2(HOLED_BLOCK)).toBeCloseTo(
      ellipsoidalAreaKm2({ type: 'Polygon', coordinates: [HOLED_BLOCK.coordinates[0]] }) - ellipsoidalAreaKm2(hole),
      9,
    );
    expect(ellipsoidalAreaKm2(RECT_20x15)).toBeCloseTo(300, 0); // built from approximate km offsets
  });

  it('sums MultiPolygon parts and treats null as 0', () => {
    const mp: MultiPolygon = { type: 'MultiPolygon', coordinates: [RECT_20x15.coordinates, HOLED_BLOCK.coordinates] };
    expect(ellipsoidalAreaKm2(mp)).toBeCloseTo(ellipsoidalAreaKm2(RECT_20x15) + ellipsoidalAreaKm2(HOLED_BLOCK), 9);
    expect(ellipsoidalAreaKm2(null)).toBe(0);
  });

  it('differs from the spherical turf.area by only a small amount at 36°N (B7)', () => {
    const ell = ellipsoidalAreaKm2(RECT_20x15);
    const sph = turfArea(polygon(RECT_20x15.coordinates)) / 1e6;
    expect(Math.abs(sph / ell - 1)).toBeLessThan(0.003);
  });

  it('measures geodesic distance on GRS80 (1° of meridian at 36°N ≈ 110.95 km)', () => {
    expect(geodesicDistanceM([112.5, 35.5], [112.5, 36.5]) / 1000).toBeCloseTo(110.95, 1);
  });
});

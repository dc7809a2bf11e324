import { describe, expect, it } from 'vitest';
import type { LineString } from 'geojson';
import { geodesicDistanceM } from '../geodesy/area';
import { isProducingStatus, lengthInsideKm, pointInAreal } from './touches';
import { HOLED_BLOCK, kmPoint, kmRect } from './test-fixtures';

describe('keep-feature measures', () => {
  it('classifies producing well statuses', () => {
    for (const s of ['producing', 'Production', '生产井', '排采', '在产', '试采']) expect(isProducingStatus(s)).toBe(true);
    for (const s of ['abandoned', '长停井', '废弃井', 'plugged', 'non-producing', 'inactive', '']) expect(isProducingStatus(s)).toBe(false);
  });

  it('measures the pipeline length inside a polygon (geodesic, planar crossings)', () => {
    const box = kmRect(0, 0, 5, 10);
    const a = kmPoint(-3, 5),
      b = kmPoint(12, 5);
    const line: LineString = { type: 'LineString', coordinates: [a, b] };
    const inside = lengthInsideKm([line], box);
    const x0 = box.coordinates[0][0][0],
      x1 = box.coordinates[0][1][0];
    const t = (x: number) => (x - a[0]) / (b[0] - a[0]);
    const at = (u: number) => [a[0] + u * (b[0] - a[0]), a[1] + u * (b[1] - a[1])];
    expect(inside).toBeCloseTo(geodesicDistanceM(at(t(x0)), at(t(x1))) / 1000, 9);
    expect(inside).toBeCloseTo(5, 1);
    expect(lengthInsideKm([{ type: 'LineString', coordinates: [kmPoint(6, 0), kmPoint(6, 10)] }], box)).toBe(0);
  });

  it('does not count pipeline inside a hole', () => {
    const line: LineString = { type: 'LineString', coordinates: [kmPoint(-1, 7), kmPoint(21, 7)] };
    expect(lengthInsideKm([line], HOLED_BLOCK)).toBeCloseTo(20 - 6, 1);
    expect(pointInAreal(kmPoint(10, 7), HOLED_BLOCK)).toBe(false);
    expect(pointInAreal(kmPoint(3, 7), HOLED_BLOCK)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { gkCrsForZone, gkConverter } from './crs';
import { planarGkAreaM2, planarPolygonAreaM2, planarRingAreaM2 } from './planar';

describe('planar Gauss-Krüger area', () => {
  it('is the shoelace area of X/Y, either orientation, holes subtracted', () => {
    const sq = [
      { x: 0, y: 0 },
      { x: 0, y: 100 },
      { x: 100, y: 100 },
      { x: 100, y: 0 },
    ];
    expect(planarRingAreaM2(sq)).toBe(10000);
    expect(planarRingAreaM2([...sq].reverse())).toBe(10000);
    const hole = [
      { x: 10, y: 10 },
      { x: 20, y: 10 },
      { x: 20, y: 20 },
      { x: 10, y: 20 },
    ];
    expect(planarPolygonAreaM2([sq, hole])).toBe(9900);
  });

  it('round-trips lon/lat through the projection', () => {
    const crs = gkCrsForZone(38)!;
    const conv = gkConverter(crs);
    const xy = [
      [3960000, 38375000],
      [3962000, 38375000],
      [3962000, 38377000],
      [3960000, 38377000],
    ];
    const ring = [...xy, xy[0]].map(([x, y]) => conv(x, y));
    expect(planarGkAreaM2([ring], crs)).toBeCloseTo(4e6, 3);
  });
});

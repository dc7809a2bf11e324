import { describe, expect, it } from 'vitest';
import { geod } from '../../../../server/geodesy/area';
import { formatArea, formatLength, pathLengthM, polygonMeasure } from './measure';

describe('measure (GRS80 geodesics)', () => {
  it('a polyline is the sum of its geodesic segments', () => {
    const pts: [number, number][] = [
      [112.5, 36],
      [112.6, 36.1],
      [112.8, 36.05],
    ];
    const expected = geod.Inverse(36, 112.5, 36.1, 112.6).s12! + geod.Inverse(36.1, 112.6, 36.05, 112.8).s12!;
    expect(pathLengthM(pts)).toBeCloseTo(expected, 6);
    // one degree of meridian at 36°N on GRS80 is about 110.95 km (not the sphere's 111.19)
    expect(
      pathLengthM([
        [112, 35.5],
        [112, 36.5],
      ]) / 1000,
    ).toBeCloseTo(110.95, 1);
    expect(pathLengthM([[112, 36]])).toBe(0);
  });

  it('a polygon area is ellipsoidal, orientation-free, with or without the closing corner', () => {
    const ring: [number, number][] = [
      [112, 36],
      [112.1, 36],
      [112.1, 36.1],
      [112, 36.1],
    ];
    const p = geod.Polygon(false);
    for (const [lon, lat] of ring) p.AddPoint(lat, lon);
    const ref = p.Compute(false, true);
    const m = polygonMeasure(ring);
    expect(m.areaM2).toBeCloseTo(Math.abs(ref.area!), 3);
    expect(m.perimeterM).toBeCloseTo(ref.perimeter, 6);
    expect(polygonMeasure([...ring].reverse()).areaM2).toBeCloseTo(m.areaM2, 3);
    expect(polygonMeasure([...ring, ring[0]]).areaM2).toBeCloseTo(m.areaM2, 3);
    expect(polygonMeasure(ring.slice(0, 2)).areaM2).toBe(0);
  });

  it('formats lengths and areas (km² to 4 decimals)', () => {
    expect(formatLength(845.321)).toBe('845.32 m');
    expect(formatLength(12345.67)).toBe('12.3457 km');
    expect(formatArea(123456789)).toBe('123.4568 km² (12345.68 公顷)');
    expect(formatArea(123456789, 'en')).toBe('123.4568 km² (12345.68 ha)');
    expect(formatArea(5432.12)).toBe('5432.1 m²');
  });
});

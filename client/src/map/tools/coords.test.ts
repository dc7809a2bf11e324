import { describe, expect, it } from 'vitest';
import { geod } from '../../../../server/geodesy/area';
import { gkConverter, gkCrsForZone } from '../../../../server/geodesy/crs';
import { SAMPLE_GK } from '../../../../data/samples/block';
import { formatDecimal, formatDmsPair, formatGk, gk3, readout } from './coords';

describe('cursor coordinates', () => {
  it('decimal degrees with hemispheres, 6 decimals', () => {
    expect(formatDecimal(112.6123456, 35.8012344)).toBe('112.612346°E, 35.801234°N');
    expect(formatDecimal(-1.5, -2.25)).toBe('1.500000°W, 2.250000°S');
  });

  it('DMS with seconds to 3 decimals, rounding carried into minutes and degrees', () => {
    expect(formatDmsPair(112.612, 35.8)).toBe('E112°36′43.200″ N35°48′00.000″');
    expect(formatDmsPair(112 + 59 / 60 + 59.99996 / 3600, 36)).toBe('E113°00′00.000″ N36°00′00.000″');
  });

  it('GK 3° zone: on the central meridian the easting is the zone prefix + 500 km and the northing the meridian arc', () => {
    const g = gk3(114, 36)!;
    expect(g.zone).toBe(38);
    expect(g.epsg).toBe(4526);
    expect(g.y).toBeCloseTo(38_500_000, 3);
    const arc = geod.Inverse(0, 114, 36, 114).s12!;
    expect(Math.abs(g.x - arc)).toBeLessThan(0.001);
  });

  it('GK 3° zone reproduces the sample licence corners (zone 38, X northing, Y easting with prefix) to the millimetre', () => {
    const toLonLat = gkConverter(gkCrsForZone(38)!);
    for (const [x, y] of SAMPLE_GK[0]) {
      const [lon, lat] = toLonLat(x, y);
      const g = gk3(lon, lat)!;
      expect(g.zone).toBe(38);
      expect(Math.abs(g.x - x)).toBeLessThan(0.001);
      expect(Math.abs(g.y - y)).toBeLessThan(0.001);
    }
  });

  it('picks the zone containing the longitude (zone n covers 3n ± 1.5°) and refuses outside zones 25–45', () => {
    expect(gk3(112.4, 37)!.zone).toBe(37);
    expect(gk3(112.6, 37)!.zone).toBe(38);
    expect(gk3(70, 37)).toBeNull();
    expect(gk3(140, 37)).toBeNull();
    expect(gk3(NaN, 37)).toBeNull();
    expect(formatGk(140, 37)).toBeNull();
  });

  it('formats GK to centimetres with the zone named in the page language', () => {
    expect(formatGk(114, 36)).toMatch(/^X=\d{7}\.\d{2} Y=38500000\.00 \(3°带 38, EPSG:4526\)$/);
    expect(readout(114, 36, 'en').gk).toContain('3° zone 38');
  });
});

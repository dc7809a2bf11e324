import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dmsPartsToDegrees, formatDms, parseDms } from './dms';

describe('parseDms', () => {
  const v = 112 + 36 / 60 + 43.2 / 3600;
  it.each([
    '112°36′43.20″',
    `112°36'43.2"`,
    'E112°36′43.20″',
    '东经112°36′43.20″',
    '112°36′43.20″E',
    '112:36:43.2',
    '112 36 43.2',
    '112度36分43.2秒',
    '112°36’43.2”',
  ])('%s', (s) => expect(parseDms(s)!.value).toBeCloseTo(v, 12));
  it('knows the axis from the hemisphere', () => {
    expect(parseDms('北纬35°48′00″')).toEqual({ value: 35.8, axis: 'lat' });
    expect(parseDms('E112°')!.axis).toBe('lon');
  });
  it('refuses garbage and out-of-range minutes/seconds', () => {
    for (const s of ['', 'abc', '112°60′', '112°30′60″', '1e5x', '--3']) expect(parseDms(s)).toBeUndefined();
  });
  it('reads decimal degrees', () => expect(parseDms('112.6120')!.value).toBe(112.612));
  it('round-trips formatDms to 0.0001″', () =>
    fc.assert(
      fc.property(fc.double({ min: 0, max: 180, noNaN: true }), (d) => {
        const back = parseDms(formatDms(d))!.value;
        expect(Math.abs(back - d)).toBeLessThanOrEqual(0.00005 / 3600 + 1e-12);
      }),
    ));
  it('carries rounding into minutes and degrees', () => {
    expect(formatDms(35.99999999999)).toBe('36°00′00.0000″');
    expect(dmsPartsToDegrees(112, 36, 43.2)).toBeCloseTo(v, 12);
    expect(dmsPartsToDegrees(112, 60, 0)).toBeUndefined();
  });
});

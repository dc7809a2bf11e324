import { describe, expect, it } from 'vitest';
import { isoDay, isRealDay } from './iso-day';

describe('isoDay', () => {
  it('accepts real days and refuses impossible or far-off ones', () => {
    for (const ok of ['2021-02-28', '2020-02-29', '1900-01-01', '2199-12-31']) expect(isRealDay(ok)).toBe(true);
    for (const bad of ['2021-02-30', '2021-02-29', '2021-13-01', '0000-01-01', '9999-12-31', '2021-2-3', '2021-02-28T00:00', ''])
      expect(isRealDay(bad)).toBe(false);
    expect(isoDay.safeParse('2021-02-30').success).toBe(false);
  });
});

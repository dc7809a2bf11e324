import { describe, expect, it } from 'vitest';
import { addDays, addMonths, addYears, daysBetween, explorationYearOn, monthsBetween, toUtcMs } from './dates';

describe('dates', () => {
  it('arithmetic', () => {
    expect(addDays('2021-03-28', 96)).toBe('2021-07-02');
    expect(addMonths('2020-01-31', 1)).toBe('2020-02-29');
    expect(addYears('2020-02-29', 1)).toBe('2021-02-28');
    expect(daysBetween('2020-01-25', '2020-04-30')).toBe(96);
    expect(monthsBetween('2019-11-01', '2020-05-01')).toBe(6);
    expect(monthsBetween('2020-05-01', '2020-05-16')).toBeCloseTo(15 / 31, 9);
  });
  it('exploration year', () => {
    expect(explorationYearOn('2017-12-29', '2017-12-29')).toBe(1);
    expect(explorationYearOn('2017-12-29', '2022-12-28')).toBe(5);
    expect(explorationYearOn('2017-12-29', '2022-12-29')).toBe(6);
    expect(explorationYearOn('2017-12-29', '2017-12-28')).toBe(0);
  });
  it('rejects bad dates', () => {
    expect(() => toUtcMs('2021-02-30')).toThrow(RangeError);
    expect(() => toUtcMs('2021/02/01')).toThrow(RangeError);
  });
});

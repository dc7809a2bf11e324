import { describe, expect, it } from 'vitest';
import { buildSubject, defaultAsOf, todayInChina } from './subject';

describe('todayInChina', () => {
  it('is the day in UTC+8: 16:00 UTC is already the next day in China', () => {
    expect(todayInChina(Date.parse('2026-12-03T15:59:59Z'))).toBe('2026-12-03');
    expect(todayInChina(Date.parse('2026-12-03T16:00:00Z'))).toBe('2026-12-04');
  });
});

describe('the day a check is judged on', () => {
  it('is today (UTC+8) when neither as_of nor as_at is given', () => {
    expect(defaultAsOf()).toBe(todayInChina());
    expect(buildSubject({ application: 'new_exploration' }, null).subject.as_of).toBe(todayInChina());
  });

  it('is the day of the register’s as_at in China when only as_at is given', () => {
    expect(defaultAsOf('2021-06-01')).toBe('2021-06-01');
    expect(defaultAsOf('2021-06-01T15:59:59Z')).toBe('2021-06-01');
    expect(defaultAsOf('2021-06-01T16:00:00Z')).toBe('2021-06-02');
    expect(defaultAsOf('2021-06-01T07:00:00+08:00')).toBe('2021-06-01');
    expect(buildSubject({ application: 'new_exploration', as_at: '2022-03-04T01:00:00Z' }, null).subject.as_of).toBe('2022-03-04');
  });

  it('is as_of when both are given', () => {
    expect(buildSubject({ application: 'new_exploration', as_of: '2020-01-01', as_at: '2022-03-04' }, null).subject.as_of).toBe(
      '2020-01-01',
    );
  });
});

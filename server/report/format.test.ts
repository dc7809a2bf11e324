import { describe, expect, it } from 'vitest';
import { chinaTime, group, km2, percent, yuan } from './format';

describe('report formats', () => {
  it('km² to 4 decimals with thousands separators', () => {
    expect(km2(268.75194)).toBe('268.7519');
    expect(km2(12345.6)).toBe('12,345.6000');
  });
  it('shares as percentages to 2 decimals', () => {
    expect(percent(0.7165421097855735)).toBe('71.65%');
    expect(percent(null)).toBe('—');
  });
  it('money in 元 with thousands separators', () => {
    expect(yuan(1760942.4658)).toBe('1,760,942.47 元');
    expect(yuan(134375926, 'en')).toBe('CNY 134,375,926.00');
    expect(yuan(-500)).toBe('-500.00 元');
  });
  it('groups only the integer part', () => {
    expect(group('1234567.891234')).toBe('1,234,567.891234');
  });
  it('states China time', () => {
    expect(chinaTime('2026-12-01T16:00:00.000Z')).toBe('2026-12-02 00:00:00 (UTC+8)');
  });
});

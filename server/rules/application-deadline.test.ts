import { describe, expect, it } from 'vitest';
import { extensionFiledInTime } from './application-deadline';

describe('extension filed ≥ 30 days before expiry (273号令 第十五条, 000:L3364)', () => {
  const base = { kind: 'exploration' as const, regime: 'shanxi-cbm-2020' as const, valid_to: '2026-12-31' };

  it('the last day is expiry − 30 days, inclusive', () => {
    const r = extensionFiledInTime({ ...base, filed_on: '2026-12-01' });
    expect(r).toMatchObject({ in_time: true, last_day: '2026-12-01', days_before_expiry: 30, days_late: 0 });
    expect(r).toMatchObject({ rule: 'R-VAL-2', citation: '273号令 第十五条', source: '000:L3364' });
    expect(r.step.formula).toBe('2026-12-31 − 30 d = 2026-12-01; 2026-12-01 ≤ 2026-12-01');
  });

  it('one day later is late, and says by how much', () => {
    const r = extensionFiledInTime({ ...base, filed_on: '2026-12-02' });
    expect(r).toMatchObject({ in_time: false, days_late: 1, days_before_expiry: 29 });
    expect(extensionFiledInTime({ ...base, filed_on: '2027-01-05' })).toMatchObject({
      in_time: false,
      days_late: 35,
      days_before_expiry: -5,
    });
  });

  it('counts across a leap day', () => {
    expect(extensionFiledInTime({ ...base, valid_to: '2028-03-15', filed_on: '2028-02-14' })).toMatchObject({
      last_day: '2028-02-14',
      in_time: true,
    });
  });

  it('names the mining-right and national bases', () => {
    expect(extensionFiledInTime({ ...base, kind: 'mining', filed_on: '2026-01-01' })).toMatchObject({
      rule: 'R-VAL-9',
      source: '000:L5902',
    });
    expect(extensionFiledInTime({ ...base, regime: 'national-2023', filed_on: '2026-01-01' })).toMatchObject({
      rule: 'R-VAL-2',
      citation: '矿产资源勘查区块登记管理办法 第十条',
    });
  });
});

import { describe, expect, it } from 'vitest';
import { ANONYMOUS, BOOTSTRAP_ADMIN } from '../auth/principal';
import { reportVisibilityFor } from './visibility';

describe('reportVisibilityFor (investment figures)', () => {
  const holder = (holders: string[]) => ({ role: 'holder' as const, holders });
  it('shows them to administrators and regulators', () => {
    expect(reportVisibilityFor(BOOTSTRAP_ADMIN, '甲公司').investment).toBe(true);
    expect(reportVisibilityFor({ role: 'regulator', holders: [] }, '甲公司').investment).toBe(true);
  });
  it('shows them to the holder of the right only', () => {
    expect(reportVisibilityFor(holder(['甲公司']), '甲公司').investment).toBe(true);
    expect(reportVisibilityFor(holder(['乙公司']), '甲公司').investment).toBe(false);
    expect(reportVisibilityFor(holder(['甲公司']), null).investment).toBe(false);
  });
  it('withholds them from the public', () => {
    expect(reportVisibilityFor(ANONYMOUS, '甲公司')).toEqual({ investment: false, role: 'public' });
  });
});

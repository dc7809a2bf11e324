import { z } from 'zod';
import { toUtcMs } from '../rules/dates';

/** Dates the service reasons about: a licence register has nothing before 1900 or after 2199. */
export const ISO_DAY_MIN = '1900-01-01';
export const ISO_DAY_MAX = '2199-12-31';

/** Is `s` a real calendar day 'YYYY-MM-DD' within ISO_DAY_MIN..ISO_DAY_MAX (2021-02-30 is not)? */
export function isRealDay(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s) || s < ISO_DAY_MIN || s > ISO_DAY_MAX) return false;
  try {
    toUtcMs(s);
    return true;
  } catch {
    return false;
  }
}

/**
 * A date parameter: 'YYYY-MM-DD', a real calendar day, 1900–2199. The regex alone let 2021-02-30 through to the
 * date arithmetic, which threw (500); 9999-12-31 overflowed the arithmetic (issue 12, F8).
 */
export const isoDay = z
  .string()
  .refine(isRealDay, { message: `a real calendar date YYYY-MM-DD between ${ISO_DAY_MIN} and ${ISO_DAY_MAX}` });

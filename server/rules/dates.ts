/**
 * Calendar-date arithmetic on ISO dates ('YYYY-MM-DD'), in UTC, with no time of day.
 * Periods follow the Chinese civil-law convention (民法典 第二百零一条/第二百零三条): a period of
 * N years/months from day D ends on the corresponding day D + N; month ends clamp (02-29 → 02-28).
 */
export type IsoDate = string;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Parse 'YYYY-MM-DD' (or a Date) into UTC milliseconds at midnight; throws RangeError on bad input. */
export function toUtcMs(d: IsoDate | Date): number {
  if (d instanceof Date) {
    if (Number.isNaN(d.getTime())) throw new RangeError('invalid Date');
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  }
  const m = ISO.exec(d);
  if (!m) throw new RangeError(`expected a date as YYYY-MM-DD, got ${JSON.stringify(d)}`);
  const [y, mo, da] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, da);
  const back = new Date(ms);
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== da) throw new RangeError(`no such date: ${d}`);
  return ms;
}

/** Normalise a date to 'YYYY-MM-DD'. */
export function isoDate(d: IsoDate | Date): IsoDate {
  return new Date(toUtcMs(d)).toISOString().slice(0, 10);
}

/** Add (or subtract) calendar days. */
export function addDays(d: IsoDate, days: number): IsoDate {
  return new Date(toUtcMs(d) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Add calendar months, clamping to the month end (2020-01-31 + 1 month → 2020-02-29). */
export function addMonths(d: IsoDate, months: number): IsoDate {
  const t = new Date(toUtcMs(d));
  const y = t.getUTCFullYear();
  const m = t.getUTCMonth() + months;
  const day = t.getUTCDate();
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(day, last))).toISOString().slice(0, 10);
}

/** Add calendar years (02-29 → 02-28 in common years). */
export function addYears(d: IsoDate, years: number): IsoDate {
  return addMonths(d, years * 12);
}

/** Whole days from `a` to `b` (b − a; one endpoint excluded). Negative when b is before a. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((toUtcMs(b) - toUtcMs(a)) / DAY_MS);
}

/** Compare two ISO dates: negative, 0, positive. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return toUtcMs(a) - toUtcMs(b);
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return compareDates(a, b) <= 0 ? a : b;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return compareDates(a, b) >= 0 ? a : b;
}

/**
 * Months from `a` to `b` as a fraction: whole calendar months, then the remaining days divided by
 * the length of the month in which they fall. 2019-12-16 → 2020-05-01 = 4 + 15/31.
 */
export function monthsBetween(a: IsoDate, b: IsoDate): number {
  if (compareDates(b, a) < 0) return -monthsBetween(b, a);
  let whole = 0;
  while (compareDates(addMonths(a, whole + 1), b) <= 0) whole++;
  const anchor = addMonths(a, whole);
  const next = addMonths(a, whole + 1);
  const rest = daysBetween(anchor, b);
  return rest === 0 ? whole : whole + rest / daysBetween(anchor, next);
}

/**
 * The 1-based exploration year (勘查年度) that contains `date`, counted from the first registration
 * date: year n runs from first + (n−1) years (inclusive) to first + n years (exclusive).
 * Returns 0 for dates before first registration.
 */
export function explorationYearOn(firstRegistration: IsoDate, date: IsoDate): number {
  if (compareDates(date, firstRegistration) < 0) return 0;
  let n = 1;
  while (compareDates(addYears(firstRegistration, n), date) <= 0) n++;
  return n;
}

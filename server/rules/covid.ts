/**
 * COVID-19 adjustments of Shanxi CBM exploration rights (晋自然资函〔2020〕1333号): R-COVID-1..3.
 * The formulas reproduce every row of the letter's Annex 1 and Annex 2 (000-part-b §1.10, §5.1–5.2);
 * they are DERIVED — the letter states only the window and the results.
 */
import { addDays, compareDates, daysBetween, maxDate, minDate, type IsoDate } from './dates';
import { OLD_STANDARD_CNY_PER_KM2_YEAR } from './investment';
import { say } from '../i18n/message';
import { STEP as S } from './step-messages';
import { assertNonNegative, fmt, roundTo, step, type Step } from './steps';

const LETTER = '晋自然资函〔2020〕1333号';

/** R-COVID-1: field work affected from 2020-01-25 to 2020-04-30 (晋自然资函〔2020〕1333号 正文). */
export const COVID_WINDOW = { from: '2020-01-25', to: '2020-04-30' } as const;

/**
 * R-COVID-1: days of the licence term inside the affected window, as a date difference (one endpoint
 * excluded): max(0, min(valid_to, 2020-04-30) − max(valid_from, 2020-01-25)). A term covering the
 * whole window gives 96.
 */
export function covidAffectedDays(valid_from: IsoDate, valid_to: IsoDate): { days: number; steps: Step[] } {
  const start = maxDate(valid_from, COVID_WINDOW.from);
  const end = minDate(valid_to, COVID_WINDOW.to);
  const days = compareDates(end, start) > 0 ? daysBetween(start, end) : 0;
  return {
    days,
    steps: [
      step(
        'R-COVID-1',
        `${LETTER} 正文`,
        say(S, 'COVID_DAYS', { from: COVID_WINDOW.from, to: COVID_WINDOW.to }),
        `${end} − ${start} = ${days} d`,
        days,
      ),
    ],
  };
}

/**
 * R-COVID-2 (晋自然资函〔2020〕1333号 一): blocks publicly granted in 2017 and 2019 get their exploration
 * term (and assessment period) extended by the affected days — 96 for every listed project.
 */
export function covidTermExtension(input: { valid_from: IsoDate; valid_to: IsoDate; days?: number }): {
  affected_days: number;
  new_valid_to: IsoDate;
  steps: Step[];
} {
  const a = covidAffectedDays(input.valid_from, input.valid_to);
  const days = input.days ?? a.days;
  assertNonNegative('days', days);
  const newTo = addDays(input.valid_to, days);
  return {
    affected_days: days,
    new_valid_to: newTo,
    steps: [...a.steps, step('R-COVID-2', `${LETTER} 一`, say(S, 'COVID_TERM'), `${input.valid_to} + ${days} d = ${newTo}`, days)],
  };
}

/**
 * R-COVID-3 (晋自然资函〔2020〕1333号 二): administratively granted rights have the minimum investment of
 * the affected period reduced: area × 10,000 CNY/km²/yr × affected days / 365.
 */
export function covidInvestmentReduction(input: {
  valid_from: IsoDate;
  valid_to: IsoDate;
  area_km2: number;
  /** CNY/km²/yr; default the old standard 10,000 in force during the window. */
  rate_cny_per_km2_year?: number;
}): { affected_days: number; reduction_cny: number; reduction_wan: number; steps: Step[] } {
  assertNonNegative('area_km2', input.area_km2);
  const rate = input.rate_cny_per_km2_year ?? OLD_STANDARD_CNY_PER_KM2_YEAR;
  const a = covidAffectedDays(input.valid_from, input.valid_to);
  const cny = roundTo((input.area_km2 * rate * a.days) / 365, 2);
  const wan = roundTo(cny / 10_000, 3);
  return {
    affected_days: a.days,
    reduction_cny: cny,
    reduction_wan: wan,
    steps: [
      ...a.steps,
      step(
        'R-COVID-3',
        `${LETTER} 二`,
        say(S, 'COVID_INVESTMENT'),
        `${fmt(input.area_km2)} × ${rate} × ${a.days} / 365 = ${fmt(cny, 2)} CNY (${fmt(wan, 3)} 万元)`,
        cny,
      ),
    ],
  };
}

/** Inverse of R-COVID-3: the area implied by a reduction (万元) and affected days, for rows whose area is not published. */
export function impliedAreaFromCovidReduction(
  reduction_wan: number,
  days: number,
  rate_cny_per_km2_year = OLD_STANDARD_CNY_PER_KM2_YEAR,
): number {
  if (days <= 0) throw new RangeError('days must be > 0');
  return (reduction_wan * 10_000 * 365) / (rate_cny_per_km2_year * days);
}

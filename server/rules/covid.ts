/**
 * COVID-19 adjustments of Shanxi CBM exploration rights (晋自然资函〔2020〕1333号): R-COVID-1..3.
 * The formulas reproduce every row of the letter's Annex 1 and Annex 2 (000-part-b §1.10, §5.1–5.2);
 * they are DERIVED — the letter states only the window and the results.
 */
import { addDays, compareDates, daysBetween, maxDate, minDate, type IsoDate } from './dates';
import { OLD_STANDARD_CNY_PER_KM2_YEAR } from './investment';
import { defineMessages, say, type Message } from '../i18n/message';
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

/** 晋自然资函〔2020〕1333号 附件1 (000:L6225-6245): “延长 96 天勘查期” for every listed project. */
export const COVID_TERM_EXTENSION_DAYS = 96;

export const COVID_SAY = defineMessages({
  COVID_TERM_ON_RECORD: {
    en: (p: { doc: string; days: number; valid_to: string; original: string }) =>
      `R-COVID-2: term extension on record (${p.doc}): ${p.days} days added to this term, whose field work fell in 2020-01-25 – 2020-04-30 (“延长勘查期限96天（考核期相应后延）”, ${LETTER} 一, 000:L6201). The register's expiry ${p.valid_to} is read as the re-issued licence's, i.e. with the ${p.days} days (original expiry ${p.original}); if the re-issued licence is not yet entered, the expiry and deadlines are ${p.days} days later than shown. This approval reduces no minimum investment (that is ${LETTER} 二, 附件2).`,
    zh: (p: { doc: string; days: number; valid_to: string; original: string }) =>
      `R-COVID-2：已登记延长勘查期批复（${p.doc}）：本有效期野外作业受 2020-01-25 至 2020-04-30 疫情影响，延长 ${p.days} 天（“延长勘查期限96天（考核期相应后延）”，${LETTER} 一，000:L6201）。登记到期日 ${p.valid_to} 按换发的勘查许可证理解，已含延长的 ${p.days} 天（原到期日 ${p.original}）；如换发的许可证尚未登记，到期日及各期限应比所示晚 ${p.days} 天。该批复不核减最低勘查投入（核减系 ${LETTER} 二、附件2）。`,
  },
  COVID_TERM_OTHER_TERM: {
    en: (p: { doc: string; valid_from: string; valid_to: string }) =>
      `R-COVID-2: the term extension on record (${p.doc}) was for the term whose field work fell in 2020-01-25 – 2020-04-30; the current term ${p.valid_from} – ${p.valid_to} lies outside that window, so it changes nothing here (and it never reduces the minimum investment: that is ${LETTER} 二, 附件2)`,
    zh: (p: { doc: string; valid_from: string; valid_to: string }) =>
      `R-COVID-2：已登记的延长勘查期批复（${p.doc}）针对野外作业受 2020-01-25 至 2020-04-30 疫情影响的有效期；本有效期 ${p.valid_from} 至 ${p.valid_to} 不含该期间，本次不适用（该批复亦不核减最低勘查投入，核减系 ${LETTER} 二、附件2）`,
  },
});

/**
 * R-COVID-2 for a block whose term extension under 晋自然资函〔2020〕1333号 一 (附件1) is on record. The extension was
 * granted by re-issuing the licence with a supplementary contract (三, 000:L6205), so the register's validity end is read
 * as already extended: the original expiry is shown (valid_to − 96 d) and the reading says what to do if the re-issued
 * licence is not yet entered. Only the term that covered the affected window is concerned. No investment is reduced.
 */
export function covidTermOnRecord(i: { doc: string; valid_from: IsoDate; valid_to: IsoDate; days?: number }): {
  applies: boolean;
  days: number;
  original_valid_to: IsoDate | null;
  steps: Step[];
  reading: Message;
} {
  const days = i.days ?? COVID_TERM_EXTENSION_DAYS;
  assertNonNegative('days', days);
  const a = covidAffectedDays(i.valid_from, i.valid_to);
  if (a.days === 0)
    return {
      applies: false,
      days: 0,
      original_valid_to: null,
      steps: [],
      reading: say(COVID_SAY, 'COVID_TERM_OTHER_TERM', { doc: i.doc, valid_from: i.valid_from, valid_to: i.valid_to }),
    };
  const original = addDays(i.valid_to, -days);
  return {
    applies: true,
    days,
    original_valid_to: original,
    steps: [
      ...a.steps,
      step('R-COVID-2', `${LETTER} 一 / 附件1`, say(S, 'COVID_TERM_ORIGINAL'), `${i.valid_to} − ${days} d = ${original}`, days),
    ],
    reading: say(COVID_SAY, 'COVID_TERM_ON_RECORD', { doc: i.doc, days, valid_to: i.valid_to, original }),
  };
}

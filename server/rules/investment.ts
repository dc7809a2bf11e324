/**
 * Minimum exploration investment (最低勘查投入), Shanxi CBM: R-INV-1, R-INV-4, R-INV-5;
 * and the unfinished ratio that drives the extension reduction (R-RED-4).
 */
import { addYears, compareDates, explorationYearOn, maxDate, minDate, monthsBetween, type IsoDate } from './dates';
import { SHANXI_CBM_EFFECTIVE } from './regimes';
import { assertNonNegative, fmt, pct, roundTo, step, type Step } from './steps';

const ART16 = '273号令 第十六条';
const OP3 = '晋自然资发〔2020〕11号 三';
const ART17 = '273号令 第十七条';

/** Old (pre-2020-05-01) standard: at most 10,000 CNY/km²/yr (“每年最高1万元”, 晋自然资发〔2020〕11号 三). */
export const OLD_STANDARD_CNY_PER_KM2_YEAR = 10_000;

/**
 * R-INV-1 (273号令 第十六条): minimum investment per km² per year for exploration year n, counted
 * from first registration: 1–5 → 30,000; 6–10 → 50,000; 11–15 → 80,000; 16+ → 100,000 CNY.
 */
export function minimumInvestmentRate(explorationYear: number): { cny_per_km2_year: number; steps: Step[] } {
  if (!Number.isInteger(explorationYear) || explorationYear < 1)
    throw new RangeError(`exploration year must be an integer ≥ 1, got ${explorationYear}`);
  const rate = explorationYear <= 5 ? 30_000 : explorationYear <= 10 ? 50_000 : explorationYear <= 15 ? 80_000 : 100_000;
  const band = explorationYear <= 5 ? '1–5' : explorationYear <= 10 ? '6–10' : explorationYear <= 15 ? '11–15' : '16+';
  return {
    cny_per_km2_year: rate,
    steps: [step('R-INV-1', ART16, `exploration year ${explorationYear} ∈ ${band} → ${rate} CNY/km²/yr`, rate)],
  };
}

export interface InvestmentScheduleInput {
  first_registration_date: IsoDate;
  area_km2: number;
  /** Start of the assessed period (inclusive), e.g. the start of the previous licence term. */
  from: IsoDate;
  /** End of the assessed period (exclusive), e.g. the expiry date. */
  to: IsoDate;
  /** Old-standard rate before 2020-05-01, default 10,000 CNY/km²/yr (R-INV-4). */
  old_rate_cny_per_km2_year?: number;
  /** 'round' (default): months to the nearest whole month (“计算到月”); 'fractional': exact day-weighted months. */
  month_rounding?: 'round' | 'fractional';
}

export interface InvestmentScheduleRow {
  exploration_year: number;
  start: IsoDate;
  end: IsoDate;
  months_old_standard: number;
  months_new_standard: number;
  old_rate_cny_per_km2_year: number;
  new_rate_cny_per_km2_year: number;
  amount_cny: number;
}

export interface InvestmentSchedule {
  rows: InvestmentScheduleRow[];
  total_cny: number;
  steps: Step[];
  readings: string[];
}

/**
 * R-INV-1 + R-INV-4: the minimum exploration investment for a period, one row per exploration year
 * (counted from first registration, 273号令 第十六条). Months before 2020-05-01 use the old standard
 * (≤ 10,000 CNY/km²/yr) and months after it the tiered standard, both pro rata by month
 * (晋自然资发〔2020〕11号 三); the sum is the block's total minimum investment.
 */
export function minimumInvestmentSchedule(input: InvestmentScheduleInput): InvestmentSchedule {
  assertNonNegative('area_km2', input.area_km2);
  const oldRate = input.old_rate_cny_per_km2_year ?? OLD_STANDARD_CNY_PER_KM2_YEAR;
  assertNonNegative('old_rate_cny_per_km2_year', oldRate);
  const rounding = input.month_rounding ?? 'round';
  const readings = [
    'R-INV-4: tiers are numbered from the original first registration (273号令 第十六条 “自勘查区块首次登记之日起”), also for pre-2020 blocks',
    `R-INV-4: the old standard is taken at its stated maximum ${oldRate} CNY/km²/yr for every pre-2020-05-01 month (lower old tiers are not in the sources)`,
    rounding === 'round'
      ? 'R-INV-4: “计算到月” read as months rounded to the nearest whole month within each exploration year'
      : 'R-INV-4: months counted fractionally (whole months + days / days in month)',
  ];
  const steps: Step[] = [];
  const rows: InvestmentScheduleRow[] = [];
  const from = maxDate(input.from, input.first_registration_date);
  if (compareDates(input.to, from) <= 0) return { rows, total_cny: 0, steps, readings };
  let n = explorationYearOn(input.first_registration_date, from);
  let total = 0;
  for (;;) {
    const yStart = addYears(input.first_registration_date, n - 1);
    const yEnd = addYears(input.first_registration_date, n);
    const start = maxDate(from, yStart);
    const end = minDate(input.to, yEnd);
    if (compareDates(start, input.to) >= 0) break;
    const split = SHANXI_CBM_EFFECTIVE;
    const oldEnd = minDate(end, split);
    const newStart = maxDate(start, split);
    const fracOld = compareDates(oldEnd, start) > 0 ? monthsBetween(start, oldEnd) : 0;
    const fracNew = compareDates(end, newStart) > 0 ? monthsBetween(newStart, end) : 0;
    let mOld = fracOld;
    let mNew = fracNew;
    if (rounding === 'round') {
      const mTotal = Math.round(fracOld + fracNew + 1e-9);
      mOld = Math.min(mTotal, Math.round(fracOld + 1e-9));
      mNew = mTotal - mOld;
    }
    const newRate = minimumInvestmentRate(n).cny_per_km2_year;
    const amount = roundTo((input.area_km2 * (oldRate * mOld + newRate * mNew)) / 12, 2);
    rows.push({
      exploration_year: n,
      start,
      end,
      months_old_standard: roundTo(mOld, 4),
      months_new_standard: roundTo(mNew, 4),
      old_rate_cny_per_km2_year: oldRate,
      new_rate_cny_per_km2_year: newRate,
      amount_cny: amount,
    });
    const parts: string[] = [];
    if (mOld > 0) parts.push(`${oldRate} × ${fmt(mOld, 4)}/12`);
    if (mNew > 0) parts.push(`${newRate} × ${fmt(mNew, 4)}/12`);
    steps.push(
      step(
        mOld > 0 ? 'R-INV-4' : 'R-INV-1',
        mOld > 0 ? OP3 : ART16,
        `year ${n} (${start}–${end}): ${fmt(input.area_km2)} × (${parts.join(' + ') || '0'}) = ${fmt(amount, 2)}`,
        amount,
      ),
    );
    total += amount;
    if (compareDates(yEnd, input.to) >= 0) break;
    n++;
  }
  const totalR = roundTo(total, 2);
  steps.push(step('R-INV-4', OP3, `total = ${rows.map((r) => fmt(r.amount_cny, 2)).join(' + ')} = ${fmt(totalR, 2)}`, totalR));
  return { rows, total_cny: totalR, steps, readings };
}

/**
 * R-RED-4 input (273号令 第十七条): unfinished share u = (required − actual) / required, clamped to
 * [0, 1]. An optional COVID reduction (R-COVID-3, 晋自然资函〔2020〕1333号 二) lowers `required` first.
 */
export function unfinishedRatio(
  required_cny: number,
  actual_cny: number,
  adjustments: { covid_reduction_cny?: number } = {},
): { unfinished_ratio: number; completion_ratio: number; required_cny: number; steps: Step[] } {
  assertNonNegative('required_cny', required_cny);
  assertNonNegative('actual_cny', actual_cny);
  const steps: Step[] = [];
  let required = required_cny;
  if (adjustments.covid_reduction_cny) {
    assertNonNegative('covid_reduction_cny', adjustments.covid_reduction_cny);
    required = roundTo(Math.max(0, required_cny - adjustments.covid_reduction_cny), 2);
    steps.push(
      step(
        'R-COVID-3',
        '晋自然资函〔2020〕1333号 二',
        `required = ${fmt(required_cny, 2)} − ${fmt(adjustments.covid_reduction_cny, 2)} = ${fmt(required, 2)}`,
        required,
      ),
    );
  }
  if (required === 0) {
    steps.push(step('R-RED-4', ART17, 'required = 0 → u = 0', 0));
    return { unfinished_ratio: 0, completion_ratio: 1, required_cny: required, steps };
  }
  const u = roundTo(Math.min(1, Math.max(0, (required - actual_cny) / required)), 9);
  steps.push(step('R-RED-4', ART17, `u = max(0, (${fmt(required, 2)} − ${fmt(actual_cny, 2)}) / ${fmt(required, 2)}) = ${pct(u)}`, u));
  return { unfinished_ratio: u, completion_ratio: roundTo(1 - u, 9), required_cny: required, steps };
}

/**
 * R-INV-5 (273号令 第十七条第一款): physical workload + comprehensive research must be ≥ 85% of the
 * total exploration investment. Returns ok=false with a warning otherwise.
 */
export function checkInvestmentComposition(input: { total_cny: number; physical_and_research_cny: number }): {
  ok: boolean;
  share: number;
  warnings: string[];
  steps: Step[];
} {
  assertNonNegative('total_cny', input.total_cny);
  assertNonNegative('physical_and_research_cny', input.physical_and_research_cny);
  const share = input.total_cny === 0 ? 1 : roundTo(input.physical_and_research_cny / input.total_cny, 6);
  const ok = share >= 0.85 - 1e-9;
  return {
    ok,
    share,
    warnings: ok ? [] : [`R-INV-5: physical work + research is ${pct(share)} of the total, below the required 85% (273号令 第十七条)`],
    steps: [
      step(
        'R-INV-5',
        ART17,
        `${fmt(input.physical_and_research_cny, 2)} / ${fmt(input.total_cny, 2)} = ${pct(share)} ${ok ? '≥' : '<'} 85%`,
        share,
      ),
    ],
  };
}

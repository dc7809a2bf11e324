/**
 * Minimum exploration investment (最低勘查投入), Shanxi CBM: R-INV-1, R-INV-4, R-INV-5;
 * and the unfinished ratio that drives the extension reduction (R-RED-4).
 */
import { addYears, compareDates, explorationYearOn, maxDate, minDate, monthsBetween, type IsoDate } from './dates';
import { defineMessages, grouped, say, type Message } from '../i18n/message';
import { readingLabel } from './readings';
import { SHANXI_CBM_EFFECTIVE } from './regimes';
import { STEP as S } from './step-messages';
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
    steps: [step('R-INV-1', ART16, say(S, 'TIER', { year: explorationYear }), `${explorationYear} ∈ ${band} → ${rate} CNY/km²`, rate)],
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
  /**
   * R-INV-2 (273号令 第十六条第二款, 000:L3382: “本办法实施前探矿权出让合同另有约定的，按照合同执行”): the transfer
   * contract's standard, CNY/km²/yr; when given it replaces both the old standard and the tiers for every month.
   */
  contract_rate_cny_per_km2_year?: number;
  /**
   * Disputed reading for blocks first registered before 2020-05-01: 'first_registration' (default, 273号令 第十六条
   * “自勘查区块首次登记之日起”) numbers the tiers from the original registration; 'restart_2020' restarts them on
   * 2020-05-01 (晋自然资发〔2020〕11号 三 “之后按照每五年提高一档”).
   */
  tier_origin?: 'first_registration' | 'restart_2020';
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
  readings: Message[];
  warnings: Message[];
}

/** The investment rules' sentences (their codes are withheld with the ledger: server/auth/visibility.ts). */
export const INVESTMENT_SAY = defineMessages({
  TIERS_FROM_FIRST: {
    en: () =>
      'R-INV-4: tiers are numbered from the original first registration (273号令 第十六条 “自勘查区块首次登记之日起”), also for pre-2020 blocks (reading tier_origin = "first_registration", default)',
    zh: () =>
      `R-INV-4：档次自勘查区块首次登记之日起计算（273号令 第十六条），2020 年前设立的区块亦同（${readingLabel('tier_origin', 'first_registration', 'zh')}，默认）`,
  },
  TIERS_RESTART: {
    en: () =>
      'R-INV-4: tiers restart on 2020-05-01 for blocks registered before (reading tier_origin = "restart_2020", 晋自然资发〔2020〕11号 三 “之后按照每五年提高一档”)',
    zh: () =>
      `R-INV-4：2020-05-01 前设立的区块自 2020-05-01 起重新计档（${readingLabel('tier_origin', 'restart_2020', 'zh')}，晋自然资发〔2020〕11号 三“之后按照每五年提高一档”）`,
  },
  TIERS_DISPUTED: {
    en: (p: { total: string; alt: string }) =>
      `disputed reading tier_origin = "first_registration" (default, the decree's words): this pre-2020 block is in a high tier from 2020-05-01 — total ${grouped(p.total)} CNY; restarting the tiers on 2020-05-01 (tier_origin = "restart_2020", 11号 三) gives ${grouped(p.alt)} CNY`,
    zh: (p: { total: string; alt: string }) =>
      `有争议的${readingLabel('tier_origin', 'first_registration', 'zh')}（默认，按规章原文）：该 2020 年前设立的区块自 2020-05-01 起即处于高档——合计 ${grouped(p.total)} 元；若选${readingLabel('tier_origin', 'restart_2020', 'zh')}（11号 三）则为 ${grouped(p.alt)} 元`,
  },
  OLD_RATE: {
    en: (p: { rate: number }) =>
      `R-INV-4: the old standard is taken at its stated maximum ${grouped(p.rate)} CNY/km²/yr for every pre-2020-05-01 month (lower old tiers are not in the sources)`,
    zh: (p: { rate: number }) => `R-INV-4：2020-05-01 前各月按旧标准上限 ${grouped(p.rate)} 元/km²/年计算（旧标准的较低档次不在资料中）`,
  },
  MONTHS_ROUND: {
    en: () => 'R-INV-4: “计算到月” read as months rounded to the nearest whole month within each exploration year',
    zh: () => 'R-INV-4：“计算到月”理解为每个勘查年度内按四舍五入到整月计算',
  },
  MONTHS_FRACTIONAL: {
    en: () => 'R-INV-4: months counted fractionally (whole months + days / days in month)',
    zh: () => 'R-INV-4：按月计算含不足整月部分（整月 + 天数 / 当月天数）',
  },
  CONTRACT_RATE: {
    en: (p: { rate: number }) =>
      `R-INV-2: the transfer contract's standard ${grouped(p.rate)} CNY/km²/yr applies to every month (273号令 第十六条第二款 “出让合同另有约定的，按照合同执行”, 000:L3382)`,
    zh: (p: { rate: number }) =>
      `R-INV-2：全部月份按出让合同约定标准 ${grouped(p.rate)} 元/km²/年计算（273号令 第十六条第二款“出让合同另有约定的，按照合同执行”，000:L3382）`,
  },
  COMPOSITION_LOW: {
    en: (p: { share: string }) => `R-INV-5: physical work + research is ${p.share} of the total, below the required 85% (273号令 第十七条)`,
    zh: (p: { share: string }) => `R-INV-5：实物工作量和综合研究费用占总勘查投入 ${p.share}，低于 85%（273号令 第十七条）`,
  },
});
const M = INVESTMENT_SAY;

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
  const contract = input.contract_rate_cny_per_km2_year;
  if (contract !== undefined) assertNonNegative('contract_rate_cny_per_km2_year', contract);
  const origin = input.tier_origin ?? 'first_registration';
  const restart = origin === 'restart_2020' && compareDates(input.first_registration_date, SHANXI_CBM_EFFECTIVE) < 0;
  const readings: Message[] =
    contract !== undefined
      ? [say(M, 'CONTRACT_RATE', { rate: contract }), say(M, rounding === 'round' ? 'MONTHS_ROUND' : 'MONTHS_FRACTIONAL')]
      : [
          say(M, origin === 'restart_2020' ? 'TIERS_RESTART' : 'TIERS_FROM_FIRST'),
          say(M, 'OLD_RATE', { rate: oldRate }),
          say(M, rounding === 'round' ? 'MONTHS_ROUND' : 'MONTHS_FRACTIONAL'),
        ];
  const warnings: Message[] = [];
  const steps: Step[] = [];
  const rows: InvestmentScheduleRow[] = [];
  const from = maxDate(input.from, input.first_registration_date);
  if (compareDates(input.to, from) <= 0) return { rows, total_cny: 0, steps, readings, warnings };
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
    // Tier of the new-standard months: from first registration, or (reading restart_2020) from 2020-05-01.
    const tierYear = restart && mNew > 0 ? explorationYearOn(SHANXI_CBM_EFFECTIVE, newStart) : n;
    const newRate = contract ?? minimumInvestmentRate(tierYear).cny_per_km2_year;
    const rowOld = contract ?? oldRate;
    const amount = roundTo((input.area_km2 * (rowOld * mOld + newRate * mNew)) / 12, 2);
    rows.push({
      exploration_year: n,
      start,
      end,
      months_old_standard: roundTo(mOld, 4),
      months_new_standard: roundTo(mNew, 4),
      old_rate_cny_per_km2_year: rowOld,
      new_rate_cny_per_km2_year: newRate,
      amount_cny: amount,
    });
    const parts: string[] = [];
    if (mOld > 0) parts.push(`${rowOld} × ${fmt(mOld, 4)}/12`);
    if (mNew > 0) parts.push(`${newRate} × ${fmt(mNew, 4)}/12`);
    steps.push(
      step(
        contract !== undefined ? 'R-INV-2' : mOld > 0 ? 'R-INV-4' : 'R-INV-1',
        contract !== undefined ? `${ART16}第二款` : mOld > 0 ? OP3 : ART16,
        say(S, 'SCHEDULE_YEAR', { year: n, start, end, contract: contract !== undefined }),
        `${fmt(input.area_km2)} × (${parts.join(' + ') || '0'}) = ${fmt(amount, 2)}`,
        amount,
      ),
    );
    total += amount;
    if (compareDates(yEnd, input.to) >= 0) break;
    n++;
  }
  const totalR = roundTo(total, 2);
  steps.push(
    step('R-INV-4', OP3, say(S, 'SCHEDULE_TOTAL'), `${rows.map((r) => fmt(r.amount_cny, 2)).join(' + ')} = ${fmt(totalR, 2)}`, totalR),
  );
  // Disputed reading D1: say what restarting the tiers would give, when it differs.
  if (contract === undefined && origin === 'first_registration' && compareDates(input.first_registration_date, SHANXI_CBM_EFFECTIVE) < 0) {
    const alt = minimumInvestmentSchedule({ ...input, tier_origin: 'restart_2020' }).total_cny;
    if (Math.abs(alt - totalR) > 0.005) warnings.push(say(M, 'TIERS_DISPUTED', { total: fmt(totalR, 2), alt: fmt(alt, 2) }));
  }
  return { rows, total_cny: totalR, steps, readings, warnings };
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
        say(S, 'COVID_REQUIRED'),
        `${fmt(required_cny, 2)} − ${fmt(adjustments.covid_reduction_cny, 2)} = ${fmt(required, 2)}`,
        required,
      ),
    );
  }
  if (required === 0) {
    steps.push(step('R-RED-4', ART17, say(S, 'U_ZERO_REQUIRED'), '0 → u = 0', 0));
    return { unfinished_ratio: 0, completion_ratio: 1, required_cny: required, steps };
  }
  const raw = (required - actual_cny) / required;
  const u = roundTo(Math.min(1, Math.max(0, raw)), 9);
  const clamped = Math.abs(raw - u) > 1e-9 ? ` → ${pct(u)}` : '';
  steps.push(
    step(
      'R-RED-4',
      ART17,
      say(S, 'UNFINISHED'),
      `u = (${fmt(required, 2)} − ${fmt(actual_cny, 2)}) / ${fmt(required, 2)} = ${pct(roundTo(raw, 9))}${clamped}`,
      u,
    ),
  );
  return { unfinished_ratio: u, completion_ratio: roundTo(1 - u, 9), required_cny: required, steps };
}

/**
 * R-INV-5 (273号令 第十七条第一款): physical workload + comprehensive research must be ≥ 85% of the
 * total exploration investment. Returns ok=false with a warning otherwise.
 */
export function checkInvestmentComposition(input: { total_cny: number; physical_and_research_cny: number }): {
  ok: boolean;
  share: number;
  warnings: Message[];
  steps: Step[];
} {
  assertNonNegative('total_cny', input.total_cny);
  assertNonNegative('physical_and_research_cny', input.physical_and_research_cny);
  const share = input.total_cny === 0 ? 1 : roundTo(input.physical_and_research_cny / input.total_cny, 6);
  const ok = share >= 0.85 - 1e-9;
  return {
    ok,
    share,
    warnings: ok ? [] : [say(M, 'COMPOSITION_LOW', { share: pct(share) })],
    steps: [
      step(
        'R-INV-5',
        ART17,
        say(S, 'COMPOSITION'),
        `${fmt(input.physical_and_research_cny, 2)} / ${fmt(input.total_cny, 2)} = ${pct(share)} ${ok ? '≥' : '<'} 85%`,
        share,
      ),
    ],
  };
}

/**
 * Annual exploration investment (年度勘查投入, issue 14 item 3): a holder's figure for one calendar year checked against
 * that year's minimum, and the reasons a holder becomes a candidate for the abnormal list (异常名录). Pure, no I/O.
 *
 * - The year's minimum is the existing schedule (investment.ts, R-INV-1/2/4) over the calendar year: 273号令 第十六条
 *   tiers by exploration year × area (000:L3372-3380: 3 / 5 / 8 / 10 万元 per km² per year), the old standard
 *   (≤ 1万元/km²/yr) before 2020-05-01 pro rata by month (11号 三, 000:L4252), or the transfer contract's standard when
 *   the block has one (第十六条第二款, 000:L3382). The 2020 inspection judged the 2019 figures this way (R-INV-7,
 *   000:L7088-7090 沁源 fails, L7112-7116 寿阳北 passes, L7132 榆社-武乡 against the contract's 3万元).
 * - Composition (R-INV-5, 273号令 第十七条, 000:L3386): physical work + research ≥ 85 % of the total.
 * - Candidates for the abnormal list: a figure below the statutory minimum (R-INV-8: the 2020 list, 000:L7058
 *   “均未达到法定最低勘查投入要求”), or no figure filed by the filing deadline (273号令 第四十三条 annual publication of
 *   每年度实际投入, 000:L3504; 第四十四条 abnormal list, 000:L3508). The deadline date is not in the seeds: they name
 *   the national publication rules (国土资规〔2015〕6号, 000:L4320, L7048) whose annual filing closes on 31 March of the
 *   following year; it is a parameter (`deadline_mmdd`).
 */
import { defineMessages, grouped, say, type Message } from '../i18n/message';
import type { INVESTMENT_ITEMS } from '../vocab';
import { compareDates, minDate, type IsoDate } from './dates';
import { checkInvestmentComposition, minimumInvestmentSchedule, type InvestmentSchedule } from './investment';
import { fmt, pct, roundTo, step, type Step } from './steps';

/** A year's figure, itemised (核算报告 “详细列出各项投入费用明细”, 273号令 第十七条). Codes: server/vocab INVESTMENT_ITEMS. */
export type InvestmentBreakdown = Partial<Record<InvestmentItem, number>>;

/** Items of the accounting report; `physical` and `research` count toward the 85 % of R-INV-5. */
export const INVESTMENT_ITEM_CLASS = {
  seismic: 'physical',
  drilling: 'physical',
  fracturing: 'physical',
  trial_production: 'physical',
  other_physical: 'physical',
  research: 'research',
  management: 'other',
  other: 'other',
} as const satisfies Record<keyof typeof INVESTMENT_ITEMS, 'physical' | 'research' | 'other'>;
export type InvestmentItem = keyof typeof INVESTMENT_ITEM_CLASS;

/** Default filing deadline of year Y's figure: 31 March of Y + 1 (a parameter; see the module comment). */
export const DEFAULT_DEADLINE_MMDD = '03-31';

export const REPORT_DEADLINE_CITATION = '273号令 第四十三条; 国土资规〔2015〕6号 (000:L4320, L7048)';
const ART16 = '273号令 第十六条';

/** The sentences of the annual check and of the abnormal-list reasons. */
export const ANNUAL_SAY = defineMessages({
  YEAR_MINIMUM: {
    en: (p: { year: number }) => `minimum exploration investment of calendar year ${p.year}`,
    zh: (p: { year: number }) => `${p.year} 年度最低勘查投入`,
  },
  YEAR_CHECK: {
    en: (p: { year: number }) => `${p.year}: reported investment against the minimum`,
    zh: (p: { year: number }) => `${p.year} 年度：填报勘查投入与最低勘查投入比较`,
  },
  YEAR_SHORTFALL: {
    en: (p: { year: number }) => `${p.year}: unfinished share of the year's minimum`,
    zh: (p: { year: number }) => `${p.year} 年度：最低勘查投入未完成比例`,
  },
  BREAKDOWN_SUM: {
    en: () => 'the total is the sum of the itemised costs',
    zh: () => '总投入为各项投入费用之和',
  },
  DEADLINE: {
    en: (p: { year: number; deadline: string }) => `the figure of ${p.year} is due by ${p.deadline}`,
    zh: (p: { year: number; deadline: string }) => `${p.year} 年度勘查投入信息应于 ${p.deadline} 前填报`,
  },
  AREA_NOW: {
    en: () => "the year's minimum is computed on the block's licensed area on record today (the register keeps no area per past year)",
    zh: () => '年度最低勘查投入按区块当前登记面积计算（登记库未保存以往各年度面积）',
  },
  // ---- abnormal-list reasons (server/abnormal): `figures: false` is the published (public) form, without amounts
  INVESTMENT_BELOW_MINIMUM: {
    en: (p: { block: string; year: number; reported?: string; minimum?: string; shortfall?: string }) =>
      p.reported !== undefined
        ? `${p.block}: the exploration investment of ${p.year} (${grouped(p.reported)} CNY) is below the statutory minimum (${grouped(p.minimum ?? '')} CNY, ${p.shortfall} unfinished) (273号令 第十六条, 第四十四条)`
        : `${p.block}: the exploration investment of ${p.year} is below the statutory minimum (273号令 第十六条, 第四十四条)`,
    zh: (p: { block: string; year: number; reported?: string; minimum?: string; shortfall?: string }) =>
      p.reported !== undefined
        ? `${p.block}：${p.year} 年度勘查投入 ${grouped(p.reported)} 元，未达到法定最低勘查投入 ${grouped(p.minimum ?? '')} 元（未完成 ${p.shortfall}）（273号令 第十六条、第四十四条）`
        : `${p.block}：${p.year} 年度勘查投入未达到法定最低勘查投入要求（273号令 第十六条、第四十四条）`,
  },
  INVESTMENT_NOT_REPORTED: {
    en: (p: { block: string; year: number; deadline: string }) =>
      `${p.block}: no exploration investment of ${p.year} filed by ${p.deadline} (273号令 第四十三条, 第四十四条)`,
    zh: (p: { block: string; year: number; deadline: string }) =>
      `${p.block}：未在 ${p.deadline} 前填报 ${p.year} 年度勘查投入信息（273号令 第四十三条、第四十四条）`,
  },
  INVESTMENT_REPORTED_LATE: {
    en: (p: { block: string; year: number; deadline: string; filed_on: string }) =>
      `${p.block}: the exploration investment of ${p.year} was filed on ${p.filed_on}, after the deadline ${p.deadline} (273号令 第四十三条, 第四十四条)`,
    zh: (p: { block: string; year: number; deadline: string; filed_on: string }) =>
      `${p.block}：${p.year} 年度勘查投入信息于 ${p.filed_on} 填报，晚于 ${p.deadline}（273号令 第四十三条、第四十四条）`,
  },
});
const M = ANNUAL_SAY;

/** A citation of an abnormal-list reason: the article and the seed line. */
export interface Citation {
  doc: string;
  source: string;
}

/** One reason a holder is a candidate for the abnormal list: a sentence, what it rests on. */
export interface AbnormalReason extends Message {
  citations: Citation[];
}

const CITE = {
  art16: { doc: '273号令 第十六条', source: '000:L3372-3382' },
  art43: { doc: '273号令 第四十三条', source: '000:L3504' },
  art44: { doc: '273号令 第四十四条', source: '000:L3508' },
  list2020: { doc: '山西省自然资源厅 2020 年抽查 — 列入异常名录（未达到法定最低勘查投入要求）', source: '000:L7058' },
  publication: { doc: '晋自然资发〔2020〕11号 十六 / 国土资规〔2015〕6号', source: '000:L4320' },
} satisfies Record<string, Citation>;

/** The filing deadline of year `year`'s figure, `deadline_mmdd` of the following year. */
export function reportDeadline(year: number, deadline_mmdd: string = DEFAULT_DEADLINE_MMDD): { deadline: IsoDate; step: Step } {
  if (!/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(deadline_mmdd)) throw new RangeError(`deadline must be MM-DD, got ${deadline_mmdd}`);
  const deadline = `${year + 1}-${deadline_mmdd}`;
  return {
    deadline,
    step: step('R-INV-PUB', REPORT_DEADLINE_CITATION, say(M, 'DEADLINE', { year, deadline }), `${year} + 1 → ${deadline}`, year + 1),
  };
}

export interface AnnualMinimumInput {
  year: number;
  first_registration_date: IsoDate;
  /** the licensed area on record (km²) */
  area_km2: number;
  /** the right's end, when it ends within the year */
  valid_to?: IsoDate | null;
  contract_rate_cny_per_km2_year?: number | null;
  tier_origin?: 'first_registration' | 'restart_2020';
  month_rounding?: 'round' | 'fractional';
}

/**
 * The minimum exploration investment of one calendar year (R-INV-1/2/4 over [Y-01-01, Y+1-01-01), cut at the right's
 * first registration and its end): the schedule's rows, total and steps, and a closing step naming the year.
 */
export function annualMinimum(input: AnnualMinimumInput): InvestmentSchedule & { minimum_cny: number; from: IsoDate; to: IsoDate } {
  if (!Number.isInteger(input.year) || input.year < 1900 || input.year > 2200) throw new RangeError(`year out of range: ${input.year}`);
  const from = `${input.year}-01-01`;
  const yearEnd = `${input.year + 1}-01-01`;
  const to = input.valid_to ? minDate(yearEnd, input.valid_to) : yearEnd;
  const s = minimumInvestmentSchedule({
    first_registration_date: input.first_registration_date,
    area_km2: input.area_km2,
    from,
    to,
    ...(input.contract_rate_cny_per_km2_year != null ? { contract_rate_cny_per_km2_year: input.contract_rate_cny_per_km2_year } : {}),
    ...(input.tier_origin ? { tier_origin: input.tier_origin } : {}),
    ...(input.month_rounding ? { month_rounding: input.month_rounding } : {}),
  });
  const minimum = s.total_cny;
  const closing = step(
    input.contract_rate_cny_per_km2_year != null ? 'R-INV-2' : 'R-INV-1',
    input.contract_rate_cny_per_km2_year != null ? `${ART16}第二款` : ART16,
    say(M, 'YEAR_MINIMUM', { year: input.year }),
    `${s.rows.map((r) => fmt(r.amount_cny, 2)).join(' + ') || '0'} = ${fmt(minimum, 2)} CNY`,
    minimum,
  );
  return { ...s, steps: [...s.steps.slice(0, -1), closing], readings: [...s.readings, say(M, 'AREA_NOW')], minimum_cny: minimum, from, to };
}

/** Sum of the itemised costs and the share counting toward R-INV-5 (physical work + research). */
export function breakdownTotals(b: InvestmentBreakdown): { total_cny: number; physical_and_research_cny: number; step: Step } {
  let total = 0;
  let qualifying = 0;
  const parts: string[] = [];
  for (const [item, v] of Object.entries(b) as [InvestmentItem, number | undefined][]) {
    if (v === undefined) continue;
    if (!(item in INVESTMENT_ITEM_CLASS)) throw new RangeError(`unknown investment item ${item}`);
    if (!Number.isFinite(v) || v < 0) throw new RangeError(`${item} must be a non-negative number`);
    total += v;
    if (INVESTMENT_ITEM_CLASS[item] !== 'other') qualifying += v;
    parts.push(fmt(v, 2));
  }
  const t = roundTo(total, 2);
  return {
    total_cny: t,
    physical_and_research_cny: roundTo(qualifying, 2),
    step: step('R-INV-6', '273号令 第十七条', say(M, 'BREAKDOWN_SUM'), `${parts.join(' + ') || '0'} = ${fmt(t, 2)} CNY`, t),
  };
}

export interface AnnualCheck {
  year: number;
  minimum_cny: number;
  reported_cny: number;
  meets_minimum: boolean;
  shortfall_cny: number;
  /** (minimum − reported) / minimum, clamped to [0, 1]; 0 when nothing is required */
  shortfall_ratio: number;
  composition: { ok: boolean; share: number } | null;
  steps: Step[];
  warnings: Message[];
}

/**
 * The year's figure against the year's minimum (R-INV-1 / R-INV-8) and, with a breakdown, its composition (R-INV-5).
 * Equality meets the minimum (“完成最低勘查投入”).
 */
export function checkAnnualInvestment(input: {
  year: number;
  minimum_cny: number;
  reported_cny: number;
  physical_and_research_cny?: number | null;
}): AnnualCheck {
  const { year, minimum_cny: min, reported_cny: rep } = input;
  if (!Number.isFinite(min) || min < 0) throw new RangeError('minimum_cny must be ≥ 0');
  if (!Number.isFinite(rep) || rep < 0) throw new RangeError('reported_cny must be ≥ 0');
  const meets = rep + 0.005 >= min;
  const shortfall = roundTo(Math.max(0, min - rep), 2);
  const ratio = min === 0 ? 0 : roundTo(Math.min(1, shortfall / min), 6);
  const steps: Step[] = [
    step('R-INV-1', ART16, say(M, 'YEAR_CHECK', { year }), `${fmt(rep, 2)} ${meets ? '≥' : '<'} ${fmt(min, 2)} CNY`, meets ? 1 : 0),
    step(
      'R-RED-4',
      '273号令 第十七条',
      say(M, 'YEAR_SHORTFALL', { year }),
      min === 0 ? '0 → u = 0' : `u = (${fmt(min, 2)} − ${fmt(Math.min(rep, min), 2)}) / ${fmt(min, 2)} = ${pct(ratio)}`,
      ratio,
    ),
  ];
  const warnings: Message[] = [];
  let composition: AnnualCheck['composition'] = null;
  if (input.physical_and_research_cny != null) {
    const c = checkInvestmentComposition({ total_cny: rep, physical_and_research_cny: input.physical_and_research_cny });
    composition = { ok: c.ok, share: c.share };
    steps.push(...c.steps);
    warnings.push(...c.warnings);
  }
  return {
    year,
    minimum_cny: min,
    reported_cny: rep,
    meets_minimum: meets,
    shortfall_cny: shortfall,
    shortfall_ratio: ratio,
    composition,
    steps,
    warnings,
  };
}

/** What the abnormal-list rule needs to know of one block's year. */
export interface YearStanding {
  block_id: string;
  block_name: string;
  year: number;
  /** the figure on record for the year (ledger), null when none */
  reported_cny: number | null;
  minimum_cny: number;
  /** when the first filing for the year was made (YYYY-MM-DD, China); null for a figure imported with the register */
  first_filed_on: IsoDate | null;
  deadline: IsoDate;
  /** the day the list is judged (a missing figure is a reason only once the deadline has passed) */
  on: IsoDate;
}

/**
 * The investment reasons of one block's year (273号令 第四十三、四十四条): below the statutory minimum, not filed by
 * the deadline, filed late. `figures: false` gives the published form, without the confidential amounts.
 */
export function investmentReasons(s: YearStanding, opts: { figures: boolean } = { figures: true }): AbnormalReason[] {
  const out: AbnormalReason[] = [];
  const block = s.block_name;
  if (s.reported_cny === null) {
    if (compareDates(s.on, s.deadline) > 0)
      out.push({
        ...say(M, 'INVESTMENT_NOT_REPORTED', { block, year: s.year, deadline: s.deadline }),
        citations: [CITE.art43, CITE.art44, CITE.publication],
      });
    return out;
  }
  if (s.first_filed_on && compareDates(s.first_filed_on, s.deadline) > 0)
    out.push({
      ...say(M, 'INVESTMENT_REPORTED_LATE', { block, year: s.year, deadline: s.deadline, filed_on: s.first_filed_on }),
      citations: [CITE.art43, CITE.art44, CITE.publication],
    });
  const c = checkAnnualInvestment({ year: s.year, minimum_cny: s.minimum_cny, reported_cny: s.reported_cny });
  if (!c.meets_minimum) {
    const params = opts.figures
      ? { block, year: s.year, reported: fmt(s.reported_cny, 2), minimum: fmt(s.minimum_cny, 2), shortfall: pct(c.shortfall_ratio) }
      : { block, year: s.year };
    out.push({ ...say(M, 'INVESTMENT_BELOW_MINIMUM', params), citations: [CITE.art16, CITE.art44, CITE.list2020] });
  }
  return out;
}

/**
 * From a stored block's register facts to the inputs of the lifecycle rules (pure, no I/O):
 * the regime from its dates, the licensed area from its geometry, the proven area from its reserve
 * polygons, the unfinished share from its investment ledger, the pre-offset base from the offset ledger.
 * Each derived input is itself a step with its rule and arithmetic.
 */
import {
  assessExtension,
  blockDeadlines,
  EMPTY_LEDGER,
  explainRegimeForDate,
  explorationUsageFee,
  explorationYearOn,
  minimumInvestmentSchedule,
  preOffsetBase,
  unfinishedRatio,
  covidInvestmentReduction,
  type ExtensionAssessment,
  type ExtensionInput,
  type OffsetLedger,
  type Step,
  type BlockDeadlines,
  type InvestmentSchedule,
} from '../rules';
import { deadlineInput } from './deadlines-list';
import { unprocessable } from '../errors';

export interface StoredBlock {
  id: string;
  name: string;
  holder: string | null;
  kind: 'exploration' | 'mining';
  mineral: string;
  status: string;
  acquisition_method: string | null;
  first_registration_date: string | null;
  first_registration_area_km2: number | null;
  valid_from: string | null;
  valid_to: string | null;
  extensions_used: number;
  province_registered: boolean;
  area_km2: number;
  proven_km2: number;
  proven_submitted_date: string | null;
}

export interface InvestmentRow {
  year: number;
  amount_cny: number;
}

/** Register vocabulary → the contract vocabulary the rules use. */
const ACQUISITION: Record<string, ExtensionInput['acquisition_method']> = {
  tender: 'tender',
  listing: 'listing',
  agreement: 'agreement',
  administrative: 'administrative',
  added_mineral: 'coal_addition',
};

const ms = (d: string) => Date.parse(`${d}T00:00:00Z`);

/**
 * Investment actually made within [from, to): each calendar year's amount weighted by the share of that
 * year inside the term (the ledger is kept by calendar year, the term runs from the registration day).
 */
export function investedWithin(rows: InvestmentRow[], from: string, to: string): { amount_cny: number; step: Step } {
  let total = 0;
  const parts: string[] = [];
  for (const r of rows) {
    const ys = Date.UTC(r.year, 0, 1);
    const ye = Date.UTC(r.year + 1, 0, 1);
    const overlap = Math.max(0, Math.min(ye, ms(to)) - Math.max(ys, ms(from)));
    if (overlap <= 0) continue;
    const share = overlap / (ye - ys);
    total += r.amount_cny * share;
    parts.push(share === 1 ? `${r.amount_cny}` : `${r.amount_cny}×${share.toFixed(4)}`);
  }
  return {
    amount_cny: total,
    step: {
      rule: 'R-INV-1',
      citation: '273号令 第十六条',
      formula: `actual = ${parts.join(' + ') || '0'} = ${total.toFixed(2)} CNY (calendar-year ledger, pro rata by day within ${from}..${to})`,
      value: total,
    },
  };
}

export interface FeeSchedule {
  /** current exploration year (counted from first registration) */
  exploration_year: number;
  usage_fee_cny: number;
  /** one row per exploration year from the first to the current, and the total to date */
  rows: { exploration_year: number; amount_cny: number }[];
  total_to_date_cny: number;
  steps: Step[];
}

/** R-FEE-1 per exploration year from the first to `year`, on the block's current area, with the total to date. */
export function feeSchedule(area_km2: number, year: number): FeeSchedule {
  const rows = [];
  const steps: Step[] = [];
  for (let y = 1; y <= year; y++) {
    const f = explorationUsageFee({ exploration_year: y, area_km2 });
    rows.push({ exploration_year: y, amount_cny: f.amount_cny });
    if (y === year) steps.push(...f.steps);
  }
  const total = rows.reduce((a, r) => a + r.amount_cny, 0);
  steps.push({
    rule: 'R-FEE-1',
    citation: '273号令 第三十三条',
    formula: `total to date = Σ years 1..${year} = ${total.toFixed(2)} CNY (on the current area)`,
    value: total,
  });
  return { exploration_year: year, usage_fee_cny: rows[rows.length - 1]?.amount_cny ?? 0, rows, total_to_date_cny: total, steps };
}

export interface StoredBlockAssessment {
  block: { id: string; name: string; holder: string | null; kind: string; mineral: string; status: string };
  regime_reason: string;
  inputs: ExtensionInput;
  derived_steps: Step[];
  assessment: ExtensionAssessment | null;
  investment: (InvestmentSchedule & { actual_cny: number; unfinished_ratio: number }) | null;
  fees: FeeSchedule | null;
  deadlines: BlockDeadlines | null;
  warnings: string[];
}

/**
 * Assess a stored exploration block as of `today`. Mining rights get deadlines only.
 * The assessed term is the current one [valid_from, valid_to); the regime is the one in force at expiry.
 */
export function assessStoredBlock(
  b: StoredBlock,
  investments: InvestmentRow[],
  ledger: OffsetLedger = EMPTY_LEDGER,
  today: string,
): StoredBlockAssessment {
  const warnings: string[] = [];
  const derived: Step[] = [];
  const head = { id: b.id, name: b.name, holder: b.holder, kind: b.kind, mineral: b.mineral, status: b.status };
  if (!b.valid_from || !b.valid_to || !b.first_registration_date) {
    return {
      block: head,
      regime_reason: '',
      inputs: {} as ExtensionInput,
      derived_steps: [],
      assessment: null,
      investment: null,
      fees: null,
      deadlines: null,
      warnings: ['the block has no validity dates or first registration date: nothing to assess'],
    };
  }
  const choice = explainRegimeForDate(b.valid_to, { province: 'shanxi', mineral: b.mineral });
  warnings.push(...choice.warnings);
  const deadlines = blockDeadlines(
    deadlineInput(
      { ...b, valid_from: b.valid_from, valid_to: b.valid_to, first_registration_date: b.first_registration_date },
      choice.regime,
    ),
    today,
  );
  if (b.kind !== 'exploration') {
    return {
      block: head,
      regime_reason: choice.reason,
      inputs: {} as ExtensionInput,
      derived_steps: [],
      assessment: null,
      investment: null,
      fees: null,
      deadlines,
      warnings,
    };
  }

  derived.push({
    rule: 'GEOM',
    citation: 'CGCS2000 椭球面积 (ST_Area geography)',
    formula: `licensed area from the block geometry = ${b.area_km2.toFixed(4)} km²`,
    value: b.area_km2,
  });
  const pre = preOffsetBase(ledger, b.id, b.area_km2);
  if (pre.offsets_given_km2 > 0) derived.push(...pre.steps);
  const licensed = pre.pre_offset_area_km2;
  derived.push({
    rule: 'GEOM',
    citation: '探明储量范围 (reserves layer)',
    formula: `proven-reserve area inside the block = ${b.proven_km2.toFixed(4)} km²`,
    value: b.proven_km2,
  });

  const schedule = minimumInvestmentSchedule({
    first_registration_date: b.first_registration_date,
    area_km2: licensed,
    from: b.valid_from,
    to: b.valid_to,
  });
  const actual = investedWithin(investments, b.valid_from, b.valid_to);
  // R-COVID-3 applies to administratively granted rights whose term overlaps 2020-01-25..2020-04-30
  const covid =
    b.acquisition_method === 'administrative'
      ? covidInvestmentReduction({ valid_from: b.valid_from, valid_to: b.valid_to, area_km2: licensed })
      : null;
  const covidCny = covid?.reduction_cny ?? 0;
  const u = unfinishedRatio(schedule.total_cny, actual.amount_cny, covidCny ? { covid_reduction_cny: covidCny } : {});
  derived.push(...schedule.steps, actual.step, ...(covidCny ? covid!.steps : []), ...u.steps);

  const inputs: ExtensionInput = {
    regime: choice.regime,
    licensed_area_km2: licensed,
    first_registration_area_km2: b.first_registration_area_km2 ?? undefined,
    proven_reserve_area_km2: Math.min(b.proven_km2, licensed),
    unfinished_ratio: u.unfinished_ratio,
    acquisition_method: b.acquisition_method ? ACQUISITION[b.acquisition_method] : undefined,
    extensions_used: b.extensions_used,
    valid_to: b.valid_to,
    proven_reserves_submitted_date: b.proven_submitted_date ?? undefined,
  };
  const assessment = assessExtension(inputs);
  const year = Math.max(1, explorationYearOn(b.first_registration_date, today));
  return {
    block: head,
    regime_reason: choice.reason,
    inputs,
    derived_steps: derived,
    assessment,
    investment: { ...schedule, actual_cny: actual.amount_cny, unfinished_ratio: u.unfinished_ratio },
    fees: feeSchedule(b.area_km2, year),
    deadlines,
    warnings,
  };
}

/**
 * The area a relinquishment plan must meet when the request names none: the stored block's assessed
 * reduction, with the assessment's steps as its basis. Throws a 422 when there is nothing to relinquish.
 */
export function requiredFromAssessment(r: StoredBlockAssessment): {
  required_km2: number;
  basis: { source: 'assessment'; regime: string; steps: Step[] };
} {
  const a = r.assessment;
  if (!a)
    throw unprocessable(
      'NO_ASSESSMENT',
      'This block has no extension assessment (not an exploration right with dates): give required_km2',
      '该区块无延续评估（非探矿权或缺少日期），请给出 required_km2',
    );
  if (a.decision !== 'extend' || a.reduction_km2 <= 0)
    throw unprocessable(
      'NOTHING_TO_RELINQUISH',
      `The assessment requires no reduction (decision ${a.decision})`,
      `评估结果无需核减（结论：${a.decision}）`,
    );
  return { required_km2: a.reduction_km2, basis: { source: 'assessment', regime: a.regime, steps: a.steps } };
}

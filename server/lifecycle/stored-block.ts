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
  receiverCredit,
  unfinishedRatio,
  covidInvestmentReduction,
  covidTermOnRecord,
  type ExtensionAssessment,
  type ExtensionInput,
  type OffsetLedger,
  type Step,
  type BlockDeadlines,
  type InvestmentSchedule,
} from '../rules';
import { deadlineInput } from './deadlines-list';
import { unprocessable } from '../errors';
import { say, type Message } from '../i18n/message';
import { REGISTER_TO_CONTRACT_ACQUISITION } from '../vocab';
import { LIFECYCLE_SAY as M } from './messages';
import { STEP } from '../rules/step-messages';
import { assessmentReadingsGiven, readingsApplied, type AssessmentReadings, type ReadingApplied } from '../rules/readings';
import { applyOverrides, inputSources, type AssessmentOverrides, type InputName, type InputSource } from './assessment-inputs';

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
  /** Area of the geometry (ellipsoidal km²). */
  area_km2: number;
  /** Licensed area on record (勘查许可证载明面积) when it differs from the geometry, e.g. after an offset (004). */
  licensed_area_km2?: number | null;
  proven_km2: number;
  proven_submitted_date: string | null;
  basin?: string | null;
  /**
   * block_terms (004, 015): the two approvals of 晋自然资函〔2020〕1333号 on record — 附件1, a 96-day term extension
   * (考核期相应后延, 一) and 附件2, a reduction of the minimum investment of the affected period (二) — and contract terms.
   */
  covid_term_extension_doc?: string | null;
  covid_investment_reduction_doc?: string | null;
  /** the right a CBM exploration right was added to (增列, 273号令 第十一条): coal, oil/gas, or not recorded (015) */
  added_to_right?: 'coal' | 'oil_gas' | null;
  contract_investment_cny_per_km2_year?: number | null;
  contract_doc?: string | null;
  committed_completion_ratio?: number | null;
  contract_reduction_ratio?: number | null;
  contract_refusal_completion_below?: number | null;
  mining_registration_completed_date?: string | null;
  /** applications register (R-VAL-6): the day a standing conversion application was submitted, and approved */
  conversion_applied_on?: string | null;
  conversion_approved_on?: string | null;
}

export interface InvestmentRow {
  year: number;
  amount_cny: number;
}

/** Register vocabulary → the contract vocabulary the rules use (server/vocab, total by type). */
const ACQUISITION: Record<string, ExtensionInput['acquisition_method']> = REGISTER_TO_CONTRACT_ACQUISITION;

/** A step derived from the register (a rules Step: rule, citation, description in both languages, arithmetic, value). */
export type DerivedStep = Step;

const ms = (d: string) => Date.parse(`${d}T00:00:00Z`);

/**
 * Investment actually made within [from, to): each calendar year's amount weighted by the share of that
 * year inside the term (the ledger is kept by calendar year, the term runs from the registration day).
 */
export function investedWithin(rows: InvestmentRow[], from: string, to: string): { amount_cny: number; step: DerivedStep } {
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
      formula: `${parts.join(' + ') || '0'} = ${total.toFixed(2)} CNY`,
      value: total,
      description: say(M, 'INVESTED_WITHIN', { from, to }),
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
  steps: DerivedStep[];
}

/** R-FEE-1 per exploration year from the first to `year`, on the block's current area, with the total to date. */
export function feeSchedule(area_km2: number, year: number): FeeSchedule {
  const rows = [];
  const steps: DerivedStep[] = [];
  for (let y = 1; y <= year; y++) {
    const f = explorationUsageFee({ exploration_year: y, area_km2 });
    rows.push({ exploration_year: y, amount_cny: f.amount_cny });
    if (y === year) steps.push(...f.steps);
  }
  const total = rows.reduce((a, r) => a + r.amount_cny, 0);
  steps.push({
    rule: 'R-FEE-1',
    citation: '273号令 第三十三条',
    formula: `Σ 1..${year} = ${total.toFixed(2)} CNY`,
    value: total,
    description: say(M, 'FEES_TO_DATE', { year }),
  });
  return { exploration_year: year, usage_fee_cny: rows[rows.length - 1]?.amount_cny ?? 0, rows, total_to_date_cny: total, steps };
}

export interface StoredBlockAssessment {
  block: { id: string; name: string; holder: string | null; kind: string; mineral: string; status: string };
  regime_reason: Message | null;
  inputs: ExtensionInput;
  derived_steps: DerivedStep[];
  assessment: ExtensionAssessment | null;
  /** Offsets received (本区块未核减): the credit against the assessed reduction and the reduction still due. */
  offset_credit: { credit_km2: number; due_reduction_km2: number; steps: Step[] } | null;
  investment: (InvestmentSchedule & { actual_cny: number; unfinished_ratio: number }) | null;
  fees: FeeSchedule | null;
  deadlines: BlockDeadlines | null;
  warnings: Message[];
  readings: Message[];
  /** The named readings used, each with its value, whether the request set it, and its warning (issue 11). */
  readings_applied: ReadingApplied[];
  /** Every input of the extension assessment with where its value came from (register, default, user override). */
  input_sources: InputSource[];
  /** Set when a user override was used: the verdict is not the register's. */
  override_notice: Message | null;
  /** The approvals of 晋自然资函〔2020〕1333号 on record (a public letter): 附件1 term extension, 附件2 investment reduction. */
  covid_approvals: { term_extension_doc: string | null; investment_reduction_doc: string | null };
}

/**
 * Assess a stored exploration block as of `today`. Mining rights get deadlines only.
 * The assessed term is the current one [valid_from, valid_to); the regime is the block's own, in force at expiry.
 * 273号令's investment tiers and fees only for Shanxi CBM (issue 11 item 9); the COVID reduction only with an
 * approval on record (item 7); the contract's investment standard when recorded (item 12); the licensed area on
 * record (reduced by offsets) and its pre-offset base (item 4).
 */
export function assessStoredBlock(
  b: StoredBlock,
  investments: InvestmentRow[],
  ledger: OffsetLedger = EMPTY_LEDGER,
  today: string,
  chosen: AssessmentReadings = {},
  overrides?: AssessmentOverrides,
): StoredBlockAssessment {
  const warnings: Message[] = [];
  const readings: Message[] = [];
  const derived: DerivedStep[] = [];
  const head = { id: b.id, name: b.name, holder: b.holder, kind: b.kind, mineral: b.mineral, status: b.status };
  const covid_approvals = {
    term_extension_doc: b.covid_term_extension_doc ?? null,
    investment_reduction_doc: b.covid_investment_reduction_doc ?? null,
  };
  const empty = {
    covid_approvals,
    inputs: {} as ExtensionInput,
    derived_steps: [],
    assessment: null,
    offset_credit: null,
    investment: null,
    fees: null,
    readings_applied: [],
    input_sources: [],
    override_notice: null,
  };
  const overridden = Object.values(overrides ?? {}).some((v) => v !== undefined);
  const noAssessment = () =>
    unprocessable(
      'NO_ASSESSMENT',
      'This block has no extension assessment (not an exploration right with dates): nothing to override',
      '该区块无延续评估（非探矿权或缺少日期），无可覆盖的输入',
    );
  if (!b.valid_from || !b.valid_to || !b.first_registration_date) {
    if (overridden) throw noAssessment();
    return { block: head, regime_reason: null, ...empty, deadlines: null, warnings: [say(M, 'NO_DATES')], readings };
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
  if (b.kind !== 'exploration' && overridden) throw noAssessment();
  if (b.kind !== 'exploration') return { block: head, regime_reason: choice.reason, ...empty, deadlines, warnings, readings };
  const applies273 = choice.regime === 'shanxi-cbm-2020';

  const current = b.licensed_area_km2 ?? b.area_km2;
  derived.push({
    rule: 'GEOM',
    citation: 'CGCS2000 椭球面积',
    formula: `${b.area_km2.toFixed(4)} km²`,
    value: b.area_km2,
    description: say(STEP, 'GEOMETRY_AREA'),
  });
  if (b.licensed_area_km2 != null && Math.abs(b.licensed_area_km2 - b.area_km2) > 1e-6) {
    derived.push({
      rule: 'R-RED-10',
      citation: '晋自然资发〔2020〕11号 四（二）1',
      formula: `${b.licensed_area_km2.toFixed(4)} km²`,
      value: b.licensed_area_km2,
      description: say(STEP, 'LICENSED_ON_RECORD'),
    });
    warnings.push(say(M, 'OFFSETS_ON_RECORD', { current: b.licensed_area_km2.toFixed(4), geometry: b.area_km2.toFixed(4) }));
  }
  const pre = preOffsetBase(ledger, b.id, current, { since: b.valid_from });
  if (pre.offsets_given_km2 > 0) {
    derived.push(...pre.steps);
    readings.push(...pre.readings);
  }
  const licensed = pre.pre_offset_area_km2;
  derived.push({
    rule: 'GEOM',
    citation: '探明储量范围图层',
    formula: `${b.proven_km2.toFixed(4)} km²`,
    value: b.proven_km2,
    description: say(M, 'PROVEN_AREA_FROM_RESERVES'),
  });

  let investment: StoredBlockAssessment['investment'] = null;
  let u = 0;
  if (applies273) {
    const contractRate = b.contract_investment_cny_per_km2_year ?? undefined;
    const schedule = minimumInvestmentSchedule({
      first_registration_date: b.first_registration_date,
      area_km2: licensed,
      from: b.valid_from,
      to: b.valid_to,
      ...(contractRate !== undefined ? { contract_rate_cny_per_km2_year: contractRate } : {}),
      ...(chosen.tier_origin ? { tier_origin: chosen.tier_origin } : {}),
      ...(chosen.month_rounding ? { month_rounding: chosen.month_rounding } : {}),
    });
    const actual = investedWithin(investments, b.valid_from, b.valid_to);
    // R-COVID-3: only blocks whose investment reduction under 晋自然资函〔2020〕1333号 二 (附件2) is on record;
    // a term extension (一, 附件1) is a different approval and reduces no investment
    const reductionDoc = b.covid_investment_reduction_doc;
    const covid = reductionDoc ? covidInvestmentReduction({ valid_from: b.valid_from, valid_to: b.valid_to, area_km2: licensed }) : null;
    if (reductionDoc) readings.push(say(M, 'COVID_APPROVED', { doc: reductionDoc }));
    else if (b.acquisition_method === 'administrative') readings.push(say(M, 'COVID_NOT_APPROVED'));
    // R-COVID-2: the term extension on record, read against this term (the register's validity end is the re-issued licence's)
    if (b.covid_term_extension_doc) {
      const t = covidTermOnRecord({ doc: b.covid_term_extension_doc, valid_from: b.valid_from, valid_to: b.valid_to });
      derived.push(...t.steps);
      readings.push(t.reading);
    }
    const covidCny = covid?.reduction_cny ?? 0;
    const ur = unfinishedRatio(schedule.total_cny, actual.amount_cny, covidCny ? { covid_reduction_cny: covidCny } : {});
    derived.push(...schedule.steps, actual.step, ...(covidCny ? covid!.steps : []), ...ur.steps);
    readings.push(...schedule.readings);
    warnings.push(...schedule.warnings);
    u = ur.unfinished_ratio;
    // C6: a force-majeure reduction or waiver (273号令 第十六条第三款) is the authority's decision on application: not
    // computable from the seeds; said whenever it could change the result (a shortfall exists)
    if (u > 0) warnings.push(say(M, 'FORCE_MAJEURE_INVESTMENT_WAIVER', { u: `${(u * 100).toFixed(2)}%` }));
    investment = { ...schedule, actual_cny: actual.amount_cny, unfinished_ratio: u };
  } else {
    readings.push(say(M, 'NOT_273', { regime: choice.regime, mineral: b.mineral }));
  }

  const added = b.acquisition_method === 'added_mineral' ? (b.added_to_right ?? 'unknown') : null;
  const contract: NonNullable<ExtensionInput['contract']> = {};
  if (chosen.exemption_reading) contract.exemption_reading = chosen.exemption_reading;
  if (chosen.base_reading) contract.base_reading = chosen.base_reading;
  if (b.committed_completion_ratio != null) contract.committed_completion_ratio = b.committed_completion_ratio;
  if (b.contract_reduction_ratio != null) contract.contract_reduction_ratio = b.contract_reduction_ratio;
  if (b.contract_refusal_completion_below != null) contract.contract_refusal_completion_below = b.contract_refusal_completion_below;
  const registerInput: ExtensionInput = {
    regime: choice.regime,
    licensed_area_km2: licensed,
    first_registration_area_km2: b.first_registration_area_km2 ?? undefined,
    proven_reserve_area_km2: Math.min(b.proven_km2, licensed),
    unfinished_ratio: u,
    acquisition_method: added === 'oil_gas' ? 'other' : b.acquisition_method ? ACQUISITION[b.acquisition_method] : undefined,
    extensions_used: b.extensions_used,
    valid_to: b.valid_to,
    proven_reserves_submitted_date: b.proven_submitted_date ?? undefined,
    mining_registration_completed: !!b.mining_registration_completed_date || !!b.conversion_approved_on,
    ...(b.conversion_applied_on ? { conversion_applied_on: b.conversion_applied_on } : {}),
    ...(Object.keys(contract).length ? { contract } : {}),
    ...(chosen.shanxi_legacy_term ? { shanxi_legacy_term: chosen.shanxi_legacy_term } : {}),
    ...(chosen.shanxi_rate_reading ? { shanxi_rate_reading: chosen.shanxi_rate_reading } : {}),
  };
  // what the register gave a value for (a column, the geometry, the reserves layer, the ledger); the rest are defaults
  const fromRegister = new Set<InputName>([
    'regime',
    'licensed_area_km2',
    'proven_reserve_area_km2',
    'extensions_used',
    'valid_to',
    'proven_reserves_submitted_date',
    'mining_registration_completed',
  ]);
  if (applies273) fromRegister.add('unfinished_ratio');
  if (b.first_registration_area_km2 != null) fromRegister.add('first_registration_area_km2');
  if (b.acquisition_method) fromRegister.add('acquisition_method');
  if (b.committed_completion_ratio != null) fromRegister.add('committed_completion_ratio');
  if (b.contract_reduction_ratio != null) fromRegister.add('contract_reduction_ratio');
  if (b.contract_refusal_completion_below != null) fromRegister.add('contract_refusal_completion_below');
  const applied = applyOverrides(registerInput, inputSources(registerInput, fromRegister), overrides);
  const inputs = applied.input;
  const assessment = assessExtension(inputs);
  // B8: the cut of 11号 四（四） is for a coal right's addition; an oil/gas right's addition has none in the sources
  if (applies273 && added === 'oil_gas') warnings.push(say(M, 'ADDED_CBM_INVESTMENT_OIL_GAS'));
  else if (applies273 && added === 'unknown' && inputs.acquisition_method === 'coal_addition') {
    const general = assessExtension({ ...inputs, acquisition_method: 'other' });
    warnings.push(
      say(M, 'ADDED_CBM_INVESTMENT_ORIGIN_UNKNOWN', {
        alt: general.reduction_km2.toFixed(4),
        refused: general.decision === 'refuse',
      }),
    );
  }
  let offset_credit: StoredBlockAssessment['offset_credit'] = null;
  const rc = receiverCredit(ledger, b.id, assessment.reduction_km2, { since: b.valid_from });
  if (rc.credit_km2 > 0) {
    offset_credit = { credit_km2: rc.credit_km2, due_reduction_km2: rc.due_after_credit_km2, steps: rc.steps };
    warnings.push(...rc.warnings);
  }
  const year = Math.max(1, explorationYearOn(b.first_registration_date, today));
  return {
    covid_approvals,
    block: head,
    regime_reason: choice.reason,
    inputs,
    derived_steps: derived,
    assessment,
    offset_credit,
    investment,
    fees: applies273 ? feeSchedule(current, year) : null,
    deadlines,
    warnings,
    readings,
    readings_applied: readingsApplied(
      applies273
        ? [
            'tier_origin',
            'month_rounding',
            'contract.exemption_reading',
            'contract.base_reading',
            'shanxi_legacy_term',
            'shanxi_rate_reading',
          ]
        : ['contract.base_reading'],
      assessmentReadingsGiven(chosen),
    ),
    input_sources: applied.sources,
    override_notice: applied.notice,
  };
}

/**
 * The area a relinquishment plan must meet when the request names none: the stored block's assessed
 * reduction less what other blocks gave for it (本区块未核减), with the assessment's steps as its basis.
 * Throws a 422 when there is nothing to relinquish.
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
  const due = r.offset_credit ? r.offset_credit.due_reduction_km2 : a.reduction_km2;
  if (a.decision !== 'extend' || due <= 0)
    throw unprocessable(
      'NOTHING_TO_RELINQUISH',
      `The assessment requires no reduction (decision ${a.decision})`,
      `评估结果无需核减（结论：${a.decision}）`,
    );
  return { required_km2: due, basis: { source: 'assessment', regime: a.regime, steps: [...a.steps, ...(r.offset_credit?.steps ?? [])] } };
}

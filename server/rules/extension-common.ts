/**
 * Shared pieces of the extension assessment: result type, citations, the accumulator of steps,
 * warnings and readings, and the common finish (capping, remaining area, new term).
 */
import { defineMessages, say, type Message } from '../i18n/message';
import { addDays, addYears } from './dates';
import type { RegimeId } from './regimes';
import type { ExtensionInput } from './schemas';
import { STEP as S } from './step-messages';
import { fmt, roundTo, step, type Step } from './steps';

/** Sentences shared by every regime's extension assessment. */
export const COMMON = defineMessages({
  REDUCTION_CAPPED: {
    en: (p: { required: string; available: string }) =>
      `required reduction ${p.required} km² exceeds the licensed area outside proven reserves (${p.available} km²); capped — the rest must come from another block (offset) or the block is exhausted`,
    zh: (p: { required: string; available: string }) =>
      `应核减面积 ${p.required} km² 超过探明储量范围以外的证载面积（${p.available} km²），已按后者封顶；其余须由其他区块抵扣，或本区块已无可核减面积`,
  },
  TERM_START_2023: {
    en: (p: { years: number }) => `new term starts the day after the old expiry (自然资规〔2023〕4号 一（一）6) and runs ${p.years} years`,
    zh: (p: { years: number }) => `新有效期自原有效期届满次日起算（自然资规〔2023〕4号 一（一）6），为期 ${p.years} 年`,
  },
  TERM_START_READ: {
    en: (p: { years: number }) =>
      `new term read as starting the day after the old expiry (as 自然资规〔2023〕4号 一（一）6 states) and running ${p.years} years`,
    zh: (p: { years: number }) => `新有效期按原有效期届满次日起算（参照自然资规〔2023〕4号 一（一）6），为期 ${p.years} 年`,
  },
});
export type ExtensionDecision = 'extend' | 'refuse';

export interface ExtensionAssessment {
  regime: RegimeId;
  decision: ExtensionDecision;
  /** Share of the base to give up (0 when refused or exempt). */
  reduction_ratio: number;
  /** Area to give up, km² (0 when refused). */
  reduction_km2: number;
  /** Licensed area after the reduction, km² (the licensed area unchanged when refused). */
  remaining_km2: number;
  /** The area the ratio applies to (e.g. licensed − proven), km². */
  base_km2: number;
  steps: Step[];
  warnings: Message[];
  /** The reading taken wherever sources disagree or are silent. */
  readings: Message[];
  /** Why the extension is refused (empty when extended). */
  refusal_reasons: Message[];
  /** The other option the holder may choose instead (R-VAL-5: 2 or 5 years for licences ending before 2020-05-01). */
  alternatives?: (ExtensionAssessment & { option: string })[];
  /** Which option this result is, when the holder has a choice (R-VAL-5). */
  option?: string;
  /** Length of the extension term in years (R-VAL-3: 5). */
  term_years: number;
  /** New term, when valid_to was given: from the day after expiry, 5 years. */
  new_valid_from: string | null;
  new_valid_to: string | null;
}

/** Tolerance for ratio bounds, so 1 − 0.75 computed in floating point still counts as exactly 25%. */
export const EPS = 1e-9;

/** The Chinese citations used by the extension rules. */
export const C = {
  art15: '273号令 第十五条',
  art15_2: '273号令 第十五条第二款',
  art15legacy: '273号令 第十五条第四款',
  art17: '273号令 第十七条',
  op4: '晋自然资发〔2020〕11号 四',
  op4_3: '晋自然资发〔2020〕11号 四（三）',
  op4_4: '晋自然资发〔2020〕11号 四（四）',
  tplOther: '晋自然资发〔2020〕15号 合同示范文本 第七条第四款',
  contract: '探矿权出让合同约定（晋自然资发〔2020〕11号 四（三）“按照合同约定核减面积”；合同示范文本 第七条）',
  op2: '晋自然资发〔2020〕11号 二',
  art21: '273号令 第二十一条',
  tplListing: '晋自然资发〔2020〕15号 合同示范文本 第七条第三款',
  n2019: '自然资规〔2019〕7号 七',
  n2023: '自然资规〔2023〕6号 七',
  n2023fm: '自然资规〔2023〕4号 一（一）5',
} as const;

/** Accumulates the audit trail of one assessment. */
export interface Acc {
  steps: Step[];
  warnings: Message[];
  readings: Message[];
  refusal_reasons: Message[];
}

/** An empty accumulator. */
export function newAcc(): Acc {
  return { steps: [], warnings: [], readings: [], refusal_reasons: [] };
}

/**
 * Common end of every regime (R-RED-3, R-VAL-3): refuse when any refusal reason was recorded; otherwise
 * clamp the reduction to [0, base] and to the licensed area outside proven reserves, and give the new term.
 */
export function finish(
  input: ExtensionInput,
  acc: Acc,
  base: number,
  ratio: number,
  reductionRaw: number,
  citation: string,
  rule: string,
  termYears = 5,
): ExtensionAssessment {
  const licensed = input.licensed_area_km2;
  if (acc.refusal_reasons.length > 0) {
    return {
      regime: input.regime,
      decision: 'refuse',
      reduction_ratio: 0,
      reduction_km2: 0,
      remaining_km2: roundTo(licensed),
      base_km2: roundTo(base),
      ...acc,
      term_years: 0,
      new_valid_from: null,
      new_valid_to: null,
    };
  }
  const term = newTerm(input, acc, termYears);
  // The area actually available to give up: the licensed area outside proven reserves.
  const available = Math.max(0, licensed - input.proven_reserve_area_km2);
  let reduction = roundTo(Math.max(0, Math.min(reductionRaw, base)));
  if (reduction > available + EPS) {
    acc.warnings.push(say(COMMON, 'REDUCTION_CAPPED', { required: fmt(reduction), available: fmt(available) }));
    reduction = roundTo(available);
    acc.steps.push(
      step(
        rule,
        citation,
        say(S, 'CAPPED'),
        `${fmt(roundTo(Math.max(0, Math.min(reductionRaw, base))))} > ${fmt(licensed)} − ${fmt(input.proven_reserve_area_km2)} → ${fmt(reduction)}`,
        reduction,
      ),
    );
  }
  const remaining = roundTo(licensed - reduction);
  acc.steps.push(step(rule, citation, say(S, 'REMAINING'), `${fmt(licensed)} − ${fmt(reduction)} = ${fmt(remaining)}`, remaining));
  return {
    regime: input.regime,
    decision: 'extend',
    reduction_ratio: ratio,
    reduction_km2: reduction,
    remaining_km2: remaining,
    base_km2: roundTo(base),
    ...acc,
    term_years: termYears,
    ...term,
  };
}

/** R-VAL-3 / national 七: each extension is 5 years, from the day after the old expiry. */
function newTerm(input: ExtensionInput, acc: Acc, years: number): { new_valid_from: string | null; new_valid_to: string | null } {
  const cit = years !== 5 ? C.op2 : input.regime === 'shanxi-cbm-2020' ? C.art15 : input.regime === 'national-2019' ? C.n2019 : C.n2023;
  const rule =
    years !== 5
      ? 'R-VAL-5'
      : input.regime === 'shanxi-cbm-2020'
        ? 'R-VAL-3'
        : input.regime === 'national-2019'
          ? 'R-N19-TERM'
          : 'R-N23-TERM';
  acc.steps.push(step(rule, cit, say(S, 'TERM_YEARS'), `${years}`, years));
  if (!input.valid_to) return { new_valid_from: null, new_valid_to: null };
  const from = addDays(input.valid_to, 1);
  const to = addDays(addYears(from, years), -1);
  acc.readings.push(say(COMMON, input.regime === 'national-2023' ? 'TERM_START_2023' : 'TERM_START_READ', { years }));
  return { new_valid_from: from, new_valid_to: to };
}

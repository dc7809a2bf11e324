/**
 * Shared pieces of the extension assessment: result type, citations, the accumulator of steps,
 * warnings and readings, and the common finish (capping, remaining area, new term).
 */
import { addDays, addYears } from './dates';
import type { RegimeId } from './regimes';
import type { ExtensionInput } from './schemas';
import { fmt, roundTo, step, type Step } from './steps';

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
  warnings: string[];
  /** The reading taken wherever sources disagree or are silent. */
  readings: string[];
  /** Why the extension is refused (empty when extended). */
  refusal_reasons: string[];
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
  tplListing: '晋自然资发〔2020〕15号 合同示范文本 第七条第三款',
  n2019: '自然资规〔2019〕7号 七',
  n2023: '自然资规〔2023〕6号 七',
  n2023fm: '自然资规〔2023〕4号 一（一）5',
} as const;

/** Accumulates the audit trail of one assessment. */
export interface Acc {
  steps: Step[];
  warnings: string[];
  readings: string[];
  refusal_reasons: string[];
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
  const term = newTerm(input, acc);
  // The area actually available to give up: the licensed area outside proven reserves.
  const available = Math.max(0, licensed - input.proven_reserve_area_km2);
  let reduction = roundTo(Math.max(0, Math.min(reductionRaw, base)));
  if (reduction > available + EPS) {
    acc.warnings.push(
      `required reduction ${fmt(reduction)} km² exceeds the licensed area outside proven reserves (${fmt(available)} km²); capped — the rest must come from another block (offset) or the block is exhausted`,
    );
    reduction = roundTo(available);
    acc.steps.push(
      step(rule, citation, `min(required, ${fmt(licensed)} − ${fmt(input.proven_reserve_area_km2)}) = ${fmt(reduction)}`, reduction),
    );
  }
  const remaining = roundTo(licensed - reduction);
  acc.steps.push(step(rule, citation, `remaining = ${fmt(licensed)} − ${fmt(reduction)} = ${fmt(remaining)}`, remaining));
  return {
    regime: input.regime,
    decision: 'extend',
    reduction_ratio: ratio,
    reduction_km2: reduction,
    remaining_km2: remaining,
    base_km2: roundTo(base),
    ...acc,
    term_years: 5,
    ...term,
  };
}

/** R-VAL-3 / national 七: each extension is 5 years, from the day after the old expiry. */
function newTerm(input: ExtensionInput, acc: Acc): { new_valid_from: string | null; new_valid_to: string | null } {
  const cit = input.regime === 'shanxi-cbm-2020' ? C.art15 : input.regime === 'national-2019' ? C.n2019 : C.n2023;
  acc.steps.push(
    step(
      input.regime === 'shanxi-cbm-2020' ? 'R-VAL-3' : input.regime === 'national-2019' ? 'R-N19-TERM' : 'R-N23-TERM',
      cit,
      'extension term = 5 years',
      5,
    ),
  );
  if (!input.valid_to) return { new_valid_from: null, new_valid_to: null };
  const from = addDays(input.valid_to, 1);
  const to = addDays(addYears(from, 5), -1);
  acc.readings.push(
    input.regime === 'national-2023'
      ? 'new term starts the day after the old expiry (自然资规〔2023〕4号 一（一）6) and runs 5 years'
      : 'new term read as starting the day after the old expiry (as 自然资规〔2023〕4号 一（一）6 states) and running 5 years',
  );
  return { new_valid_from: from, new_valid_to: to };
}

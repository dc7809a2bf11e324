import { say, type Message } from '../i18n/message';
import { INVESTMENT_SAY } from '../rules/investment';
import { OFFSET_MESSAGES } from '../rules/offsets';
import { CONFIDENTIAL_ASSESSMENT_INPUTS } from '../vocab';
import { AUTH_SAY } from './errors';

/**
 * What a caller who may not see a block's confidential records gets from its assessment (issue 13 decision):
 * the register facts, regime, deadlines and area-based fees stay; the investment ledger and schedule
 * (`investment`), the shortfall ratio in `inputs`, every derived step but the area facts (GEOM, R-RED-10), sentences about
 * investment, COVID, offsets and contract figures, the extension
 * assessment built on that ratio (`assessment`), the offset credit and the offset ledger are withheld, and
 * `withheld` says so in both languages. Callers who may see them get the same object with `withheld: null`.
 */
/** Sentences about investment, its schedule, COVID reductions, offsets and contract figures: by code pattern … */
const CONFIDENTIAL_CODE = /INVEST|COVID|OFFSET|CREDIT|CONTRACT|SCHEDULE|RATE|UNFINISHED|LEDGER|GIVEN|RECEIV/;
/** … and every sentence of the investment and offset rules, whatever its code (TIERS_DISPUTED states the ledger's total). */
const CONFIDENTIAL_CODES = new Set([...Object.keys(INVESTMENT_SAY), ...Object.keys(OFFSET_MESSAGES)]);
const confidential = (code: string | undefined) => CONFIDENTIAL_CODES.has(code ?? '') || CONFIDENTIAL_CODE.test(code ?? '');

/** Assessment inputs read from the investment ledger or the contract's investment terms. */
const CONFIDENTIAL_INPUT = /unfinished|invest|contract|committed/i;

export interface Redactable {
  inputs?: unknown;
  input_sources?: { name: string; value: unknown; register_value: unknown; source: string }[];
  derived_steps?: { rule?: string }[];
  warnings?: { code?: string }[];
  readings?: { code?: string }[];
  assessment?: unknown;
  offset_credit?: unknown;
  investment?: unknown;
  offsets?: unknown;
}

export function redactAssessment<T extends Redactable>(
  a: T,
): Omit<T, 'assessment' | 'offset_credit' | 'investment' | 'offsets'> & {
  assessment: null;
  offset_credit: null;
  investment: null;
  offsets: null;
  withheld: Message;
} {
  const inputs =
    a.inputs && typeof a.inputs === 'object'
      ? Object.fromEntries(Object.entries(a.inputs as Record<string, unknown>).filter(([k]) => !CONFIDENTIAL_INPUT.test(k)))
      : a.inputs;
  return {
    ...a,
    inputs,
    // the same inputs withheld in the list of sources (a value the caller overrode is theirs and stays)
    ...(a.input_sources
      ? {
          input_sources: a.input_sources.map((s) =>
            !(CONFIDENTIAL_ASSESSMENT_INPUTS as ReadonlySet<string>).has(s.name)
              ? s
              : s.source === 'override'
                ? { ...s, register_value: null }
                : { ...s, value: null, register_value: null, source: 'withheld' },
          ),
        }
      : {}),
    // area facts only (geometry, licensed area on record); investment, COVID and credit steps go
    derived_steps: (a.derived_steps ?? []).filter((s) => s.rule === 'GEOM' || s.rule === 'R-RED-10'),
    warnings: (a.warnings ?? []).filter((m) => !confidential(m.code)),
    readings: (a.readings ?? []).filter((m) => !confidential(m.code)),
    assessment: null,
    offset_credit: null,
    investment: null,
    offsets: null,
    withheld: say(AUTH_SAY, 'INVESTMENT_WITHHELD'),
  };
}

/** The assessment as the caller may see it: whole (`withheld: null`) when `mayReadConfidential`, else redacted. */
export function assessmentAsSeen<T extends Redactable>(a: T, mayReadConfidential: boolean): AsSeen<T> {
  return mayReadConfidential ? { ...a, withheld: null } : redactAssessment(a);
}

/** What assessmentAsSeen gives: the whole assessment with `withheld: null`, or the redacted one with its reason. */
export type AsSeen<T extends Redactable> = (T & { withheld: null }) | ReturnType<typeof redactAssessment<T>>;

/**
 * The block's documentary terms that are confidential with its ledger (block_terms, 004): the contract's investment
 * standard, completion and reduction figures. (The COVID approvals of 1333号 (015) are a published letter and stay public.) Records that carry a block's register row (the
 * dossier's signed record) leave them out for callers who may not see the ledger; the register facts stay.
 */
const CONFIDENTIAL_BLOCK_TERMS = [
  'contract_investment_cny_per_km2_year',
  'contract_doc',
  'committed_completion_ratio',
  'contract_reduction_ratio',
  'contract_refusal_completion_below',
] as const;

/** A block's register row as the caller may see it: whole when `mayReadConfidential`, else without its confidential terms. */
export function blockAsSeen<T extends Record<string, unknown>>(b: T, mayReadConfidential: boolean): T {
  if (mayReadConfidential) return b;
  const out: Record<string, unknown> = { ...b };
  for (const k of CONFIDENTIAL_BLOCK_TERMS) delete out[k];
  return out as T;
}

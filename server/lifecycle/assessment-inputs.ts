/**
 * The inputs of a stored block's extension assessment, each with where its value came from (register,
 * default, user override), and the user's overrides applied on top (pure, no I/O). One place: the register
 * card (GET /api/blocks/{id}/assessment) and the extension tab (POST with overrides) both answer through it,
 * so with no override the two verdicts are the same object.
 */
import type { z } from 'zod';
import type { AssessmentInputSource, AssessmentOverrides as OverridesSchema } from '../contract/lifecycle';
import { unprocessable } from '../errors';
import { say, type Message } from '../i18n/message';
import { extensionInputSchema, type ExtensionInput } from '../rules/schemas';
import { ASSESSMENT_INPUTS, label } from '../vocab';
import { LIFECYCLE_SAY as M } from './messages';

export type AssessmentOverrides = z.infer<typeof OverridesSchema>;
export type InputSource = z.infer<typeof AssessmentInputSource>;
export type InputName = InputSource['name'];
type Value = InputSource['value'];

/** The inputs listed for every exploration block, in the order shown. */
export const INPUT_ORDER: readonly InputName[] = [
  'regime',
  'licensed_area_km2',
  'first_registration_area_km2',
  'proven_reserve_area_km2',
  'unfinished_ratio',
  'extensions_used',
  'valid_to',
  'application_date',
  'proven_reserves_submitted_date',
  'mining_registration_completed',
  'acquisition_method',
  'years_existing',
  'committed_completion_ratio',
  'contract_reduction_ratio',
  'contract_refusal_completion_below',
];

const CONTRACT_FIELDS = ['committed_completion_ratio', 'contract_reduction_ratio', 'contract_refusal_completion_below'] as const;

/** The value of one input in an extension input (contract terms live under `contract`). */
function valueOf(input: ExtensionInput, name: InputName): Value {
  const v = (CONTRACT_FIELDS as readonly string[]).includes(name)
    ? (input.contract as Record<string, unknown> | undefined)?.[name]
    : (input as Record<string, unknown>)[name];
  return v === undefined ? null : (v as Value);
}

/**
 * Where each register-derived input came from: `fromRegister` names the inputs the register gave a value
 * for (a column, the geometry, the reserves layer, the investment ledger); the others are the rules' defaults.
 */
export function inputSources(input: ExtensionInput, fromRegister: ReadonlySet<InputName>): InputSource[] {
  return INPUT_ORDER.map((name) => {
    const value = valueOf(input, name);
    const reg = fromRegister.has(name);
    return { name, value, register_value: reg ? value : null, source: reg ? 'register' : 'default' };
  });
}

/**
 * The user's overrides on the register's input: the input to assess, each input's source (overridden ones
 * marked, with the register's value kept beside), and the notice that the verdict is not the register's.
 * Throws 422 INVALID_ASSESSMENT_INPUT when the combination is not a valid extension input (e.g. proven > licensed).
 */
export function applyOverrides(
  input: ExtensionInput,
  sources: InputSource[],
  overrides: AssessmentOverrides | undefined,
): { input: ExtensionInput; sources: InputSource[]; notice: Message | null } {
  const given = Object.entries(overrides ?? {}).filter(([, v]) => v !== undefined) as [InputName, Value][];
  if (!given.length) return { input, sources, notice: null };
  const next: Record<string, unknown> = { ...input };
  const contract: Record<string, unknown> = { ...(input.contract ?? {}) };
  for (const [name, v] of given) {
    const target = (CONTRACT_FIELDS as readonly string[]).includes(name) ? contract : next;
    if (v === null) delete target[name];
    else target[name] = v;
  }
  if (Object.keys(contract).length) next.contract = contract;
  else delete next.contract;
  const parsed = extensionInputSchema.safeParse(next);
  if (!parsed.success)
    throw unprocessable(
      'INVALID_ASSESSMENT_INPUT',
      'The overrides do not make a valid extension input',
      '覆盖值与其余输入不构成有效的延续评估输入',
      parsed.error.issues.map((i) => ({ field: `overrides.${i.path.join('.')}`, message: i.message })),
    );
  const names = new Set(given.map(([n]) => n));
  const out = sources.map((s) => (names.has(s.name) ? { ...s, value: valueOf(parsed.data, s.name), source: 'override' as const } : s));
  const list = INPUT_ORDER.filter((n) => names.has(n));
  const notice = say(M, 'OVERRIDES_APPLIED', {
    names: list.join(', '),
    names_zh: list.map((n) => label(ASSESSMENT_INPUTS, n, 'zh')).join('、'),
  });
  return { input: parsed.data, sources: out, notice };
}

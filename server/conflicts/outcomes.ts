/**
 * Rule outcomes of the conflict engine — pure, no I/O. Given who applies for what (the subject) and one
 * overlapped feature, decide one outcome and the basis (rule id, article, wording) it rests on.
 * RULES.md §4–§5; 000-part-b §1.14, §2.1–2.4; 001 §1.6. Where the sources leave a choice open the
 * reading taken is stated in the basis `note`.
 */
import { addYears, compareDates, type IsoDate } from '../rules/dates';
import type { RegimeId } from '../rules/regimes';
import { basis, type Basis } from './citations';

export const APPLICATIONS = ['new_exploration', 'new_mining', 'extension', 'change', 'report_then_produce'] as const;
export type Application = (typeof APPLICATIONS)[number];

export const OUTCOMES = [
  // rights over rights
  'same_holder',
  'forbidden',
  'requires_agreement',
  'requires_commitment',
  'void',
  // containment
  'outside_exploration_block',
  'outside_original_area',
  'crosses_provincial_border',
  // protected areas and red lines
  'deduct',
  'may_continue',
  'may_continue_no_expansion',
  'protect_in_place',
  'keep_with_commitment',
  // wells and pipelines
  'other_holder_well',
  'inactive_well',
  'abandoned_well',
  'harmless_crossing_required',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Outcomes whose overlap must leave the applied area (their union is deducted from the input). */
export const DEDUCTIBLE: ReadonlySet<Outcome> = new Set<Outcome>([
  'forbidden',
  'deduct',
  'outside_exploration_block',
  'outside_original_area',
  'crosses_provincial_border',
]);

/** Oil/gas minerals (CBM counts as 油气, 001 L9403); everything else is non-oil/gas. */
export const OIL_GAS_MINERALS: ReadonlySet<string> = new Set(['cbm', 'oil_gas', 'tight_gas', 'shale_gas']);
export const isOilGas = (mineral: string | null | undefined) => !!mineral && OIL_GAS_MINERALS.has(mineral);

/** The "四类保护地" a pipeline may cross only harmlessly (273号令 第三十一条第二款, PA-11). 自然保护地 = reserves and natural parks. */
export const PIPELINE_CROSSING_CATEGORIES = [
  'nature_reserve',
  'scenic_area',
  'geopark',
  'forest_park',
  'wetland_park',
  'spring_protection',
  'water_source',
  'cultural_relic',
] as const;

export interface Subject {
  /** holder name of the applicant; null when not given (no right can then be judged same-holder) */
  applicant: string | null;
  application: Application;
  mineral: string;
  /** right type of the subject: new_mining and report_then_produce produce; extension/change take the block's kind */
  kind: 'exploration' | 'mining';
  regime: RegimeId;
  /** the date outcomes are judged on (expiry, well ages) */
  as_of: IsoDate;
}

export interface Decision {
  outcome: Outcome;
  deductible: boolean;
  basis: Basis[];
}

const decide = (outcome: Outcome, ...b: Basis[]): Decision => ({ outcome, deductible: DEDUCTIBLE.has(outcome), basis: b });

/** The Shanxi CBM rules (273号令 and the provincial notices) apply to CBM under the shanxi-cbm-2020 regime. */
export const shanxiCbm = (s: Subject) => s.regime === 'shanxi-cbm-2020' && s.mineral === 'cbm';

const isNewRight = (a: Application) => a === 'new_exploration' || a === 'new_mining' || a === 'report_then_produce';

// ---------------------------------------------------------------- rights over rights

export interface OtherRight {
  holder: string | null;
  mineral: string;
  kind: 'exploration' | 'mining';
  status: string;
  valid_to: IsoDate | null;
}

const STILL_LIVE_AFTER_TERM = new Set(['extension_applied', 'retained', 'report_then_produce']);

/** One outcome for one overlapped right (RULES.md §4). */
export function rightOutcome(s: Subject, r: OtherRight): Decision {
  if (r.status === 'expired' || r.status === 'cancelled')
    return decide('void', basis('OVL-8', `the other right is ${r.status}; it no longer bars the application`));
  if (r.status === 'valid' && r.valid_to && compareDates(r.valid_to, s.as_of) < 0)
    return decide('void', basis('OVL-8', `the other right's term ended on ${r.valid_to} (before ${s.as_of}) and no extension is recorded`));
  if (s.applicant && r.holder && s.applicant.trim() === r.holder.trim()) return decide('same_holder', basis('OVL-1'));
  const unknown = s.applicant ? undefined : 'no applicant given: the other right is treated as another holder’s';
  const withNote = (b: Basis) => (unknown ? { ...b, note: b.note ? `${b.note}; ${unknown}` : unknown } : b);
  const og = isOilGas(s.mineral);
  const otherOg = isOilGas(r.mineral);
  if (og && otherOg)
    return decide('forbidden', withNote(basis('OVL-2', 'oil/gas (incl. CBM, tight and shale gas) over oil/gas of another holder')));
  if (!og && !otherOg) return decide('forbidden', withNote(basis('OVL-3', 'non-oil/gas over non-oil/gas is not among the exceptions')));
  // oil/gas against non-oil/gas from here
  const cbmCoal = (s.mineral === 'cbm' && r.mineral === 'coal') || (s.mineral === 'coal' && r.mineral === 'cbm');
  if (cbmCoal && s.regime === 'shanxi-cbm-2020')
    return decide(
      'requires_agreement',
      withNote(
        basis('OVL-4', 'CBM against coal: the coal holder’s consent letter or a bilateral agreement; gas first, then coal in the overlap'),
      ),
    );
  if (s.application === 'new_mining' || s.application === 'report_then_produce')
    return decide('requires_agreement', withNote(basis('OVL-7', 'a new mining right over an existing right of the other mineral class')));
  if (r.kind === 'mining') return decide('requires_agreement', withNote(basis('OVL-6')));
  return decide('requires_commitment', withNote(basis('OVL-5')), ...(og ? [basis('OVL-9')] : []));
}

// ---------------------------------------------------------------- containment

export const outsideExplorationBlock = (s: Subject): Decision =>
  s.application === 'report_then_produce'
    ? decide('outside_exploration_block', basis('R-RTP-2', 'the part of the production area outside the exploration block'))
    : decide('outside_exploration_block', basis('CONT-1', 'the part of the mining application outside the applicant’s exploration block'));

export const outsideOriginalArea = (): Decision =>
  decide('outside_original_area', basis('R-MIN-6', 'the part of the mining-extension area outside the registered area'));

export const crossesProvincialBorder = (): Decision =>
  decide(
    'crosses_provincial_border',
    basis('CONT-2', 'province-registered CBM: the part outside Shanxi cannot be registered by the province'),
  );

// ---------------------------------------------------------------- protected areas

export interface ProtectedAreaRef {
  category: string;
  zone: string | null;
}

/** One outcome for one overlapped protected area (RULES.md §5, PA-2..PA-9). */
export function protectedAreaOutcome(s: Subject, pa: ProtectedAreaRef): Decision {
  const fresh = isNewRight(s.application);
  if (pa.category === 'no_mining_zone')
    return s.application === 'extension'
      ? decide('deduct', basis('PA-4'), basis('NO-MINING', 'at extension the no-mining zone is deducted like any protected area'))
      : decide('forbidden', basis('NO-MINING'));
  if (pa.category === 'water_source' || pa.category === 'cultural_relic')
    return decide(
      'protect_in_place',
      basis('PA-2', 'not deducted: protected by its competent department; the holder must avoid and protect it'),
      ...(pa.category === 'water_source' ? [basis('WATER-1')] : []),
    );
  if (pa.category === 'nature_reserve' && shanxiCbm(s)) {
    const zone = pa.zone === 'general' ? 'general' : 'core';
    const zoneNote = pa.zone ? '' : ' (zone not recorded: judged as core protection zone)';
    if (s.application === 'new_exploration')
      return decide('deduct', basis('PA-3'), basis('PA-6', `a new right is not an existing right${zoneNote}`));
    if (fresh)
      return decide(
        'forbidden',
        basis(
          'PA-7',
          `new production (探转采/report-then-produce) in a nature reserve is not approved during the transition; the area may be registered separately later${zoneNote}`,
        ),
        basis('PA-6'),
      );
    if (s.kind === 'exploration')
      return decide(
        'may_continue',
        basis('PA-6', `existing exploration may continue in the ${zone} zone${zoneNote}`),
        basis('PA-7', 'not deducted during the 三区→两区 transition'),
      );
    if (zone === 'general')
      return decide(
        'may_continue_no_expansion',
        basis('PA-6', 'existing mining may continue in the general control zone without enlarging the production area'),
      );
    return decide(
      'forbidden',
      basis('PA-6', `mining may not continue in the core protection zone${zoneNote}`),
      basis('PA-7', 'the company may apply to register the area separately'),
    );
  }
  if (fresh) return decide('deduct', basis('PA-3'), ...(shanxiCbm(s) ? [basis('PA-9')] : []));
  return decide('deduct', basis('PA-4'), ...(shanxiCbm(s) ? [basis('PA-9')] : []));
}

// ---------------------------------------------------------------- red lines

export function redlineOutcome(s: Subject, rl: { status: string }): Decision {
  if (isNewRight(s.application)) return decide('deduct', basis('PA-3', `${rl.status} red line inside a new right`));
  if (rl.status === 'proposed')
    return decide(
      'keep_with_commitment',
      basis('PA-5', 'kept on a written commitment not to work inside it; without the commitment it is deducted (PA-4)'),
      basis('PA-4'),
    );
  return decide(
    'deduct',
    basis('PA-4', 'official red line'),
    basis('PA-5', 'an officially delineated red line leaves the right by change registration'),
  );
}

// ---------------------------------------------------------------- wells and pipelines

export interface WellRef {
  holder: string | null;
  status: string | null;
  status_since: IsoDate | null;
  in_coal_right: boolean;
  in_redline: boolean;
  in_water_source: boolean;
}

export type WellLocationClass = 'ecologically_sensitive' | 'coal_district' | 'coal_unmined';

export interface WellDisposal {
  /** DB14/T 2053 status after R-WELL-1 (an inactive well of ≥ 5 years counts as abandoned) */
  status_class: 'inactive' | 'abandoned';
  location_class: WellLocationClass;
  /** every location class the well falls in (precedence is ambiguous in the standard) */
  location_classes: WellLocationClass[];
  rule: string;
  citation: string;
}

export interface WellDecision extends Decision {
  disposal?: WellDisposal;
}

/** Options where DB14/T 2053 is ambiguous (000-part-b §1.14). */
export interface WellOptions {
  /** "超过五年及以上": true counts exactly 5 years as abandoned (default). */
  abandonedAtExactlyFiveYears: boolean;
}
const WELL_DEFAULTS: WellOptions = { abandonedAtExactlyFiveYears: true };

/** The DB14/T 2053 status class of a well on `asOf`, or null when it is neither long-inactive nor abandoned. */
export function wellStatusClass(
  w: Pick<WellRef, 'status' | 'status_since'>,
  asOf: IsoDate,
  opt: WellOptions = WELL_DEFAULTS,
): 'inactive' | 'abandoned' | null {
  if (w.status === 'abandoned') return 'abandoned';
  if (w.status !== 'inactive') return null;
  if (!w.status_since) return 'inactive';
  const five = compareDates(addYears(w.status_since, 5), asOf);
  if (five < 0 || (five === 0 && opt.abandonedAtExactlyFiveYears)) return 'abandoned';
  return compareDates(addYears(w.status_since, 1), asOf) < 0 ? 'inactive' : null;
}

export function wellDisposal(w: WellRef, statusClass: 'inactive' | 'abandoned'): { disposal: WellDisposal; basis: Basis[] } {
  const classes: WellLocationClass[] = [];
  if (w.in_redline || w.in_water_source) classes.push('ecologically_sensitive');
  if (w.in_coal_right) classes.push('coal_district');
  if (!classes.length) classes.push('coal_unmined');
  const location = classes[0];
  const precedence =
    classes.length > 1 ? 'in several classes: the most protective (ecologically sensitive > coal district) is applied' : undefined;
  const rule =
    statusClass === 'inactive'
      ? 'R-WELL-7'
      : location === 'ecologically_sensitive'
        ? 'R-WELL-6'
        : location === 'coal_district'
          ? 'R-WELL-5'
          : 'R-WELL-4';
  const b: Basis[] = [
    basis(
      'R-WELL-1',
      statusClass === 'abandoned' && w.status === 'inactive' ? 'inactive for 5 years or more: converted to abandoned' : undefined,
    ),
  ];
  b.push(basis(rule as 'R-WELL-4', precedence));
  if (w.in_coal_right) b.push(basis('R-WELL-3'));
  return {
    disposal: { status_class: statusClass, location_class: location, location_classes: classes, rule, citation: b[1].citation },
    basis: b,
  };
}

/** Outcome for a well inside the input, or null when the well is no conflict (own, active). */
export function wellOutcome(s: Subject, w: WellRef, opt: WellOptions = WELL_DEFAULTS): WellDecision | null {
  const cls = wellStatusClass(w, s.as_of, opt);
  const d = cls ? wellDisposal(w, cls) : undefined;
  const other = !!s.applicant && !!w.holder && w.holder.trim() !== s.applicant.trim();
  if (other) {
    const r: WellDecision = decide('other_holder_well', basis('WELL-OWNER', `well of ${w.holder} inside the area`), ...(d?.basis ?? []));
    return d ? { ...r, disposal: d.disposal } : r;
  }
  if (!d || !cls) return null;
  return { ...decide(cls === 'abandoned' ? 'abandoned_well' : 'inactive_well', ...d.basis), disposal: d.disposal };
}

export const pipelineOutcome = (crossed: string[]): Decision =>
  decide('harmless_crossing_required', basis('PA-11', `crosses ${crossed.join(', ')} inside the area`));

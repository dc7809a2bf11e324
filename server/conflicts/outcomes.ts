/**
 * Rule outcomes of the conflict engine — pure, no I/O. Given who applies for what (the subject) and one
 * overlapped feature, decide one outcome and the basis (rule id, article, wording) it rests on.
 * RULES.md §4–§5; 000-part-b §1.14, §2.1–2.4; 001 §1.6. Where the sources leave a choice open the
 * reading taken is stated in the basis `note`.
 */
import { addYears, compareDates, type IsoDate } from '../rules/dates';
import type { RegimeId } from '../rules/regimes';
import { APPLICATIONS as APPLICATION_TERMS, codesOf, MINERALS as MINERAL_TERMS, OUTCOMES as OUTCOME_TERMS } from '../vocab';
import { say } from '../i18n/message';
import { basis, type Basis } from './citations';
import { CONFLICT_SAY as M, joinNotes } from './messages';

export const APPLICATIONS = codesOf(APPLICATION_TERMS);
export type Application = (typeof APPLICATIONS)[number];

/** Outcome codes (names and severity in server/vocab OUTCOMES). */
export const OUTCOMES = codesOf(OUTCOME_TERMS);
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
export const OIL_GAS_MINERALS: ReadonlySet<string> = new Set(
  Object.entries(MINERAL_TERMS)
    .filter(([, m]) => m.oil_gas)
    .map(([code]) => code),
);
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
  /** Readings where the sources leave a choice (issue 11); defaults in CONFLICT_READINGS. */
  readings?: Partial<ConflictReadings>;
}

/**
 * Named readings of the conflict engine (server/rules/README.md lists them with their defaults):
 * - void_reading: when does another right stop barring? 'after_expiry' (default: the day after its term ends when no
 *   extension is recorded — 273号令 第十五条 “逾期未提出延续登记申请的，勘查许可证自行废止”, 000:L3364) or 'after_annulment'
 *   (only once annulled or cancelled — 自然资规〔2023〕4号 四（十一）5 “已公告废止”, lapsed rights are cancelled by public
 *   notice, 四（十八）, 001:L9805).
 * - national_extension_protected: protected areas and red lines at the extension of a right under a national regime —
 *   'review' (default: no national rule in the sources; flagged, not deducted) or 'deduct'.
 * - oil_gas_redline_extension: an official red line at the extension of a national-regime oil/gas exploration right —
 *   'review' (default), 'keep' (自然资发〔2022〕142号, outside the seeds: continued exploration without enlargement is a
 *   permitted activity) or 'deduct'.
 */
export interface ConflictReadings {
  void_reading: 'after_annulment' | 'after_expiry';
  national_extension_protected: 'review' | 'deduct';
  oil_gas_redline_extension: 'review' | 'keep' | 'deduct';
}
export const CONFLICT_READINGS: ConflictReadings = {
  void_reading: 'after_expiry',
  national_extension_protected: 'review',
  oil_gas_redline_extension: 'review',
};
const reading = <K extends keyof ConflictReadings>(s: Subject, k: K): ConflictReadings[K] => s.readings?.[k] ?? CONFLICT_READINGS[k];

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

/** One outcome for one overlapped right (RULES.md §4). */
export function rightOutcome(s: Subject, r: OtherRight): Decision {
  if (r.status === 'expired' || r.status === 'cancelled')
    return decide('void', basis('OVL-8', say(M, 'OTHER_RIGHT_ENDED', { status: r.status })));
  const lapsed = r.status === 'valid' && !!r.valid_to && compareDates(r.valid_to, s.as_of) < 0;
  if (lapsed && reading(s, 'void_reading') === 'after_expiry')
    return decide('void', basis('OVL-8', say(M, 'VOID_AFTER_EXPIRY', { valid_to: r.valid_to!, as_of: s.as_of })));
  if (s.applicant && r.holder && s.applicant.trim() === r.holder.trim()) return decide('same_holder', basis('OVL-1'));
  // Item 8: the non-overlap rule is for new rights and enlarged areas; at extension the overlap is flagged, not deducted.
  if (s.application === 'extension') return decide('existing_overlap', basis('OVL-EXT', say(M, 'EXISTING_OVERLAP_AT_EXTENSION')));
  if (lapsed) {
    const d = rightOutcomeLive(s, r);
    return { ...d, basis: [...d.basis, basis('OVL-LAPSED', say(M, 'VOID_AFTER_ANNULMENT', { valid_to: r.valid_to! }))] };
  }
  return rightOutcomeLive(s, r);
}

function rightOutcomeLive(s: Subject, r: OtherRight): Decision {
  const unknown = s.applicant ? undefined : say(M, 'NO_APPLICANT_OTHER_HOLDER');
  const withNote = (b: Basis) => (unknown ? { ...b, note: joinNotes(b.note, unknown) } : b);
  const og = isOilGas(s.mineral);
  const otherOg = isOilGas(r.mineral);
  if (og && otherOg) return decide('forbidden', withNote(basis('OVL-2', say(M, 'OIL_GAS_OVER_OIL_GAS'))));
  if (!og && !otherOg) return decide('forbidden', withNote(basis('OVL-3', say(M, 'NON_OIL_GAS_OVERLAP'))));
  // oil/gas against non-oil/gas from here
  const cbmCoal = (s.mineral === 'cbm' && r.mineral === 'coal') || (s.mineral === 'coal' && r.mineral === 'cbm');
  if (cbmCoal && s.regime === 'shanxi-cbm-2020') return decide('requires_agreement', withNote(basis('OVL-4', say(M, 'CBM_AGAINST_COAL'))));
  if (s.application === 'new_mining' || s.application === 'report_then_produce')
    return decide('requires_agreement', withNote(basis('OVL-7', say(M, 'NEW_MINING_OTHER_CLASS'))));
  if (r.kind === 'mining') return decide('requires_agreement', withNote(basis('OVL-6')));
  return decide('requires_commitment', withNote(basis('OVL-5')), ...(og ? [basis('OVL-9')] : []));
}

// ---------------------------------------------------------------- containment

export const outsideExplorationBlock = (s: Subject): Decision =>
  s.application === 'report_then_produce'
    ? decide('outside_exploration_block', basis('R-RTP-2', say(M, 'RTP_OUTSIDE_EXPLORATION')))
    : decide('outside_exploration_block', basis('CONT-1', say(M, 'MINING_OUTSIDE_EXPLORATION')));

export const outsideOriginalArea = (): Decision => decide('outside_original_area', basis('R-MIN-6', say(M, 'OUTSIDE_REGISTERED_AREA')));

export const crossesProvincialBorder = (): Decision => decide('crosses_provincial_border', basis('CONT-2', say(M, 'OUTSIDE_PROVINCE')));

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
      ? decide('deduct', basis('PA-4'), basis('NO-MINING', say(M, 'NO_MINING_AT_EXTENSION')))
      : decide('forbidden', basis('NO-MINING'));
  if (pa.category === 'water_source' || pa.category === 'cultural_relic')
    return decide(
      'protect_in_place',
      basis('PA-2', say(M, 'PROTECT_NOT_DEDUCT')),
      ...(pa.category === 'water_source' ? [basis('WATER-1')] : []),
    );
  if (pa.category === 'nature_reserve' && shanxiCbm(s)) {
    const zone = pa.zone === 'general' ? 'general' : 'core';
    const zone_unknown = !pa.zone;
    if (s.application === 'new_exploration')
      return decide('deduct', basis('PA-3'), basis('PA-6', say(M, 'NEW_RIGHT_NOT_EXISTING', { zone_unknown })));
    if (fresh) return decide('forbidden', basis('PA-7', say(M, 'NEW_PRODUCTION_IN_RESERVE', { zone_unknown })), basis('PA-6'));
    if (s.kind === 'exploration')
      return decide(
        'may_continue',
        basis('PA-6', say(M, 'EXPLORATION_MAY_CONTINUE', { zone, zone_unknown })),
        basis('PA-7', say(M, 'NOT_DEDUCTED_IN_TRANSITION')),
      );
    if (zone === 'general') return decide('may_continue_no_expansion', basis('PA-6', say(M, 'MINING_MAY_CONTINUE_GENERAL')));
    return decide(
      'forbidden',
      basis('PA-6', say(M, 'NO_MINING_IN_CORE', { zone_unknown })),
      basis('PA-7', say(M, 'MAY_REGISTER_SEPARATELY')),
    );
  }
  if (!shanxiCbm(s)) return nationalOutcome(s, fresh, { kind: 'protected', code: pa.category });
  if (fresh) return decide('deduct', basis('PA-3'), basis('PA-9'));
  return decide('deduct', basis('PA-4'), basis('PA-9'));
}

/**
 * Item 6: protected areas and red lines for subjects outside the Shanxi CBM regime. New rights avoid them
 * (自然资规〔2023〕6号 三, new grants); at extension the sources hold no national rule → the reading decides.
 */
function nationalOutcome(s: Subject, fresh: boolean, what: { kind: 'protected' | 'redline'; code: string }): Decision {
  const p = { kind: what.kind, code: what.code, regime: s.regime };
  if (fresh) return decide('deduct', basis('NAT-NEW', say(M, 'NATIONAL_NEW_RIGHT', p)));
  return reading(s, 'national_extension_protected') === 'deduct'
    ? decide('deduct', basis('NAT-EXT', say(M, 'NATIONAL_EXTENSION_DEDUCT', p)))
    : decide('review_required', basis('NAT-EXT', say(M, 'NATIONAL_EXTENSION_REVIEW', p)));
}

// ---------------------------------------------------------------- red lines

export function redlineOutcome(s: Subject, rl: { status: string }): Decision {
  if (!shanxiCbm(s)) {
    // D5: an official red line at the extension of a national-regime oil/gas exploration right
    if (!isNewRight(s.application) && isOilGas(s.mineral) && s.kind === 'exploration' && rl.status === 'official') {
      const r = reading(s, 'oil_gas_redline_extension');
      if (r === 'keep') return decide('may_continue_no_expansion', basis('NAT-OG-RL', say(M, 'OG_REDLINE_KEEP')));
      if (r === 'deduct') return decide('deduct', basis('NAT-EXT', say(M, 'OG_REDLINE_DEDUCT')));
      return decide('review_required', basis('NAT-EXT', say(M, 'OG_REDLINE_REVIEW')), basis('NAT-OG-RL'));
    }
    return nationalOutcome(s, isNewRight(s.application), { kind: 'redline', code: rl.status });
  }
  if (isNewRight(s.application)) return decide('deduct', basis('PA-3', say(M, 'REDLINE_IN_NEW_RIGHT', { status: rl.status })));
  if (rl.status === 'proposed') return decide('keep_with_commitment', basis('PA-5', say(M, 'REDLINE_KEPT_ON_COMMITMENT')), basis('PA-4'));
  return decide('deduct', basis('PA-4', say(M, 'REDLINE_OFFICIAL')), basis('PA-5', say(M, 'REDLINE_CHANGE_REGISTRATION')));
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
  /**
   * R-WELL-2 (DB14/T 2053—2020 4.4): the last day to dispose of a well abandoned or long-inactive before the standard took
   * effect (2022-06-10); null when the standard gives no number (“及时处置”) or the date is not recorded (the basis says which)
   */
  deadline: IsoDate | null;
  deadline_passed: boolean | null;
}

/** DB14/T 2053—2020: published 2020-06-10, in force 2020-09-10 (000:L6618-6620); 4.4: disposal within two years of publication. */
export const WELL_STANDARD = { published: '2020-06-10', in_force: '2020-09-10', legacy_deadline: '2022-06-10' } as const;

/**
 * R-WELL-2 (DB14/T 2053—2020 4.4, 000:L6735): “本文件实施前已废弃或长停的井应在本文件发布后两年内处置完毕”. A well is
 * abandoned from its status date, long-inactive one year after it stopped (3.2: “一年内未实际处置的井”). Before 2020-09-10 →
 * by 2022-06-10; later → “及时处置”, no number; no date → both possibilities said.
 */
export function wellDisposalDeadline(
  w: Pick<WellRef, 'status' | 'status_since'>,
  asOf: IsoDate,
): { deadline: IsoDate | null; passed: boolean | null; basis: Basis } {
  if (!w.status_since) return { deadline: null, passed: null, basis: basis('R-WELL-2', say(M, 'WELL_DISPOSAL_DATE_UNKNOWN')) };
  const since = w.status === 'abandoned' ? w.status_since : addYears(w.status_since, 1);
  if (compareDates(since, WELL_STANDARD.in_force) < 0) {
    const passed = compareDates(asOf, WELL_STANDARD.legacy_deadline) > 0;
    return {
      deadline: WELL_STANDARD.legacy_deadline,
      passed,
      basis: basis('R-WELL-2', say(M, 'WELL_DISPOSAL_DEADLINE', { since, deadline: WELL_STANDARD.legacy_deadline, passed })),
    };
  }
  return { deadline: null, passed: null, basis: basis('R-WELL-2', say(M, 'WELL_DISPOSAL_TIMELY', { since })) };
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

export function wellDisposal(
  w: WellRef,
  statusClass: 'inactive' | 'abandoned',
  asOf: IsoDate = WELL_STANDARD.in_force,
): { disposal: WellDisposal; basis: Basis[] } {
  const classes: WellLocationClass[] = [];
  if (w.in_redline || w.in_water_source) classes.push('ecologically_sensitive');
  if (w.in_coal_right) classes.push('coal_district');
  if (!classes.length) classes.push('coal_unmined');
  const location = classes[0];
  const precedence = classes.length > 1 ? say(M, 'WELL_SEVERAL_CLASSES') : undefined;
  const rule =
    statusClass === 'inactive'
      ? 'R-WELL-7'
      : location === 'ecologically_sensitive'
        ? 'R-WELL-6'
        : location === 'coal_district'
          ? 'R-WELL-5'
          : 'R-WELL-4';
  const b: Basis[] = [
    basis('R-WELL-1', statusClass === 'abandoned' && w.status === 'inactive' ? say(M, 'WELL_INACTIVE_TO_ABANDONED') : undefined),
  ];
  b.push(basis(rule as 'R-WELL-4', precedence));
  if (w.in_coal_right) b.push(basis('R-WELL-3'));
  const due = wellDisposalDeadline(w, asOf);
  b.push(due.basis);
  return {
    disposal: {
      status_class: statusClass,
      location_class: location,
      location_classes: classes,
      rule,
      citation: b[1].citation,
      deadline: due.deadline,
      deadline_passed: due.passed,
    },
    basis: b,
  };
}

/** Outcome for a well inside the input, or null when the well is no conflict (own, active). */
export function wellOutcome(s: Subject, w: WellRef, opt: WellOptions = WELL_DEFAULTS): WellDecision | null {
  const cls = wellStatusClass(w, s.as_of, opt);
  const d = cls ? wellDisposal(w, cls, s.as_of) : undefined;
  const other = !!s.applicant && !!w.holder && w.holder.trim() !== s.applicant.trim();
  if (other) {
    const r: WellDecision = decide(
      'other_holder_well',
      basis('WELL-OWNER', say(M, 'WELL_OF_OTHER_HOLDER', { holder: w.holder! })),
      ...(d?.basis ?? []),
    );
    return d ? { ...r, disposal: d.disposal } : r;
  }
  if (!d || !cls) return null;
  return { ...decide(cls === 'abandoned' ? 'abandoned_well' : 'inactive_well', ...d.basis), disposal: d.disposal };
}

export const pipelineOutcome = (crossed: string[]): Decision =>
  decide('harmless_crossing_required', basis('PA-11', say(M, 'PIPELINE_CROSSES', { crossed: crossed.join(', ') })));

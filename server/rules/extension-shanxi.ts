/**
 * Extension reduction under shanxi-cbm-2020: 273号令 第十五条/第十七条/第二十一条, 晋自然资发〔2020〕11号 二/四/五,
 * 〔2020〕15号 合同示范文本 第七条 (R-RED-1..8, R-VAL-2..6). Sentences: ./extension-messages.
 */
import { say } from '../i18n/message';
import { addDays, addYears, compareDates } from './dates';
import { C, EPS, finish, newAcc, type Acc, type ExtensionAssessment } from './extension-common';
import { SX as M } from './extension-messages';
import { assessNational2023 } from './extension-national';
import { NATIONAL_2023_EFFECTIVE, SHANXI_CBM_EFFECTIVE } from './regimes';
import type { ExtensionInput } from './schemas';
import { STEP as S, tick } from './step-messages';
import { fmt, pct, roundTo, step } from './steps';

/** R-VAL-2 (30 days before expiry) and R-VAL-6 (3 years from proven reserves to a completed mining registration), Shanxi. */
function checkShanxiDeadlines(input: ExtensionInput, acc: Acc): void {
  const app = input.application_date;
  if (input.valid_to && app) {
    const last = addDays(input.valid_to, -30);
    const late = compareDates(app, last) > 0;
    acc.steps.push(
      step(
        'R-VAL-2',
        C.art15,
        say(S, 'VAL2_LAST_DAY', { app, late }),
        `${input.valid_to} − 30 d = ${last} ${late ? '<' : '≥'} ${app}`,
        late ? 0 : 1,
      ),
    );
    if (late) acc.refusal_reasons.push(say(M, 'VAL2_LATE', { app, last }));
  }
  if (input.proven_reserves_submitted_date && !input.mining_registration_completed) {
    const d = input.proven_reserves_submitted_date;
    const [last, cit] = compareDates(d, SHANXI_CBM_EFFECTIVE) < 0 ? ['2023-04-30', '晋自然资发〔2020〕11号 五'] : [addYears(d, 3), C.art21];
    const on = app ?? input.valid_to;
    const applied = input.conversion_applied_on;
    if (applied && compareDates(applied, last) <= 0) {
      // a conversion application on record, submitted by the last day and not refused or withdrawn: the holder applied
      // within the 3 years (第二十一条第一句); its completion is the authority's processing, not the holder's default
      acc.steps.push(step('R-VAL-6', cit, say(S, 'VAL6_APPLIED_IN_TIME', { proven: d, last, applied }), `${applied} ≤ ${last}`, 1));
      acc.readings.push(say(M, 'VAL6_APPLIED_IN_TIME', { cit, applied, last }));
      return;
    }
    if (input.mining_application_filed) acc.readings.push(say(M, 'VAL6_FILED_NOT_COMPLETED'));
    if (applied) acc.readings.push(say(M, 'VAL6_APPLIED_LATE', { applied, last }));
    if (on && compareDates(on, last) > 0) {
      acc.steps.push(step('R-VAL-6', cit, say(S, 'VAL6_NOT_CONVERTED', { proven: d, last, on }), `${d} → ${last} < ${on}`, 0));
      acc.refusal_reasons.push(say(M, 'VAL6_NOT_CONVERTED', { cit, proven: d, last }));
    }
  }
}

/** R-VAL-3 / R-VAL-4: how many extensions the Shanxi decree allows; pushes a refusal when used up. */
function checkShanxiExtensionCount(input: ExtensionInput, acc: Acc): void {
  const used = input.extensions_used ?? 0;
  const legacy = (input.years_existing ?? 0) > 15;
  if (input.extensions_used === undefined) acc.readings.push(say(M, 'VAL3_ASSUMED_0'));
  let allowed = 2;
  if (legacy) {
    acc.readings.push(say(M, 'VAL4_READING'));
    allowed = input.proven_reserve_area_km2 > 0 ? 2 : 1;
    acc.steps.push(
      step(
        'R-VAL-4',
        C.art15legacy,
        say(S, 'VAL4_ALLOWED'),
        `${fmt(input.years_existing ?? 0)} > 15; ${fmt(input.proven_reserve_area_km2)} km² → ${allowed}`,
        allowed,
      ),
    );
  }
  const left = allowed - used;
  acc.steps.push(
    step(
      legacy ? 'R-VAL-4' : 'R-VAL-3',
      legacy ? C.art15legacy : C.art15,
      say(S, 'EXTENSIONS_LEFT'),
      `${allowed} − ${used} = ${Math.max(0, left)}`,
      Math.max(0, left),
    ),
  );
  if (left <= 0) {
    acc.refusal_reasons.push(legacy && allowed === 1 ? say(M, 'VAL4_USED') : say(M, 'VAL3_USED', { used }));
  } else if (left === 1) {
    acc.warnings.push(say(M, legacy && allowed === 1 ? 'VAL4_LAST' : 'VAL3_LAST'));
  }
}

/** R-RED-7: is the block exempt from the Article 15 reduction? Flags not given count as false. */
function shanxiExemption(input: ExtensionInput, acc: Acc): boolean {
  const c = input.contract ?? {};
  const reading = c.exemption_reading ?? 'and';
  if (c.exempt !== undefined) {
    acc.readings.push(say(M, 'RED7_EXPLICIT', { exempt: c.exempt }));
    return c.exempt;
  }
  const signed = c.signed === true;
  const completed =
    c.committed_investment_completed ?? (c.committed_completion_ratio !== undefined && c.committed_completion_ratio >= 1 - EPS);
  const paid = c.income_paid === true;
  if (reading === 'and') {
    acc.readings.push(say(M, 'RED7_AND'));
    const exempt = signed && completed && paid;
    acc.steps.push(
      step(
        'R-RED-7',
        C.art15_2,
        say(S, 'EXEMPT_AND'),
        `${tick(signed)} ∧ ${tick(completed)} ∧ ${tick(paid)} = ${tick(exempt)}`,
        exempt ? 1 : 0,
      ),
    );
    return exempt;
  }
  acc.readings.push(say(M, 'RED7_OR'));
  const first = (input.extensions_used ?? 0) === 0;
  const exempt = first && ((signed && completed) || paid);
  acc.steps.push(
    step(
      'R-RED-7',
      C.op4_3,
      say(S, 'EXEMPT_OR'),
      `${tick(first)} ∧ ((${tick(signed)} ∧ ${tick(completed)}) ∨ ${tick(paid)}) = ${tick(exempt)}`,
      exempt ? 1 : 0,
    ),
  );
  return exempt;
}

/** Base (R-RED-1/2/3) and its readings; disputed: the base at the second and later extensions. */
function shanxiBase(input: ExtensionInput, acc: Acc): number {
  const c = input.contract ?? {};
  const baseReading = c.base_reading ?? 'licensed';
  let baseArea = input.licensed_area_km2;
  if (baseReading === 'first_registration') {
    if (input.first_registration_area_km2 === undefined) acc.warnings.push(say(M, 'BASE_FIRST_MISSING'));
    else baseArea = input.first_registration_area_km2;
    acc.readings.push(say(M, 'BASE_FIRST'));
  } else {
    acc.readings.push(say(M, 'BASE_LICENSED'));
    const first = input.first_registration_area_km2;
    if ((input.extensions_used ?? 0) >= 1 || (first !== undefined && Math.abs(first - input.licensed_area_km2) > EPS)) {
      // Disputed reading D2: 11号 四's formula (current licensed area) vs 273号令 第十五条 literal (首次登记面积).
      const alt = first === undefined ? null : roundTo(Math.max(0, first - input.proven_reserve_area_km2));
      acc.warnings.push(
        say(M, 'BASE_LATER_EXTENSION', { first: first === undefined ? null : fmt(first), alt_base: alt === null ? null : fmt(alt) }),
      );
    }
  }
  const base = roundTo(Math.max(0, baseArea - input.proven_reserve_area_km2));
  acc.steps.push(
    step(
      'R-RED-3',
      baseReading === 'licensed' ? C.op4 : C.art15,
      say(S, 'BASE', { of: baseArea === input.licensed_area_km2 ? 'licensed' : 'first' }),
      `${fmt(baseArea)} − ${fmt(input.proven_reserve_area_km2)} = ${fmt(base)}`,
      base,
    ),
  );
  return base;
}

/** The contract's terms on committed investment (11号 四（三）): refusal or the contract's cut; null = not decided by them. */
function contractTerms(input: ExtensionInput, acc: Acc, base: number): ExtensionAssessment | null {
  const c = input.contract ?? {};
  if (c.committed_completion_ratio === undefined) return null;
  const k = c.committed_completion_ratio;
  if (k >= 1 - EPS) return null;
  const below = c.contract_refusal_completion_below ?? 0.3;
  if (c.contract_refusal_completion_below === undefined) acc.readings.push(say(M, 'CONTRACT_REFUSAL_DEFAULT'));
  if (k < below - EPS) {
    acc.steps.push(step('R-RED-CT', C.op4_3, say(S, 'CONTRACT_BELOW'), `${pct(k)} < ${pct(below)}`, k));
    acc.refusal_reasons.push(say(M, 'CONTRACT_REFUSE', { completed: pct(k), below: pct(below) }));
    return finish(input, acc, base, 0, 0, C.op4_3, 'R-RED-CT');
  }
  if (c.contract_reduction_ratio === undefined) {
    acc.warnings.push(say(M, 'CONTRACT_CUT_MISSING', { completed: pct(k) }));
    return null;
  }
  const r = c.contract_reduction_ratio;
  const red = roundTo(base * r);
  acc.steps.push(step('R-RED-CT', C.op4_3, say(S, 'CONTRACT_CUT'), `${pct(k)} < 100%: ${fmt(base)} × ${pct(r)} = ${fmt(red)}`, red));
  return finish(input, acc, base, r, red, C.op4_3, 'R-RED-CT');
}

/** The 273号令 path (5-year term): R-VAL-2..6, R-RED-1..8. */
function assessShanxi5y(input: ExtensionInput): ExtensionAssessment {
  const acc = newAcc();
  const u = input.unfinished_ratio;
  const c = input.contract ?? {};
  checkShanxiExtensionCount(input, acc);
  checkShanxiDeadlines(input, acc);
  const base = shanxiBase(input, acc);

  if (c.agreed_reduction_ratio !== undefined) {
    acc.readings.push(say(M, 'AGREED_RATIO'));
    const r = c.agreed_reduction_ratio;
    const red = roundTo(base * r);
    acc.steps.push(step('R-RED-5', C.contract, say(S, 'REDUCTION_AGREED'), `${fmt(base)} × ${pct(r)} = ${fmt(red)}`, red));
    return finish(input, acc, base, r, red, C.contract, 'R-RED-5');
  }

  // Exemption (R-RED-7).
  if (shanxiExemption(input, acc)) {
    if (u > EPS) acc.warnings.push(say(M, 'EXEMPT_WITH_SHORTFALL', { u: pct(u) }));
    acc.steps.push(step('R-RED-7', C.art15_2, say(S, 'EXEMPT_ZERO'), `${fmt(base)} × 0 = 0`, 0));
    return finish(input, acc, base, 0, 0, C.art15, 'R-RED-7');
  }

  const method = input.acquisition_method;
  if (method === 'listing' || method === 'coal_addition') {
    const rule = method === 'listing' ? 'R-RED-6' : 'R-RED-8';
    const cit = method === 'listing' ? C.tplListing : C.op4_4;
    acc.readings.push(say(M, method === 'listing' ? 'RED6_LISTING' : 'RED8_ADDITION'));
    if (u > 0.5 + EPS) acc.warnings.push(say(M, 'LISTING_OVER_50', { u: pct(u) }));
    const red = roundTo(base * u);
    acc.steps.push(step(rule, cit, say(S, 'REDUCTION_U'), `${fmt(base)} × ${pct(u)} = ${fmt(red)}`, red));
    return finish(input, acc, base, u, red, cit, rule);
  }

  // R-RED-4/5: the statutory minimum-investment band (273号令 第十七条), bounds per the contract template.
  acc.readings.push(say(M, 'RED4_BOUNDS'));
  if (u > 0.5 + EPS) {
    acc.steps.push(step('R-RED-4', C.art17, say(S, 'U_OVER_50'), `u = ${pct(u)} > 50%`, u));
    acc.refusal_reasons.push(say(M, 'RED4_REFUSE', { u: pct(u) }));
    return finish(input, acc, base, 0, 0, C.art17, 'R-RED-4');
  }
  // Contract terms on the committed investment (11号 四（三）) — the contract's own refusal and cut.
  const byContract = contractTerms(input, acc, base);
  if (byContract) return byContract;

  const ratio = u <= 0.25 + EPS ? 0.25 : u;
  acc.steps.push(
    step(
      'R-RED-4',
      C.tplOther,
      say(S, 'RATIO_BAND', { floor: u <= 0.25 + EPS }),
      u <= 0.25 + EPS ? `u = ${pct(u)} ≤ 25% → 25%` : `25% < u = ${pct(u)} ≤ 50% → ${pct(u)}`,
      ratio,
    ),
  );
  const red = roundTo(base * ratio);
  acc.steps.push(step('R-RED-3', C.op4, say(S, 'REDUCTION'), `${fmt(base)} × ${pct(ratio)} = ${fmt(red)}`, red));
  return finish(input, acc, base, ratio, red, C.op4, 'R-RED-3');
}

/**
 * R-VAL-5 option '2y' (晋自然资发〔2020〕11号 二, 000:L4250): “选择2年的，适用原有规定（晋国土资函〔2016〕348号，按照未完成
 * 最低勘查投入比例核减相应面积）”: a 2-year term, cut = (licensed − proven) × u, no 25% floor and no refusal band.
 */
function assessShanxiOldRule2y(input: ExtensionInput): ExtensionAssessment {
  const acc = newAcc();
  const u = input.unfinished_ratio;
  acc.readings.push(say(M, 'OLD_RULE_2Y'));
  const base = roundTo(Math.max(0, input.licensed_area_km2 - input.proven_reserve_area_km2));
  acc.steps.push(
    step(
      'R-VAL-5',
      C.op2,
      say(S, 'BASE', { of: 'licensed' }),
      `${fmt(input.licensed_area_km2)} − ${fmt(input.proven_reserve_area_km2)} = ${fmt(base)}`,
      base,
    ),
  );
  const red = roundTo(base * u);
  acc.steps.push(step('R-VAL-5', C.op2, say(S, 'REDUCTION_OLD_RULE'), `${fmt(base)} × ${pct(u)} = ${fmt(red)}`, red));
  return finish(input, acc, base, u, red, C.op2, 'R-VAL-5', 2);
}

/**
 * shanxi-cbm-2020 (R-RED-1..8, R-VAL-2..6): base = licensed − proven (晋自然资发〔2020〕11号 四); exemption
 * (273号令 第十五条第二款 AND / 11号 四（三） OR); u ≤ 25% → 25%, 25% < u ≤ 50% → u, u > 50% → refuse
 * (273号令 第十七条, bounds per 合同示范文本 第七条第四款); contract terms on committed investment (11号 四（三）);
 * listing → u (第七条第三款); 增列 → u (11号 四（四））. Licences ending before 2020-05-01: both options of
 * 11号 二 (R-VAL-5), the chosen one as the result and the other in `alternatives`.
 */
export function assessShanxi2020(input: ExtensionInput): ExtensionAssessment {
  if (input.valid_to && compareDates(input.valid_to, SHANXI_CBM_EFFECTIVE) < 0) {
    const choice = input.shanxi_legacy_term ?? '5y';
    const five = { ...assessShanxi5y(input), option: '5y' };
    const two = { ...assessShanxiOldRule2y(input), option: '2y' };
    const [main, other] = choice === '5y' ? [five, two] : [two, five];
    main.warnings.unshift(
      say(M, 'LEGACY_CHOICE', {
        valid_to: input.valid_to,
        chosen: choice,
        five: five.decision === 'extend' ? fmt(five.reduction_km2) : null,
        two: fmt(two.reduction_km2),
      }),
    );
    return { ...main, alternatives: [other] };
  }
  const after2023 = !input.valid_to || compareDates(input.valid_to, NATIONAL_2023_EFFECTIVE) >= 0;
  if (input.shanxi_rate_reading === 'national-20') {
    const n = assessNational2023({ ...input, regime: 'national-2023' });
    n.readings.unshift(say(M, 'RATE_NATIONAL_20'));
    return { ...n, regime: 'shanxi-cbm-2020' };
  }
  const r = assessShanxi5y(input);
  if (after2023) r.warnings.push(say(M, 'RATE_PROVINCIAL_25', { known: !!input.valid_to }));
  return r;
}

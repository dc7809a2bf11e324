/**
 * Extension reduction under the national regimes: 自然资规〔2019〕7号 七 (national-2019) and
 * 自然资规〔2023〕6号 七 with 〔2023〕4号 一（一）5 (national-2023).
 */
import { say } from '../i18n/message';
import { C, finish, newAcc, type ExtensionAssessment } from './extension-common';
import { NAT as M } from './extension-messages';
import type { ExtensionInput } from './schemas';
import { STEP as S } from './step-messages';
import { fmt, pct, roundTo, step } from './steps';

/** national-2019 (自然资规〔2019〕7号 七): 25% of (first-issued area − proven/submitted); 0 for deep/upper of an existing mining right. */
export function assessNational2019(input: ExtensionInput): ExtensionAssessment {
  const acc = newAcc();
  const c = input.contract ?? {};
  const first = c.base_reading === 'licensed' ? undefined : input.first_registration_area_km2;
  const baseArea = first ?? input.licensed_area_km2;
  acc.readings.push(say(M, first === undefined ? 'N19_FIRST_DEEMED' : 'N19_FIRST'));
  acc.readings.push(say(M, 'N19_NO_SHORTFALL'));
  acc.readings.push(say(M, 'N19_NO_LIMIT'));
  const base = roundTo(Math.max(0, baseArea - input.proven_reserve_area_km2));
  acc.steps.push(
    step(
      'R-N19-RED',
      C.n2019,
      say(S, 'BASE_N19', { of: first === undefined ? 'licensed' : 'first' }),
      `${fmt(baseArea)} − ${fmt(input.proven_reserve_area_km2)} = ${fmt(base)}`,
      base,
    ),
  );
  if (input.deep_or_upper_of_own_mining_right) {
    acc.readings.push(say(M, 'N19_DEEP'));
    acc.steps.push(step('R-N19-RED', C.n2019, say(S, 'DEEP_ZERO'), `${fmt(base)} × 0 = 0`, 0));
    return finish(input, acc, base, 0, 0, C.n2019, 'R-N19-RED');
  }
  if (c.agreed_reduction_ratio !== undefined) {
    acc.readings.push(say(M, 'N19_AGREED'));
    const red = roundTo(base * c.agreed_reduction_ratio);
    acc.steps.push(
      step('R-N19-RED', C.n2019, say(S, 'REDUCTION_AGREED'), `${fmt(base)} × ${pct(c.agreed_reduction_ratio)} = ${fmt(red)}`, red),
    );
    return finish(input, acc, base, c.agreed_reduction_ratio, red, C.n2019, 'R-N19-RED');
  }
  const red = roundTo(base * 0.25);
  acc.steps.push(step('R-N19-RED', C.n2019, say(S, 'REDUCTION'), `${fmt(base)} × 25% = ${fmt(red)}`, red));
  acc.warnings.push(say(M, 'N19_SAME_BASIN'));
  return finish(input, acc, base, 0.25, red, C.n2019, 'R-N19-RED');
}

/** national-2023 (自然资规〔2023〕6号 七, 〔2023〕4号 一（一）5): 20% of (licensed − submitted), 0 for deep/upper, minus force-majeure area. */
export function assessNational2023(input: ExtensionInput): ExtensionAssessment {
  const acc = newAcc();
  const c = input.contract ?? {};
  acc.readings.push(say(M, 'N23_BASE'));
  acc.readings.push(say(M, 'N23_NO_SHORTFALL'));
  const base = roundTo(Math.max(0, input.licensed_area_km2 - input.proven_reserve_area_km2));
  acc.steps.push(
    step(
      'R-N23-RED',
      C.n2023,
      say(S, 'BASE_N23'),
      `${fmt(input.licensed_area_km2)} − ${fmt(input.proven_reserve_area_km2)} = ${fmt(base)}`,
      base,
    ),
  );
  if (input.deep_or_upper_of_own_mining_right) {
    acc.steps.push(step('R-N23-RED', C.n2023, say(S, 'DEEP_ZERO'), `${fmt(base)} × 0 = 0`, 0));
    return finish(input, acc, base, 0, 0, C.n2023, 'R-N23-RED');
  }
  const ratio = c.agreed_reduction_ratio ?? 0.2;
  if (c.agreed_reduction_ratio !== undefined) acc.readings.push(say(M, 'N23_AGREED'));
  const required = roundTo(base * ratio);
  acc.steps.push(step('R-N23-RED', C.n2023, say(S, 'REQUIRED_N23'), `${fmt(base)} × ${pct(ratio)} = ${fmt(required)}`, required));
  const fm = input.force_majeure_area_km2 ?? 0;
  if (fm > 0) {
    acc.readings.push(say(M, 'N23_FM'));
    const red = roundTo(Math.max(0, required - fm));
    acc.steps.push(step('R-N23-FM', C.n2023fm, say(S, 'FORCE_MAJEURE'), `${fmt(required)} − ${fmt(fm)} → ${fmt(red)}`, red));
    return finish(input, acc, base, ratio, red, C.n2023fm, 'R-N23-FM');
  }
  acc.warnings.push(say(M, 'N23_SAME_BASIN'));
  return finish(input, acc, base, ratio, required, C.n2023, 'R-N23-RED');
}

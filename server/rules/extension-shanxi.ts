/**
 * Extension reduction under shanxi-cbm-2020: 273号令 第十五条/第十七条, 晋自然资发〔2020〕11号 四,
 * 〔2020〕15号 合同示范文本 第七条 (R-RED-1..8, R-VAL-2..6).
 */
import { addDays, addYears, compareDates } from './dates';
import { C, EPS, finish, newAcc, type Acc, type ExtensionAssessment } from './extension-common';
import type { ExtensionInput } from './schemas';
import { fmt, pct, roundTo, step } from './steps';

/** R-VAL-2 (30 days before expiry) and R-VAL-6 (3 years from proven reserves to a mining application), Shanxi. */
function checkShanxiDeadlines(input: ExtensionInput, acc: Acc): void {
  const app = input.application_date;
  if (input.valid_to && app) {
    const last = addDays(input.valid_to, -30);
    const late = compareDates(app, last) > 0;
    acc.steps.push(step('R-VAL-2', C.art15, `last day to apply = ${input.valid_to} − 30 d = ${last}; applied ${app}`, late ? 0 : 1));
    if (late)
      acc.refusal_reasons.push(
        `R-VAL-2 (${C.art15}): application on ${app} is later than 30 days before expiry (${last}) — the licence lapses at expiry (自行废止)`,
      );
  }
  if (input.proven_reserves_submitted_date && !input.mining_application_filed) {
    const d = input.proven_reserves_submitted_date;
    const [last, cit] =
      compareDates(d, '2020-05-01') < 0 ? ['2023-04-30', '晋自然资发〔2020〕11号 五'] : [addYears(d, 3), '273号令 第二十一条'];
    const on = app ?? input.valid_to;
    if (on && compareDates(on, last) > 0) {
      acc.steps.push(step('R-VAL-6', cit, `proven ${d} → mining application due by ${last}; none filed by ${on}`, 0));
      acc.refusal_reasons.push(
        `R-VAL-6 (${cit}): proven reserves submitted ${d} but no mining registration applied for by ${last} — 探矿权不再延续`,
      );
    }
  }
}

/** R-VAL-3 / R-VAL-4: how many extensions the Shanxi decree allows; pushes a refusal when used up. */
function checkShanxiExtensionCount(input: ExtensionInput, acc: Acc): void {
  const used = input.extensions_used ?? 0;
  const legacy = (input.years_existing ?? 0) > 15;
  if (input.extensions_used === undefined) acc.readings.push('R-VAL-3: extensions_used not given — assumed 0');
  let allowed = 2;
  if (legacy) {
    acc.readings.push(
      'R-VAL-4: years_existing is read as cumulative existence on 2020-05-01 and extensions_used as extensions since then; > 15 years → one 5-year extension, further ones only if proven reserves were submitted (then the R-VAL-3 cap of 2 applies)',
    );
    allowed = input.proven_reserve_area_km2 > 0 ? 2 : 1;
    acc.steps.push(
      step(
        'R-VAL-4',
        C.art15legacy,
        `cumulative existence ${fmt(input.years_existing ?? 0)} y > 15 y, proven area ${fmt(input.proven_reserve_area_km2)} → ${allowed} extension(s) allowed`,
        allowed,
      ),
    );
  }
  const left = allowed - used;
  acc.steps.push(
    step(
      legacy ? 'R-VAL-4' : 'R-VAL-3',
      legacy ? C.art15legacy : C.art15,
      `extensions allowed ${allowed} − used ${used} = ${Math.max(0, left)}`,
      Math.max(0, left),
    ),
  );
  if (left <= 0) {
    acc.refusal_reasons.push(
      legacy && allowed === 1
        ? `R-VAL-4 (${C.art15legacy}): block existed > 15 years before 273号令; its one extra 5-year extension is used and no proven reserves were submitted — 不再办理延续登记`
        : `R-VAL-3 (${C.art15}): at most two 5-year extensions (期满后不再延续); ${used} already used`,
    );
  } else if (left === 1) {
    acc.warnings.push(
      legacy && allowed === 1
        ? 'R-VAL-4: legacy block — if no proven geological reserves are submitted by the end of this extension, no further extension'
        : 'R-VAL-3: this is the last extension allowed (max 2, 15 years in total)',
    );
  }
}

/** R-RED-7: is the block exempt from the Article 15 reduction? Flags not given count as false. */
function shanxiExemption(input: ExtensionInput, acc: Acc): boolean {
  const c = input.contract ?? {};
  const reading = c.exemption_reading ?? 'and';
  if (c.exempt !== undefined) {
    acc.readings.push(`R-RED-7: exemption given explicitly by the contract parameter (exempt = ${c.exempt})`);
    return c.exempt;
  }
  const signed = c.signed === true;
  const completed = c.committed_investment_completed === true;
  const paid = c.income_paid === true;
  if (reading === 'and') {
    acc.readings.push(
      'R-RED-7: AND reading (273号令 第十五条第二款, the decree, default): exempt only if contract signed AND committed investment completed AND 出让收益 paid; 晋自然资发〔2020〕11号 四（三） says OR — set contract.exemption_reading = "or" to use it',
    );
    const exempt = signed && completed && paid;
    acc.steps.push(
      step('R-RED-7', C.art15_2, `exempt = signed(${signed}) ∧ completed(${completed}) ∧ paid(${paid}) = ${exempt}`, exempt ? 1 : 0),
    );
    return exempt;
  }
  acc.readings.push(
    'R-RED-7: OR reading (晋自然资发〔2020〕11号 四（三）): exempt at the FIRST extension if (contract signed AND committed investment completed) OR 出让收益 paid; 273号令 第十五条 says AND',
  );
  const first = (input.extensions_used ?? 0) === 0;
  const exempt = first && ((signed && completed) || paid);
  acc.steps.push(
    step(
      'R-RED-7',
      C.op4_3,
      `exempt = first(${first}) ∧ ((signed(${signed}) ∧ completed(${completed})) ∨ paid(${paid})) = ${exempt}`,
      exempt ? 1 : 0,
    ),
  );
  return exempt;
}

/**
 * shanxi-cbm-2020 (R-RED-1..8, R-VAL-2..6): base = licensed − proven (晋自然资发〔2020〕11号 四); exemption
 * (273号令 第十五条第二款 AND / 11号 四（三） OR); u ≤ 25% → 25%, 25% < u ≤ 50% → u, u > 50% → refuse
 * (273号令 第十七条, bounds per 合同示范文本 第七条第四款); listing → u (第七条第三款); 增列 → u (11号 四（四）).
 */
export function assessShanxi2020(input: ExtensionInput): ExtensionAssessment {
  const acc = newAcc();
  const u = input.unfinished_ratio;
  const c = input.contract ?? {};
  checkShanxiExtensionCount(input, acc);
  checkShanxiDeadlines(input, acc);

  // Base (R-RED-1/2/3).
  const baseReading = c.base_reading ?? 'licensed';
  let baseArea = input.licensed_area_km2;
  if (baseReading === 'first_registration') {
    if (input.first_registration_area_km2 === undefined) {
      acc.warnings.push(
        'base_reading = first_registration but first_registration_area_km2 not given; the licensed area is deemed the first-registration area (R-RED-2, 273号令 第十五条第三款)',
      );
    } else baseArea = input.first_registration_area_km2;
    acc.readings.push('R-RED-1: base = first-registration area (首次登记面积, 273号令 第十五条) − proven area, by contract parameter');
  } else {
    acc.readings.push(
      'R-RED-3: base = licensed area (勘查许可证载明面积) − proven-reserve area (晋自然资发〔2020〕11号 四, “先扣除探明储量面积再核减区块面积25%”)',
    );
    if (input.first_registration_area_km2 !== undefined && Math.abs(input.first_registration_area_km2 - input.licensed_area_km2) > EPS) {
      acc.warnings.push(
        `first-registration area ${fmt(input.first_registration_area_km2)} km² differs from the licensed area; 273号令 第十五条 literally uses the first-registration area (set contract.base_reading = "first_registration")`,
      );
    }
  }
  const base = roundTo(Math.max(0, baseArea - input.proven_reserve_area_km2));
  acc.steps.push(
    step(
      'R-RED-3',
      baseReading === 'licensed' ? C.op4 : C.art15,
      `base = ${fmt(baseArea)} − ${fmt(input.proven_reserve_area_km2)} = ${fmt(base)}`,
      base,
    ),
  );

  if (c.agreed_reduction_ratio !== undefined) {
    acc.readings.push('contract.agreed_reduction_ratio given: the contract ratio is applied (273号令 第十六条第二款 / 合同示范文本)');
    const r = c.agreed_reduction_ratio;
    const red = roundTo(base * r);
    acc.steps.push(step('R-RED-5', C.tplOther, `reduction = ${fmt(base)} × ${pct(r)} = ${fmt(red)}`, red));
    return finish(input, acc, base, r, red, C.tplOther, 'R-RED-5');
  }

  // Exemption (R-RED-7).
  if (shanxiExemption(input, acc)) {
    if (u > EPS)
      acc.warnings.push(`exempt from the reduction although ${pct(u)} of the minimum investment is unfinished — check the contract`);
    acc.steps.push(step('R-RED-7', C.art15_2, `exempt → reduction = ${fmt(base)} × 0 = 0`, 0));
    return finish(input, acc, base, 0, 0, C.art15, 'R-RED-7');
  }

  const method = input.acquisition_method;
  if (method === 'listing' || method === 'coal_addition') {
    const rule = method === 'listing' ? 'R-RED-6' : 'R-RED-8';
    const cit = method === 'listing' ? C.tplListing : C.op4_4;
    acc.readings.push(
      method === 'listing'
        ? 'R-RED-6: right granted by listing (挂牌): reduce by the unfinished ratio only, no fixed 25% and no refusal threshold (合同示范文本 第七条第三款)'
        : 'R-RED-8: coal-right 增列 CBM right: reduce by the unfinished ratio of the committed investment (晋自然资发〔2020〕11号 四（四）); unfinished_ratio is read as that ratio',
    );
    if (u > 0.5 + EPS)
      acc.warnings.push(`unfinished ${pct(u)} > 50%: 273号令 第十七条 would refuse the extension; the contract variant states no refusal`);
    const red = roundTo(base * u);
    acc.steps.push(step(rule, cit, `reduction = ${fmt(base)} × u ${pct(u)} = ${fmt(red)}`, red));
    return finish(input, acc, base, u, red, cit, rule);
  }

  // R-RED-4/5: thresholds on the unfinished share, bounds per the contract template.
  const refusal = c.refusal_reading ?? 'template-50';
  const refuseAbove = refusal === 'template-50' ? 0.5 : 0.7;
  acc.readings.push(
    'R-RED-4/5 bounds: contract-template reading (合同示范文本 第七条第四款: completion ≥ 75% (含) → 25%; 50% (含)–75% → u; < 50% → refuse) ⇒ u ≤ 25% → 25%; 25% < u ≤ 50% → u; u > 50% → refuse. 273号令 第十七条 leaves exactly 25% and 50% undefined. The u-band replaces the Article 15 25% (“不与第十五条累计扣减”, 11号 四（一） “合并执行，一次性计算”)',
  );
  if (refusal === '11hao-30') {
    acc.readings.push(
      'refusal threshold: 晋自然资发〔2020〕11号 四（三） reading — refuse only when completion < 30% (u > 70%); 50% < u ≤ 70% → reduce by u',
    );
  } else {
    acc.readings.push(
      'refusal threshold: 50% (273号令 第十七条 / 合同示范文本, default); 晋自然资发〔2020〕11号 四（三） says completion < 30% — set contract.refusal_reading = "11hao-30"',
    );
  }
  if (u > refuseAbove + EPS) {
    acc.steps.push(step('R-RED-4', refusal === 'template-50' ? C.art17 : C.op4_3, `u = ${pct(u)} > ${pct(refuseAbove)} → refuse`, u));
    acc.refusal_reasons.push(
      `R-RED-4 (${refusal === 'template-50' ? C.art17 : C.op4_3}): minimum exploration investment unfinished ${pct(u)} > ${pct(refuseAbove)} — 不予办理延续登记`,
    );
    return finish(input, acc, base, 0, 0, C.art17, 'R-RED-4');
  }
  const ratio = u <= 0.25 + EPS ? 0.25 : u;
  acc.steps.push(
    step(
      'R-RED-4',
      C.tplOther,
      u <= 0.25 + EPS ? `u = ${pct(u)} ≤ 25% → ratio 25%` : `25% < u = ${pct(u)} ≤ ${pct(refuseAbove)} → ratio = u = ${pct(u)}`,
      ratio,
    ),
  );
  const red = roundTo(base * ratio);
  acc.steps.push(step('R-RED-3', C.op4, `reduction = ${fmt(base)} × ${pct(ratio)} = ${fmt(red)}`, red));
  return finish(input, acc, base, ratio, red, C.op4, 'R-RED-3');
}

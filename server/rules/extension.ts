/**
 * Area reduction at an exploration-right extension (探矿权延续 核减/扣减), per regime.
 * RULES.md §1–2; 000-part-b §1.2–1.3; 000-part-a §1.7; 001 §1.1.
 */
import type { ExtensionAssessment } from './extension-common';
import { assessNational2019, assessNational2023 } from './extension-national';
import { assessShanxi2020 } from './extension-shanxi';
import type { ExtensionInput } from './schemas';
import { readingsApplied, type ReadingApplied } from './readings';
import { assertNonNegative } from './steps';

export type { ExtensionInput } from './schemas';
export type { ExtensionAssessment } from './extension-common';

/**
 * Assess an exploration-right extension: decide extend/refuse and compute the area to give up.
 * - shanxi-cbm-2020 (R-RED-1..8, R-VAL-1..4): base = licensed − proven (晋自然资发〔2020〕11号 四);
 *   u ≤ 25% → 25%; 25% < u ≤ 50% → u; u > 50% → refuse (273号令 第十七条, bounds per 合同示范文本 第七条第四款).
 * - national-2019 (自然资规〔2019〕7号 七): 25% of (first-issued area − proven/submitted); 0 for deep/upper of own mining right.
 * - national-2023 (自然资规〔2023〕6号 七, 〔2023〕4号 一（一）5): 20% of (licensed − submitted); 0 for deep/upper;
 *   force-majeure area counts against it.
 * Never negative, never above the base, never falls as the shortfall u rises while extended.
 */
export function assessExtension(input: ExtensionInput): ExtensionAssessment {
  assertNonNegative('licensed_area_km2', input.licensed_area_km2);
  assertNonNegative('proven_reserve_area_km2', input.proven_reserve_area_km2);
  assertNonNegative('unfinished_ratio', input.unfinished_ratio);
  if (input.unfinished_ratio > 1) throw new RangeError(`unfinished_ratio must be ≤ 1, got ${input.unfinished_ratio}`);
  if (input.first_registration_area_km2 !== undefined) assertNonNegative('first_registration_area_km2', input.first_registration_area_km2);
  if (input.force_majeure_area_km2 !== undefined) assertNonNegative('force_majeure_area_km2', input.force_majeure_area_km2);
  switch (input.regime) {
    case 'shanxi-cbm-2020':
      return assessShanxi2020(input);
    case 'national-2019':
      return assessNational2019(input);
    case 'national-2023':
      return assessNational2023(input);
    default:
      throw new RangeError(`unknown regime ${String((input as { regime: unknown }).regime)}`);
  }
}

/** The named readings an extension assessment under `input.regime` depends on, each with the value it took (given or default). */
export function extensionReadingsApplied(input: ExtensionInput): ReadingApplied[] {
  return readingsApplied(
    input.regime === 'shanxi-cbm-2020'
      ? ['contract.exemption_reading', 'contract.base_reading', 'shanxi_legacy_term', 'shanxi_rate_reading']
      : ['contract.base_reading'],
    {
      'contract.exemption_reading': input.contract?.exemption_reading,
      'contract.base_reading': input.contract?.base_reading,
      shanxi_legacy_term: input.shanxi_legacy_term,
      shanxi_rate_reading: input.shanxi_rate_reading,
    },
  );
}

import { describe, expect, it } from 'vitest';
import { extensionInputSchema, parseExtensionInput } from './schemas';
import { assessExtension } from './extension';

describe('extensionInputSchema', () => {
  it('accepts a valid input that assessExtension can use', () => {
    const r = parseExtensionInput({
      regime: 'shanxi-cbm-2020',
      licensed_area_km2: 268.752,
      proven_reserve_area_km2: 58.91,
      unfinished_ratio: 0.2,
      contract: { exemption_reading: 'or' },
    });
    expect(r.ok).toBe(true);
    if (r.ok) expect(assessExtension(r.value).reduction_km2).toBe(52.4605);
  });
  it('names the offending field', () => {
    const r = parseExtensionInput({ regime: 'shanxi-cbm-2020', licensed_area_km2: -1, proven_reserve_area_km2: 0, unfinished_ratio: 2 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.field).sort()).toEqual(['licensed_area_km2', 'unfinished_ratio']);
  });
  it('rejects unknown regimes and bad contract readings', () => {
    const r = parseExtensionInput({
      regime: 'national-2030',
      licensed_area_km2: 1,
      proven_reserve_area_km2: 0,
      unfinished_ratio: 0,
      contract: { exemption_reading: 'xor' },
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.field).sort()).toEqual(['contract.exemption_reading', 'regime']);
  });
  it('cross-field: proven area above the licensed area', () => {
    const r = extensionInputSchema.safeParse({
      regime: 'national-2023',
      licensed_area_km2: 10,
      proven_reserve_area_km2: 11,
      unfinished_ratio: 0,
    });
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues[0].path).toEqual(['proven_reserve_area_km2']);
  });
});

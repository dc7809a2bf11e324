import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { EMPTY_LEDGER } from '../rules';
import { redactAssessment } from '../auth/visibility';
import { applyOverrides, inputSources, INPUT_ORDER } from './assessment-inputs';
import { assessStoredBlock, type StoredBlock } from './stored-block';

/** 寿阳北 as the demo register has it: 2 of 2 extensions used, proven reserves submitted 2015, little invested. */
const shouyangbei: StoredBlock = {
  id: 'blk-0015',
  name: '寿阳北',
  holder: 'H',
  kind: 'exploration',
  mineral: 'cbm',
  status: 'valid',
  acquisition_method: 'administrative',
  first_registration_date: '2010-03-01',
  first_registration_area_km2: 362.129,
  valid_from: '2025-12-16',
  valid_to: '2030-12-15',
  extensions_used: 2,
  province_registered: true,
  area_km2: 268.751852,
  proven_km2: 58.91,
  proven_submitted_date: '2015-11-18',
};
const inv = [{ year: 2026, amount_cny: 1_000_000 }];

describe('inputSources', () => {
  it('names every input in one order, register values as such, the rest as defaults', () => {
    const r = assessStoredBlock(shouyangbei, inv, EMPTY_LEDGER, '2026-12-01');
    expect(r.input_sources.map((s) => s.name)).toEqual(INPUT_ORDER);
    const by = Object.fromEntries(r.input_sources.map((s) => [s.name, s]));
    expect(by.extensions_used).toEqual({ name: 'extensions_used', value: 2, register_value: 2, source: 'register' });
    expect(by.proven_reserves_submitted_date.source).toBe('register');
    expect(by.unfinished_ratio.source).toBe('register');
    expect(by.application_date).toEqual({ name: 'application_date', value: null, register_value: null, source: 'default' });
    expect(by.years_existing.source).toBe('default');
    expect(r.override_notice).toBeNull();
  });
});

describe('overrides', () => {
  it('with none the answer is the register assessment itself', () => {
    const a = assessStoredBlock(shouyangbei, inv, EMPTY_LEDGER, '2026-12-01');
    const b = assessStoredBlock(shouyangbei, inv, EMPTY_LEDGER, '2026-12-01', {}, {});
    expect(b).toEqual(a);
    expect(a.assessment!.decision).toBe('refuse');
  });

  it('one override changes that input only, keeps the register value beside it, and marks the verdict', () => {
    const reg = assessStoredBlock(shouyangbei, inv, EMPTY_LEDGER, '2026-12-01');
    const r = assessStoredBlock(shouyangbei, inv, EMPTY_LEDGER, '2026-12-01', {}, { extensions_used: 0 });
    const by = Object.fromEntries(r.input_sources.map((s) => [s.name, s]));
    expect(by.extensions_used).toEqual({ name: 'extensions_used', value: 0, register_value: 2, source: 'override' });
    expect(r.input_sources.filter((s) => s.source === 'override')).toHaveLength(1);
    expect(r.inputs.extensions_used).toBe(0);
    expect(r.inputs.unfinished_ratio).toBe(reg.inputs.unfinished_ratio);
    // still refused, on the other two reasons; the count reason is gone
    expect(r.assessment!.decision).toBe('refuse');
    const codes = (x: typeof r) => x.assessment!.refusal_reasons.map((m) => m.code);
    expect(codes(reg)).toContain('VAL3_USED');
    expect(codes(r)).not.toContain('VAL3_USED');
    expect(r.override_notice!.message_zh).toMatch(/^含用户覆盖值，非登记簿结论/);
    expect(r.override_notice!.message_zh).toContain('已延续次数');
    expect(r.override_notice!.message).toMatch(/includes overrides/);
  });

  it('overriding every refusal reason away extends, and null clears a register value', () => {
    const r = assessStoredBlock(
      shouyangbei,
      inv,
      EMPTY_LEDGER,
      '2026-12-01',
      {},
      {
        extensions_used: 0,
        proven_reserves_submitted_date: null,
        unfinished_ratio: 0.1,
      },
    );
    expect(r.assessment!.decision).toBe('extend');
    expect(r.inputs.proven_reserves_submitted_date).toBeUndefined();
    // (licensed − proven) × 25 %
    expect(r.assessment!.reduction_km2).toBeCloseTo((268.751852 - 58.91) * 0.25, 4);
  });

  it('refuses an override that makes an invalid input, naming the field', () => {
    try {
      assessStoredBlock(shouyangbei, inv, EMPTY_LEDGER, '2026-12-01', {}, { licensed_area_km2: 10, first_registration_area_km2: null });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).status).toBe(422);
      expect((e as AppError).code).toBe('INVALID_ASSESSMENT_INPUT');
      expect(JSON.stringify((e as AppError).details)).toContain('overrides.proven_reserve_area_km2');
    }
  });

  it('refuses overrides for a block without an extension assessment (mining right)', () => {
    expect(() => assessStoredBlock({ ...shouyangbei, kind: 'mining' }, [], EMPTY_LEDGER, '2026-12-01', {}, { extensions_used: 0 })).toThrow(
      /no extension assessment/,
    );
  });

  it('applyOverrides puts contract terms under contract', () => {
    const base = { regime: 'shanxi-cbm-2020' as const, licensed_area_km2: 100, proven_reserve_area_km2: 0, unfinished_ratio: 0 };
    const r = applyOverrides(base, inputSources(base, new Set()), { committed_completion_ratio: 0.2 });
    expect(r.input.contract).toEqual({ committed_completion_ratio: 0.2 });
    expect(r.sources.find((s) => s.name === 'committed_completion_ratio')!.source).toBe('override');
  });
});

describe('redaction (a caller who may not see the investment ledger)', () => {
  it('withholds the ledger-derived inputs in the list of sources too, keeping what the caller overrode', () => {
    const r = redactAssessment(assessStoredBlock(shouyangbei, inv, EMPTY_LEDGER, '2026-12-01'));
    const u = r.input_sources!.find((s) => s.name === 'unfinished_ratio')!;
    expect(u).toEqual({ name: 'unfinished_ratio', value: null, register_value: null, source: 'withheld' });
    expect(r.input_sources!.find((s) => s.name === 'extensions_used')!.value).toBe(2);
    expect(r.inputs).not.toHaveProperty('unfinished_ratio');
    const o = redactAssessment(assessStoredBlock(shouyangbei, inv, EMPTY_LEDGER, '2026-12-01', {}, { unfinished_ratio: 0.3 }));
    expect(o.input_sources!.find((s) => s.name === 'unfinished_ratio')).toEqual({
      name: 'unfinished_ratio',
      value: 0.3,
      register_value: null,
      source: 'override',
    });
    expect(o.assessment).toBeNull();
  });
});

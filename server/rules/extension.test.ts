import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assessExtension } from './extension';
import type { ExtensionInput } from './schemas';
import type { Message } from '../i18n/message';

const txt = (ms: Message[]) => ms.map((m) => m.message).join(' ');

const shanxi = (over: Partial<ExtensionInput>): ExtensionInput => ({
  regime: 'shanxi-cbm-2020',
  licensed_area_km2: 100,
  proven_reserve_area_km2: 0,
  unfinished_ratio: 0,
  ...over,
});

describe('shanxi-cbm-2020 worked figures (000-part-b §1.3)', () => {
  it('寿阳北 268.752 km², proven 58.91, u ≤ 25% → 52.4605 km²', () => {
    const r = assessExtension(shanxi({ licensed_area_km2: 268.752, proven_reserve_area_km2: 58.91, unfinished_ratio: 0.1 }));
    expect(r.decision).toBe('extend');
    expect(r.base_km2).toBe(209.842);
    expect(r.reduction_ratio).toBe(0.25);
    expect(r.reduction_km2).toBe(52.4605);
    expect(r.remaining_km2).toBe(216.2915);
    expect(r.regime).toBe('shanxi-cbm-2020');
    const red = r.steps.find((s) => s.value === 52.4605)!;
    expect(red.citation).toBe('晋自然资发〔2020〕11号 四');
    expect(red.formula).toBe('209.842 × 25% = 52.4605');
    expect(red.description.message_zh).toBe('核减面积 = 基数 × 核减比例');
  });

  it('保德 384.681 km², proven 86.9 → 74.44525 km²', () => {
    const r = assessExtension(shanxi({ licensed_area_km2: 384.681, proven_reserve_area_km2: 86.9, unfinished_ratio: 0 }));
    expect(r.reduction_km2).toBe(74.44525);
    expect(r.remaining_km2).toBe(310.23575);
  });

  it('大宁 31.468 km², whole block proven → base 0, reduction 0', () => {
    const r = assessExtension(shanxi({ licensed_area_km2: 31.468, proven_reserve_area_km2: 31.468 }));
    expect(r.decision).toBe('extend');
    expect(r.reduction_km2).toBe(0);
    expect(r.remaining_km2).toBe(31.468);
  });

  it('every step names a rule, a Chinese citation and a formula', () => {
    const r = assessExtension(shanxi({ licensed_area_km2: 268.752, proven_reserve_area_km2: 58.91, unfinished_ratio: 0.4 }));
    for (const s of r.steps) {
      expect(s.rule).toMatch(/^R-/);
      expect(s.citation).toMatch(/号/);
      expect(s.formula.length).toBeGreaterThan(0);
      expect(s.description.message_zh).toMatch(/[\u4e00-\u9fff]/);
      expect(Number.isFinite(s.value)).toBe(true);
    }
    expect(r.readings.length).toBeGreaterThan(0);
  });
});

describe('shanxi-cbm-2020 bounds (contract-template inclusive reading)', () => {
  it('u exactly 25% → 25%', () => {
    const r = assessExtension(shanxi({ unfinished_ratio: 0.25 }));
    expect(r.reduction_ratio).toBe(0.25);
    expect(r.reduction_km2).toBe(25);
  });
  it('u computed as 1 − 0.75 with float noise still counts as 25%', () => {
    const r = assessExtension(shanxi({ unfinished_ratio: (100 - 75.00000000001) / 100 }));
    expect(r.reduction_ratio).toBe(0.25);
  });
  it('u just above 25% → u', () => {
    const r = assessExtension(shanxi({ unfinished_ratio: 0.26 }));
    expect(r.reduction_ratio).toBe(0.26);
    expect(r.reduction_km2).toBe(26);
  });
  it('u exactly 50% → extend with 50%', () => {
    const r = assessExtension(shanxi({ unfinished_ratio: 0.5 }));
    expect(r.decision).toBe('extend');
    expect(r.reduction_km2).toBe(50);
  });
  it('u just above 50% → refuse', () => {
    const r = assessExtension(shanxi({ unfinished_ratio: 0.5001 }));
    expect(r.decision).toBe('refuse');
    expect(r.reduction_km2).toBe(0);
    expect(r.remaining_km2).toBe(100);
    expect(r.refusal_reasons[0].message).toMatch(/273号令 第十七条/);
  });
});

describe('shanxi-cbm-2020 exemptions (R-RED-7) and variants', () => {
  const flags = { signed: true, committed_investment_completed: true, income_paid: false };
  it('AND reading (default): income unpaid → not exempt', () => {
    const r = assessExtension(shanxi({ contract: flags }));
    expect(r.reduction_km2).toBe(25);
    expect(txt(r.readings)).toMatch(/AND reading/);
  });
  it('OR reading: signed + completed → exempt at the first extension', () => {
    const r = assessExtension(shanxi({ contract: { ...flags, exemption_reading: 'or' } }));
    expect(r.reduction_km2).toBe(0);
    expect(r.decision).toBe('extend');
  });
  it('OR reading: not at the second extension', () => {
    const r = assessExtension(shanxi({ extensions_used: 1, contract: { ...flags, exemption_reading: 'or' } }));
    expect(r.reduction_km2).toBe(25);
  });
  it('AND reading: all three → exempt', () => {
    expect(assessExtension(shanxi({ contract: { ...flags, income_paid: true } })).reduction_km2).toBe(0);
  });
  it('explicit exempt flag wins', () => {
    expect(assessExtension(shanxi({ contract: { exempt: true } })).reduction_km2).toBe(0);
  });
  it('listing (挂牌): unfinished ratio only', () => {
    expect(assessExtension(shanxi({ acquisition_method: 'listing', unfinished_ratio: 0.1 })).reduction_km2).toBe(10);
    expect(assessExtension(shanxi({ acquisition_method: 'listing', unfinished_ratio: 0 })).reduction_km2).toBe(0);
    const big = assessExtension(shanxi({ acquisition_method: 'listing', unfinished_ratio: 0.8 }));
    expect(big.decision).toBe('extend');
    expect(txt(big.warnings)).toMatch(/第十七条/);
  });
  it('first-registration base reading', () => {
    const r = assessExtension(
      shanxi({ licensed_area_km2: 80, first_registration_area_km2: 100, contract: { base_reading: 'first_registration' } }),
    );
    expect(r.base_km2).toBe(100);
    expect(r.reduction_km2).toBe(25);
    expect(r.remaining_km2).toBe(55);
  });
});

describe('shanxi-cbm-2020 validity (R-VAL-3/4)', () => {
  it('third extension refused', () => {
    const r = assessExtension(shanxi({ extensions_used: 2 }));
    expect(r.decision).toBe('refuse');
    expect(r.refusal_reasons[0].message).toMatch(/R-VAL-3/);
  });
  it('second extension warns it is the last', () => {
    const r = assessExtension(shanxi({ extensions_used: 1 }));
    expect(r.decision).toBe('extend');
    expect(txt(r.warnings)).toMatch(/last extension/);
  });
  it('legacy > 15 years: one extension, then refused without proven reserves', () => {
    expect(assessExtension(shanxi({ years_existing: 21 })).decision).toBe('extend');
    const r = assessExtension(shanxi({ years_existing: 21, extensions_used: 1 }));
    expect(r.decision).toBe('refuse');
    expect(r.refusal_reasons[0].message).toMatch(/R-VAL-4/);
    expect(assessExtension(shanxi({ years_existing: 21, extensions_used: 1, proven_reserve_area_km2: 10 })).decision).toBe('extend');
  });
});

describe('shanxi-cbm-2020 dates (R-VAL-2, R-VAL-6) and the new term', () => {
  it('applied ≥ 30 days before expiry → extend, new 5-year term from the day after expiry', () => {
    const r = assessExtension(shanxi({ valid_to: '2021-03-28', application_date: '2021-02-26' }));
    expect(r.decision).toBe('extend');
    expect(r.term_years).toBe(5);
    expect(r.new_valid_from).toBe('2021-03-29');
    expect(r.new_valid_to).toBe('2026-03-28');
  });
  it('applied 29 days before expiry → refuse (licence lapses)', () => {
    const r = assessExtension(shanxi({ valid_to: '2021-03-28', application_date: '2021-02-27' }));
    expect(r.decision).toBe('refuse');
    expect(r.refusal_reasons[0].message).toMatch(/R-VAL-2/);
    expect(r.new_valid_to).toBeNull();
  });
  it('proven reserves 3+ years ago without a mining application → refuse (R-VAL-6)', () => {
    const late = assessExtension(
      shanxi({
        valid_to: '2024-12-31',
        application_date: '2024-11-01',
        proven_reserves_submitted_date: '2021-06-01',
        proven_reserve_area_km2: 10,
      }),
    );
    expect(late.decision).toBe('refuse');
    expect(late.refusal_reasons[0].message).toMatch(/第二十一条/);
    const done = assessExtension(
      shanxi({
        valid_to: '2024-12-31',
        application_date: '2024-11-01',
        proven_reserves_submitted_date: '2021-06-01',
        proven_reserve_area_km2: 10,
        mining_registration_completed: true,
      }),
    );
    expect(done.decision).toBe('extend');
    const legacy = assessExtension(
      shanxi({
        valid_to: '2023-12-31',
        application_date: '2023-11-01',
        proven_reserves_submitted_date: '2015-06-01',
        proven_reserve_area_km2: 10,
      }),
    );
    expect(legacy.refusal_reasons[0].message).toMatch(/11号 五/);
  });
  it('a conversion application submitted by the last day (records of applications) satisfies R-VAL-6; one submitted later does not', () => {
    const base = {
      valid_to: '2024-12-31',
      application_date: '2024-11-01',
      proven_reserves_submitted_date: '2021-06-01',
      proven_reserve_area_km2: 10,
    };
    const inTime = assessExtension(shanxi({ ...base, conversion_applied_on: '2024-06-01' }));
    expect(inTime.decision).toBe('extend');
    const s = inTime.steps.find((x) => x.rule === 'R-VAL-6')!;
    expect(s).toMatchObject({ citation: '273号令 第二十一条', formula: '2024-06-01 ≤ 2024-06-01', value: 1 });
    const reading = inTime.readings.find((m) => m.code === 'VAL6_APPLIED_IN_TIME')!;
    expect(reading.message_zh).toContain('应当在3年内申请采矿登记');
    expect(reading.message_zh).toContain('000:L4477');
    const late = assessExtension(shanxi({ ...base, conversion_applied_on: '2024-06-02' }));
    expect(late.decision).toBe('refuse');
    expect(late.readings.map((m) => m.code)).toContain('VAL6_APPLIED_LATE');
  });
});

describe('national-2019 (自然资规〔2019〕7号 七)', () => {
  it('25% of first-issued area minus proven', () => {
    const r = assessExtension({
      regime: 'national-2019',
      licensed_area_km2: 300,
      first_registration_area_km2: 400,
      proven_reserve_area_km2: 80,
      unfinished_ratio: 0.9,
    });
    expect(r.decision).toBe('extend');
    expect(r.base_km2).toBe(320);
    expect(r.reduction_km2).toBe(80);
    expect(r.remaining_km2).toBe(220);
    expect(r.steps.every((s) => s.citation === '自然资规〔2019〕7号 七')).toBe(true);
  });
  it('licensed area deemed first-set when first not given', () => {
    const r = assessExtension({ regime: 'national-2019', licensed_area_km2: 268.752, proven_reserve_area_km2: 58.91, unfinished_ratio: 0 });
    expect(r.reduction_km2).toBe(52.4605);
  });
  it('deep/upper of own mining right → 0', () => {
    const r = assessExtension({
      regime: 'national-2019',
      licensed_area_km2: 100,
      proven_reserve_area_km2: 0,
      unfinished_ratio: 0,
      deep_or_upper_of_own_mining_right: true,
    });
    expect(r.reduction_km2).toBe(0);
  });
  it('caps at the area outside proven reserves when the first-issued base is large', () => {
    const r = assessExtension({
      regime: 'national-2019',
      licensed_area_km2: 30,
      first_registration_area_km2: 400,
      proven_reserve_area_km2: 10,
      unfinished_ratio: 0,
    });
    expect(r.reduction_km2).toBe(20);
    expect(r.remaining_km2).toBe(10);
    expect(txt(r.warnings)).toMatch(/capped/);
  });
});

describe('national-2023 (自然资规〔2023〕6号 七, 〔2023〕4号)', () => {
  const n23 = (over: Partial<ExtensionInput>): ExtensionInput => ({
    regime: 'national-2023',
    licensed_area_km2: 268.752,
    proven_reserve_area_km2: 58.91,
    unfinished_ratio: 0.9,
    ...over,
  });
  it('20% of licensed minus submitted reserves', () => {
    const r = assessExtension(n23({}));
    expect(r.decision).toBe('extend');
    expect(r.reduction_ratio).toBe(0.2);
    expect(r.reduction_km2).toBe(41.9684);
    expect(r.remaining_km2).toBe(226.7836);
    expect(r.steps.some((s) => s.citation === '自然资规〔2023〕6号 七')).toBe(true);
  });
  it('force majeure counts against it, never below 0', () => {
    expect(assessExtension(n23({ force_majeure_area_km2: 10 })).reduction_km2).toBe(31.9684);
    const r = assessExtension(n23({ force_majeure_area_km2: 100 }));
    expect(r.reduction_km2).toBe(0);
    expect(r.steps.find((s) => s.rule === 'R-N23-FM')!.citation).toBe('自然资规〔2023〕4号 一（一）5');
  });
  it('deep/upper → 0', () => {
    expect(assessExtension(n23({ deep_or_upper_of_own_mining_right: true })).reduction_km2).toBe(0);
  });
});

describe('properties', () => {
  const area = fc.double({ min: 0, max: 5000, noNaN: true });
  const u = fc.double({ min: 0, max: 1, noNaN: true });
  const regime = fc.constantFrom('shanxi-cbm-2020' as const, 'national-2019' as const, 'national-2023' as const);
  const input = fc
    .record({
      regime,
      licensed: area,
      provenShare: fc.double({ min: 0, max: 1, noNaN: true }),
      firstExtra: fc.option(area, { nil: undefined }),
      u,
      fm: fc.option(area, { nil: undefined }),
      method: fc.option(fc.constantFrom('listing' as const, 'coal_addition' as const, 'administrative' as const, 'agreement' as const), {
        nil: undefined,
      }),
      completion: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
      contractCut: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
      baseReading: fc.option(fc.constantFrom('licensed' as const, 'first_registration' as const), { nil: undefined }),
      flags: fc.record({
        signed: fc.boolean(),
        committed_investment_completed: fc.boolean(),
        income_paid: fc.boolean(),
        exemption_reading: fc.constantFrom('and' as const, 'or' as const),
      }),
      deep: fc.boolean(),
      used: fc.integer({ min: 0, max: 3 }),
    })
    .map(
      ({
        regime,
        licensed,
        provenShare,
        firstExtra,
        u,
        fm,
        method,
        completion,
        contractCut,
        baseReading,
        flags,
        deep,
        used,
      }): ExtensionInput => ({
        regime,
        licensed_area_km2: licensed,
        first_registration_area_km2: firstExtra === undefined ? undefined : licensed + firstExtra,
        proven_reserve_area_km2: licensed * provenShare,
        unfinished_ratio: u,
        force_majeure_area_km2: fm === undefined ? undefined : Math.min(fm, licensed),
        acquisition_method: method,
        contract: { ...flags, committed_completion_ratio: completion, contract_reduction_ratio: contractCut, base_reading: baseReading },
        deep_or_upper_of_own_mining_right: deep,
        extensions_used: used,
      }),
    );

  it('reduction is never negative and never above the base or the licensed area', () => {
    fc.assert(
      fc.property(input, (i) => {
        const r = assessExtension(i);
        expect(r.reduction_km2).toBeGreaterThanOrEqual(0);
        expect(r.reduction_km2).toBeLessThanOrEqual(r.base_km2 + 1e-6);
        expect(r.reduction_km2).toBeLessThanOrEqual(i.licensed_area_km2 + 1e-6);
        expect(r.remaining_km2).toBeGreaterThanOrEqual(-1e-6);
      }),
      { numRuns: 2000 },
    );
  });

  it('reduction never falls as the shortfall rises (within the extend region)', () => {
    fc.assert(
      fc.property(input, u, (i, u2) => {
        const [lo, hi] = i.unfinished_ratio <= u2 ? [i.unfinished_ratio, u2] : [u2, i.unfinished_ratio];
        const a = assessExtension({ ...i, unfinished_ratio: lo });
        const b = assessExtension({ ...i, unfinished_ratio: hi });
        if (b.decision === 'extend') {
          expect(a.decision).toBe('extend');
          expect(b.reduction_km2).toBeGreaterThanOrEqual(a.reduction_km2);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('shanxi: refusal exactly when u > 50%', () => {
    fc.assert(
      fc.property(area, u, (licensed, uu) => {
        const r = assessExtension({
          regime: 'shanxi-cbm-2020',
          licensed_area_km2: licensed,
          proven_reserve_area_km2: 0,
          unfinished_ratio: uu,
        });
        expect(r.decision).toBe(uu > 0.5 + 1e-9 ? 'refuse' : 'extend');
      }),
    );
  });
});

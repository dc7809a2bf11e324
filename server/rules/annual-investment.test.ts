import { describe, expect, it } from 'vitest';
import {
  annualMinimum,
  breakdownTotals,
  checkAnnualInvestment,
  investmentReasons,
  reportDeadline,
  type YearStanding,
} from './annual-investment';

describe('annualMinimum: the minimum of one calendar year (273号令 第十六条, 000:L3372-3382)', () => {
  it('沁源 2019 (000:L7088-7090): 2977.609 km² × 10,000 CNY (old standard, before 2020-05-01) = 29,776,090 CNY', () => {
    const m = annualMinimum({ year: 2019, first_registration_date: '2001-03-01', area_km2: 2977.609 });
    expect(m.minimum_cny).toBe(29_776_090);
    expect(m.steps.at(-1)).toMatchObject({ rule: 'R-INV-1', citation: '273号令 第十六条', value: 29_776_090 });
  });

  it('a tier boundary inside the year: first registered 2010-07-01, 100 km², 2025 → 100 × (80,000 × 6/12 + 100,000 × 6/12)', () => {
    const m = annualMinimum({ year: 2025, first_registration_date: '2010-07-01', area_km2: 100 });
    expect(m.rows.map((r) => [r.exploration_year, r.new_rate_cny_per_km2_year])).toEqual([
      [15, 80_000],
      [16, 100_000],
    ]);
    expect(m.minimum_cny).toBe(9_000_000);
  });

  it('years 1–5: 30,000; 6–10: 50,000 per km² (whole years after 2020-05-01)', () => {
    expect(annualMinimum({ year: 2022, first_registration_date: '2021-01-01', area_km2: 10 }).minimum_cny).toBe(300_000);
    expect(annualMinimum({ year: 2027, first_registration_date: '2021-01-01', area_km2: 10 }).minimum_cny).toBe(500_000);
  });

  it('the contract standard replaces the tiers (R-INV-2): 榆社-武乡 2019, 246.592 km² × 30,000 from 2019-06-13 (7 months rounded)', () => {
    const m = annualMinimum({
      year: 2019,
      first_registration_date: '2019-06-13',
      area_km2: 246.592,
      contract_rate_cny_per_km2_year: 30_000,
    });
    expect(m.minimum_cny).toBe(4_315_360);
    expect(m.steps.at(-1)!.rule).toBe('R-INV-2');
  });

  it('a right ending within the year owes only its months; a right first registered after the year owes nothing', () => {
    expect(annualMinimum({ year: 2025, first_registration_date: '2021-01-01', area_km2: 12, valid_to: '2025-07-01' }).minimum_cny).toBe(
      12 * 30_000 * 0.5, // year 5 of a right first registered 2021-01-01
    );
    expect(annualMinimum({ year: 2019, first_registration_date: '2021-01-01', area_km2: 12 }).minimum_cny).toBe(0);
  });
});

describe('checkAnnualInvestment (R-INV-1, R-INV-5)', () => {
  it('沁源 2019 fails: 5,454,800 < 29,776,090, u = 81.6806%; physical work 42.87% < 85%', () => {
    const b = breakdownTotals({ drilling: 1_978_800, trial_production: 359_600, management: 2_006_000, other: 1_110_400 });
    expect(b.total_cny).toBe(5_454_800);
    expect(b.physical_and_research_cny).toBe(2_338_400);
    const c = checkAnnualInvestment({
      year: 2019,
      minimum_cny: 29_776_090,
      reported_cny: b.total_cny,
      physical_and_research_cny: b.physical_and_research_cny,
    });
    expect(c.meets_minimum).toBe(false);
    expect(c.shortfall_cny).toBe(24_321_290);
    expect(c.shortfall_ratio).toBeCloseTo(0.816806, 6);
    expect(c.composition).toEqual({ ok: false, share: 0.428687 });
    expect(c.warnings[0].code).toBe('COMPOSITION_LOW');
  });

  it('寿阳北 2019 passes (000:L7112-7116): 10,516,700 ≥ 2,687,520; 试采 + 综合研究 = 89.13%', () => {
    const b = breakdownTotals({ trial_production: 2_731_100, research: 6_642_500, other: 1_143_100 });
    const c = checkAnnualInvestment({
      year: 2019,
      minimum_cny: 2_687_520,
      reported_cny: b.total_cny,
      physical_and_research_cny: b.physical_and_research_cny,
    });
    expect(c.meets_minimum).toBe(true);
    expect(c.shortfall_ratio).toBe(0);
    expect(c.composition!.ok).toBe(true);
  });

  it('exactly the minimum meets it; nothing required → u = 0', () => {
    expect(checkAnnualInvestment({ year: 2025, minimum_cny: 100, reported_cny: 100 }).meets_minimum).toBe(true);
    expect(checkAnnualInvestment({ year: 2025, minimum_cny: 0, reported_cny: 0 }).shortfall_ratio).toBe(0);
  });

  it('rejects unknown items and negative amounts', () => {
    expect(() => breakdownTotals({ drilling: -1 })).toThrow(RangeError);
    expect(() => breakdownTotals({ bribes: 1 } as never)).toThrow(RangeError);
  });
});

describe('reportDeadline', () => {
  it('year Y is due by 31 March of Y + 1 unless another date is given', () => {
    expect(reportDeadline(2025).deadline).toBe('2026-03-31');
    expect(reportDeadline(2025, '06-30').deadline).toBe('2026-06-30');
    expect(() => reportDeadline(2025, '3-31')).toThrow(RangeError);
  });
});

describe('investmentReasons (273号令 第四十三、四十四条)', () => {
  const base: YearStanding = {
    block_id: 'b',
    block_name: '甲区块',
    year: 2025,
    reported_cny: 100,
    minimum_cny: 400,
    first_filed_on: '2026-03-01',
    deadline: '2026-03-31',
    on: '2026-12-02',
  };
  it('below the minimum: the regulator form names the figures, the published form does not', () => {
    const [r] = investmentReasons(base);
    expect(r.code).toBe('INVESTMENT_BELOW_MINIMUM');
    expect(r.params).toMatchObject({ reported: '100', minimum: '400', shortfall: '75%' });
    expect(r.message_zh).toContain('未达到法定最低勘查投入');
    expect(r.citations.map((c) => c.doc)).toContain('273号令 第四十四条');
    const [pub] = investmentReasons(base, { figures: false });
    expect(pub.params).toEqual({ block: '甲区块', year: 2025 });
    expect(pub.message).not.toMatch(/\d{3} CNY/);
  });
  it('not filed: a reason only after the deadline', () => {
    expect(investmentReasons({ ...base, reported_cny: null, on: '2026-03-31' })).toEqual([]);
    const [r] = investmentReasons({ ...base, reported_cny: null });
    expect(r.code).toBe('INVESTMENT_NOT_REPORTED');
    expect(r.citations.map((c) => c.doc)).toContain('273号令 第四十三条');
  });
  it('filed late and meeting the minimum: late only; on time and meeting: no reason', () => {
    expect(investmentReasons({ ...base, reported_cny: 500, first_filed_on: '2026-04-02' }).map((r) => r.code)).toEqual([
      'INVESTMENT_REPORTED_LATE',
    ]);
    expect(investmentReasons({ ...base, reported_cny: 500 })).toEqual([]);
    expect(investmentReasons({ ...base, reported_cny: 500, first_filed_on: null })).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkInvestmentComposition, minimumInvestmentRate, minimumInvestmentSchedule, unfinishedRatio } from './investment';

describe('R-INV-1 tiers (273号令 第十六条)', () => {
  it.each([
    [1, 30_000],
    [5, 30_000],
    [6, 50_000],
    [10, 50_000],
    [11, 80_000],
    [15, 80_000],
    [16, 100_000],
    [30, 100_000],
  ])('year %i → %i CNY/km²/yr', (year, rate) => {
    const r = minimumInvestmentRate(year);
    expect(r.cny_per_km2_year).toBe(rate);
    expect(r.steps[0].citation).toBe('273号令 第十六条');
  });
  it('rejects year 0', () => expect(() => minimumInvestmentRate(0)).toThrow(RangeError));
});

describe('minimumInvestmentSchedule (R-INV-1, R-INV-4)', () => {
  it('246.592 km² in years 1–5 → 739.776万/yr (000-part-b §5.4)', () => {
    const s = minimumInvestmentSchedule({ first_registration_date: '2020-06-13', area_km2: 246.592, from: '2020-06-13', to: '2021-06-13' });
    expect(s.rows).toHaveLength(1);
    expect(s.total_cny).toBe(7_397_760);
  });

  it('a full 5-year term after 2020-05-01 crosses the tier boundary at year 6', () => {
    const s = minimumInvestmentSchedule({ first_registration_date: '2016-01-01', area_km2: 100, from: '2021-01-01', to: '2026-01-01' });
    expect(s.rows.map((r) => r.exploration_year)).toEqual([6, 7, 8, 9, 10]);
    expect(s.total_cny).toBe(5 * 100 * 50_000);
  });

  it('splits an exploration year at 2020-05-01, pro rata by month', () => {
    const s = minimumInvestmentSchedule({ first_registration_date: '2019-11-01', area_km2: 100, from: '2019-11-01', to: '2020-11-01' });
    expect(s.rows).toHaveLength(1);
    const [r] = s.rows;
    expect(r.months_old_standard).toBe(6);
    expect(r.months_new_standard).toBe(6);
    expect(r.amount_cny).toBe(100 * 10_000 * 0.5 + 100 * 30_000 * 0.5);
    expect(s.steps[0].rule).toBe('R-INV-4');
    expect(s.steps[0].citation).toBe('晋自然资发〔2020〕11号 三');
  });

  it('legacy block (first registered 1999) is in year 16+ after 2020-05-01', () => {
    const s = minimumInvestmentSchedule({ first_registration_date: '1999-03-16', area_km2: 268.752, from: '2018-12-16', to: '2020-12-15' });
    const last = s.rows.at(-1)!;
    expect(last.exploration_year).toBe(22);
    expect(last.new_rate_cny_per_km2_year).toBe(100_000);
    // 2018-12-16..2019-03-16: 3 months old; 2019-03-16..2020-03-16: 12 old; 2020-03-16..2020-12-15: ≈1.5 old + ≈7.5 new
    expect(s.rows.map((r) => r.months_old_standard + r.months_new_standard)).toEqual([3, 12, 9]);
    expect(s.total_cny).toBe(s.rows.reduce((a, r) => a + r.amount_cny, 0));
  });

  it('fractional months option keeps exact proportions', () => {
    const s = minimumInvestmentSchedule({
      first_registration_date: '2020-05-01',
      area_km2: 12,
      from: '2020-05-01',
      to: '2020-05-16',
      month_rounding: 'fractional',
    });
    expect(s.rows[0].months_new_standard).toBeCloseTo(15 / 31, 4);
  });

  it('total is monotone in the period end', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3000 }), fc.integer({ min: 0, max: 3000 }), (d1, d2) => {
        const day = (n: number) => new Date(Date.UTC(2015, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
        const a = minimumInvestmentSchedule({
          first_registration_date: '2015-01-01',
          area_km2: 10,
          from: '2015-01-01',
          to: day(d1),
          month_rounding: 'fractional',
        });
        const b = minimumInvestmentSchedule({
          first_registration_date: '2015-01-01',
          area_km2: 10,
          from: '2015-01-01',
          to: day(d1 + d2),
          month_rounding: 'fractional',
        });
        expect(b.total_cny).toBeGreaterThanOrEqual(a.total_cny - 0.01);
      }),
      { numRuns: 100 },
    );
  });
});

describe('unfinishedRatio', () => {
  it('computes u and clamps', () => {
    expect(unfinishedRatio(1000, 750).unfinished_ratio).toBe(0.25);
    expect(unfinishedRatio(1000, 2000).unfinished_ratio).toBe(0);
    expect(unfinishedRatio(0, 0).unfinished_ratio).toBe(0);
    expect(unfinishedRatio(1000, 0).unfinished_ratio).toBe(1);
  });
  it('COVID reduction lowers the requirement first (R-COVID-3)', () => {
    const r = unfinishedRatio(1000, 600, { covid_reduction_cny: 200 });
    expect(r.required_cny).toBe(800);
    expect(r.unfinished_ratio).toBe(0.25);
    expect(r.steps[0].rule).toBe('R-COVID-3');
  });
});

describe('R-INV-5 composition ≥ 85%', () => {
  it('flags a low share', () => {
    expect(checkInvestmentComposition({ total_cny: 100, physical_and_research_cny: 85 }).ok).toBe(true);
    const r = checkInvestmentComposition({ total_cny: 100, physical_and_research_cny: 84.9 });
    expect(r.ok).toBe(false);
    expect(r.warnings[0].message).toMatch(/85%/);
  });
});

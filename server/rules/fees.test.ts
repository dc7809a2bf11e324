import { describe, expect, it } from 'vitest';
import { explorationUsageFee, miningUsageFee, protectedAreaRefund, transferIncome } from './fees';

describe('R-FEE-1 exploration usage fee', () => {
  it.each([
    [1, 0],
    [5, 0],
    [6, 100],
    [7, 200],
    [8, 300],
    [9, 400],
    [10, 500],
    [11, 500],
    [25, 500],
  ])('year %i → %i CNY/km²', (year, rate) => {
    expect(explorationUsageFee({ exploration_year: year, area_km2: 1 }).cny_per_km2).toBe(rate);
  });
  it('246.592 km² in year 8 → 73,977.6 CNY (000-part-b §5.4)', () => {
    const r = explorationUsageFee({ exploration_year: 8, area_km2: 246.592 });
    expect(r.amount_cny).toBe(73_977.6);
    expect(r.steps[0].citation).toBe('273号令 第三十三条');
  });
});

describe('R-FEE-2 mining usage fee', () => {
  it('82.144 km² → 82,144 CNY/yr', () => {
    expect(miningUsageFee({ area_km2: 82.144 }).amount_cny).toBe(82_144);
    expect(miningUsageFee({ area_km2: 82.144, years: 2 }).amount_cny).toBe(164_288);
  });
});

describe('R-INC-3 transfer income', () => {
  it('0.3% of sales; 0.1% for goaf gas', () => {
    expect(transferIncome({ annual_sales_cny: 100_000_000 }).amount_cny).toBe(300_000);
    expect(transferIncome({ annual_sales_cny: 100_000_000, goaf: true }).amount_cny).toBe(100_000);
  });
});

describe('R-INC-8 protected-area refund', () => {
  it('paid × occupied / block', () => {
    const r = protectedAreaRefund({ paid_income_cny: 1_000_000, occupied_area_km2: 25, block_area_km2: 100 });
    expect(r.refund_cny).toBe(250_000);
    expect(r.steps[0].formula).toBe('1000000 × 25 / 100 = 250000');
  });
  it('caps the occupied area at the block', () => {
    const r = protectedAreaRefund({ paid_income_cny: 1000, occupied_area_km2: 200, block_area_km2: 100 });
    expect(r.refund_cny).toBe(1000);
    expect(r.warnings).toHaveLength(1);
  });
});

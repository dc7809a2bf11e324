import { describe, expect, it } from 'vitest';
import { assessStoredBlock, investedWithin, type StoredBlock } from './stored-block';
import { applyOffset, EMPTY_LEDGER } from '../rules';

const block: StoredBlock = {
  id: 'b1',
  name: '寿阳北 (test)',
  holder: 'H',
  kind: 'exploration',
  mineral: 'cbm',
  status: 'valid',
  acquisition_method: 'tender',
  first_registration_date: '2016-01-01',
  first_registration_area_km2: 268.752,
  valid_from: '2021-01-01',
  valid_to: '2026-01-01',
  extensions_used: 0,
  province_registered: true,
  area_km2: 268.752,
  proven_km2: 58.91,
  proven_submitted_date: null,
};

describe('investedWithin', () => {
  it('weights each calendar year by its share inside the term', () => {
    const r = investedWithin(
      [
        { year: 2020, amount_cny: 1000 },
        { year: 2021, amount_cny: 2000 },
        { year: 2022, amount_cny: 365 },
      ],
      '2021-01-01',
      '2022-07-02',
    );
    // 2021 whole, 2022 from Jan 1 to Jul 2 exclusive = 182 days of 365
    expect(r.amount_cny).toBeCloseTo(2000 + 365 * (182 / 365), 6);
    expect(r.step.rule).toBe('R-INV-1');
  });
});

describe('assessStoredBlock', () => {
  it('derives the inputs from the register: areas, shortfall and regime, each as a step', () => {
    // invest exactly the minimum: years 6-10 at 50,000 CNY/km²/yr over 268.752 km²
    const inv = [2021, 2022, 2023, 2024, 2025].map((year) => ({ year, amount_cny: 50_000 * 268.752 }));
    const r = assessStoredBlock(block, inv, EMPTY_LEDGER, '2025-06-01');
    expect(r.inputs.regime).toBe('shanxi-cbm-2020');
    expect(r.inputs.unfinished_ratio).toBeCloseTo(0, 6);
    expect(r.assessment!.reduction_km2).toBeCloseTo(52.4605, 4);
    expect(r.derived_steps.map((s) => s.rule)).toEqual(expect.arrayContaining(['GEOM', 'R-INV-1', 'R-RED-4']));
    expect(r.fees!.exploration_year).toBe(10);
  });
  it('computes a given-away block on its pre-offset area (R-RED-10)', () => {
    const ledger = applyOffset(EMPTY_LEDGER, { from_block: 'b1', to_block: 'a', area_km2: 20, date: '2024-01-01' }).ledger;
    const r = assessStoredBlock({ ...block, area_km2: 248.752 }, [], ledger, '2025-06-01');
    expect(r.inputs.licensed_area_km2).toBeCloseTo(268.752, 6);
    expect(r.derived_steps.some((s) => s.rule === 'R-RED-10')).toBe(true);
  });
  it('gives mining rights deadlines only, and explains missing dates', () => {
    const m = assessStoredBlock({ ...block, kind: 'mining' }, [], EMPTY_LEDGER, '2025-06-01');
    expect(m.assessment).toBeNull();
    expect(m.deadlines!.expiry.date).toBe('2026-01-01');
    const none = assessStoredBlock({ ...block, valid_to: null }, [], EMPTY_LEDGER, '2025-06-01');
    expect(none.warnings[0]).toMatch(/no validity dates/);
  });
});

describe('feeSchedule', () => {
  it('charges nothing in years 1–5, then 100 more each year capped at 500 CNY/km² (R-FEE-1)', async () => {
    const { feeSchedule } = await import('./stored-block');
    const f = feeSchedule(10, 12);
    expect(f.rows.map((r) => r.amount_cny)).toEqual([0, 0, 0, 0, 0, 1000, 2000, 3000, 4000, 5000, 5000, 5000]);
    expect(f.total_to_date_cny).toBe(25000);
    expect(f.usage_fee_cny).toBe(5000);
  });
});

describe('requiredFromAssessment', () => {
  it('takes the assessed reduction with its steps as basis, and refuses when there is none', async () => {
    const { requiredFromAssessment } = await import('./stored-block');
    const inv = [2021, 2022, 2023, 2024, 2025].map((year) => ({ year, amount_cny: 50_000 * 268.752 }));
    const r = requiredFromAssessment(assessStoredBlock(block, inv, EMPTY_LEDGER, '2025-06-01'));
    expect(r.required_km2).toBeCloseTo(52.4605, 4);
    expect(r.basis.steps.length).toBeGreaterThan(0);
    expect(() => requiredFromAssessment(assessStoredBlock({ ...block, kind: 'mining' }, [], EMPTY_LEDGER, '2025-06-01'))).toThrow(
      /no extension assessment/,
    );
  });
});

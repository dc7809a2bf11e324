import { describe, expect, it } from 'vitest';
import { lateFee, obligationBalance, obligationSchedule, type ScheduleInput } from './payments';
import { yuan } from './money';

const Y = (s: string) => Math.round(Number(s) * 100);

describe('R-LATE-1 late fee: 0.2 % a day from the day after the due date, capped at the principal (001:L20901–L20905)', () => {
  it('paid in full 10 days late: 100,000.00 × 0.2 % × 10 = 2,000.00', () => {
    const r = lateFee({
      principal_fen: Y('100000'),
      due_date: '2025-03-30',
      payments: [{ paid_on: '2025-04-09', amount_fen: Y('100000') }],
      on: '2025-06-01',
    });
    expect(r.days_late).toBe(10);
    expect(yuan(r.late_fee_fen)).toBe('2000.00');
    expect(r.unpaid_fen).toBe(0);
    expect(r.steps[0].formula).toBe('100000.00 × 0.2% × 10 = 2000.00 CNY');
    expect(r.steps[0].citation).toBe('财综〔2023〕10号 第三十三条');
  });

  it('paid on the due date itself: no late fee; the day after: one day', () => {
    const on = lateFee({
      principal_fen: Y('5000'),
      due_date: '2025-03-30',
      payments: [{ paid_on: '2025-03-30', amount_fen: Y('5000') }],
      on: '2025-12-31',
    });
    expect(on.late_fee_fen).toBe(0);
    expect(on.steps).toEqual([]);
    const next = lateFee({
      principal_fen: Y('5000'),
      due_date: '2025-03-30',
      payments: [{ paid_on: '2025-03-31', amount_fen: Y('5000') }],
      on: '2025-12-31',
    });
    expect(next.days_late).toBe(1);
    expect(yuan(next.late_fee_fen)).toBe('10.00');
  });

  it('partial payment on time: the fee runs on the rest only (60,000.00 × 0.2 % × 20 = 2,400.00)', () => {
    const r = lateFee({
      principal_fen: Y('100000'),
      due_date: '2025-03-30',
      payments: [
        { paid_on: '2025-03-30', amount_fen: Y('40000') },
        { paid_on: '2025-04-19', amount_fen: Y('60000') },
      ],
      on: '2025-06-01',
    });
    expect(r.arrears_fen).toBe(Y('60000'));
    expect(r.days_late).toBe(20);
    expect(yuan(r.late_fee_fen)).toBe('2400.00');
  });

  it('partial payments after the due date: each stretch on what was unpaid (60,000 × 10 + 30,000 × 10 days → 1,800.00)', () => {
    const r = lateFee({
      principal_fen: Y('60000'),
      due_date: '2025-03-30',
      payments: [
        { paid_on: '2025-04-09', amount_fen: Y('30000') },
        { paid_on: '2025-04-19', amount_fen: Y('30000') },
      ],
      on: '2025-06-01',
    });
    expect(r.segments).toEqual([
      { from: '2025-03-31', to: '2025-04-09', days: 10, unpaid_fen: Y('60000') },
      { from: '2025-04-10', to: '2025-04-19', days: 10, unpaid_fen: Y('30000') },
    ]);
    expect(yuan(r.late_fee_fen)).toBe('1800.00');
    expect(r.steps[0].formula).toBe('60000.00 × 0.2% × 10 + 30000.00 × 0.2% × 10 = 1800.00 CNY');
  });

  it('still unpaid as at a date: days through that date', () => {
    const r = lateFee({ principal_fen: Y('30924.90'), due_date: '2025-12-29', payments: [], on: '2026-01-28' });
    expect(r.days_late).toBe(30);
    // 3,092,490 分 × 2 × 30 / 1000 = 185,549.4 分 → 185,549 分
    expect(yuan(r.late_fee_fen)).toBe('1855.49');
    expect(r.unpaid_fen).toBe(Y('30924.90'));
  });

  it('cap reached: 10,000.00 unpaid for 517 days accrues 10,340.00, owed 10,000.00', () => {
    const r = lateFee({ principal_fen: Y('10000'), due_date: '2024-01-01', payments: [], on: '2025-06-01' });
    expect(r.days_late).toBe(517);
    expect(yuan(r.accrued_fen)).toBe('10340.00');
    expect(yuan(r.late_fee_fen)).toBe('10000.00');
    expect(r.capped).toBe(true);
    expect(r.steps[1].formula).toBe('10340.00 > 10000.00 → 10000.00 CNY');
  });

  it('the cap is the arrears at the due date, not what is left after later partial payments', () => {
    const r = lateFee({
      principal_fen: Y('1000'),
      due_date: '2023-01-01',
      payments: [{ paid_on: '2023-03-01', amount_fen: Y('900') }],
      on: '2026-01-01',
    });
    expect(r.unpaid_fen).toBe(Y('100'));
    // 1,000 × 0.2 % × 59 + 100 × 0.2 % × 1,037 = 118.00 + 207.40 = 325.40: above the 100.00 still unpaid, below the 1,000.00 cap
    expect(yuan(r.late_fee_fen)).toBe('325.40');
    expect(r.capped).toBe(false);
  });

  it('payments after the as-at date are not counted; exact 分 (no float drift)', () => {
    const r = lateFee({ principal_fen: 1, due_date: '2025-01-01', payments: [{ paid_on: '2025-12-01', amount_fen: 1 }], on: '2025-01-02' });
    expect(r.unpaid_fen).toBe(1);
    expect(r.late_fee_fen).toBe(0); // 0.002 分 rounds to 0
    const big = lateFee({ principal_fen: Y('987654321.09'), due_date: '2025-01-01', payments: [], on: '2025-01-04' });
    // 98,765,432,109 × 2 × 3 / 1000 = 592,592,592.654 → 592,592,593 分
    expect(yuan(big.late_fee_fen)).toBe('5925925.93');
  });
});

const listing: ScheduleInput = {
  kind: 'exploration',
  mineral: 'cbm',
  acquisition_method: 'listing',
  first_registration_date: '2017-12-29',
  valid_from: '2022-12-29',
  valid_to: '2027-12-28',
  area_km2: 309.249,
  terms: { income_total_fen: Y('12345678.90'), income_first_ratio: 0.2, income_first_due: '2018-01-28' },
};

describe('obligation schedule of a Shanxi CBM right (273号令 第三十二、三十三条)', () => {
  it('exploration: years 1–5 free, year 6 100 CNY/km², +100 a year, at most 500 (000:L3464); due on the licence day (000:L4312)', () => {
    const s = obligationSchedule(listing);
    const fees = s.obligations.filter((o) => o.kind === 'exploration_usage_fee');
    expect(fees.map((o) => [o.key, o.due_date, yuan(o.amount_fen)])).toEqual([
      ['expl-fee-6', '2022-12-29', '30924.90'],
      ['expl-fee-7', '2023-12-29', '61849.80'],
      ['expl-fee-8', '2024-12-29', '92774.70'],
      ['expl-fee-9', '2025-12-29', '123699.60'],
      ['expl-fee-10', '2026-12-29', '154624.50'],
    ]);
    expect(fees[0].period_to).toBe('2023-12-28');
    expect(fees[0].source).toBe('000:L3464; 000:L4312');
    expect(s.notes.map((n) => n.code)).toEqual(['FEES_FREE', 'AREA_CURRENT', 'DUE_ANNIVERSARY']);
  });

  it('listing: first instalment 20 % (000:L3456), the rest pending until 转采 on an exploration right', () => {
    const s = obligationSchedule(listing);
    const inc = s.obligations.filter((o) => o.kind === 'transfer_income');
    expect(inc.map((o) => [o.key, o.due_date, yuan(o.amount_fen)])).toEqual([
      ['income-1', '2018-01-28', '2469135.78'],
      ['income-rest', null, '9876543.12'],
    ]);
    expect(inc[0].steps[0].formula).toBe('12345678.90 × 20% = 2469135.78 CNY');
    expect(s.warnings).toEqual([]);
  });

  it('a first instalment below 20 % on a listing is flagged', () => {
    const s = obligationSchedule({ ...listing, terms: { ...listing.terms, income_first_ratio: 0.1 } });
    expect(s.warnings.map((w) => w.code)).toEqual(['FIRST_BELOW_MIN']);
  });

  it('the contract’s dated instalments, checked against the rest', () => {
    const s = obligationSchedule({
      ...listing,
      terms: {
        income_total_fen: Y('1000000'),
        income_first_due: '2022-01-31',
        income_instalments: [
          { due_date: '2024-03-30', amount_fen: Y('400000') },
          { due_date: '2023-03-30', amount_fen: Y('400000') },
        ],
      },
    });
    const inc = s.obligations.filter((o) => o.kind === 'transfer_income');
    expect(inc.map((o) => [o.key, o.due_date, yuan(o.amount_fen)])).toEqual([
      ['income-1', '2022-01-31', '200000.00'],
      ['income-2', '2023-03-30', '400000.00'],
      ['income-3', '2024-03-30', '400000.00'],
    ]);
    const off = obligationSchedule({
      ...listing,
      terms: {
        income_total_fen: Y('1000000'),
        income_first_due: '2022-01-31',
        income_instalments: [{ due_date: '2023-03-30', amount_fen: 1 }],
      },
    });
    expect(off.warnings.map((w) => w.code)).toEqual(['INSTALMENTS_SUM']);
  });

  it('mining right: 1,000 CNY/km² a year (000:L3466) from 2020-05-01; the rest of the income annually over the term, 分 exact', () => {
    const s = obligationSchedule({
      kind: 'mining',
      mineral: 'cbm',
      acquisition_method: 'listing',
      first_registration_date: '2019-06-01',
      valid_from: '2019-06-01',
      valid_to: '2024-05-31',
      area_km2: 82.144,
      terms: { income_total_fen: Y('100000.01'), income_first_due: '2019-07-01', usage_fee_due_md: '03-30' },
    });
    const fees = s.obligations.filter((o) => o.kind === 'mining_usage_fee');
    expect(fees.map((o) => [o.key, o.due_date, yuan(o.amount_fen)])).toEqual([
      ['mining-fee-2020-06-01', '2020-03-30', '82144.00'],
      ['mining-fee-2021-06-01', '2021-03-30', '82144.00'],
      ['mining-fee-2022-06-01', '2022-03-30', '82144.00'],
      ['mining-fee-2023-06-01', '2023-03-30', '82144.00'],
    ]);
    expect(s.notes.map((n) => n.code)).toContain('BEFORE_273');
    const inc = s.obligations.filter((o) => o.kind === 'transfer_income');
    expect(inc.map((o) => yuan(o.amount_fen))).toEqual(['20000.00', '16000.01', '16000.00', '16000.00', '16000.00', '16000.00']);
    expect(inc.reduce((a, o) => a + o.amount_fen, 0)).toBe(Y('100000.01'));
    expect(inc[1].due_date).toBe('2019-06-01');
  });

  it('not Shanxi CBM: nothing scheduled, and it says so', () => {
    const s = obligationSchedule({ ...listing, mineral: 'coal' });
    expect(s.obligations).toEqual([]);
    expect(s.notes[0].code).toBe('NOT_273');
  });
});

describe('an obligation’s balance on a date', () => {
  const o = { kind: 'exploration_usage_fee' as const, amount_fen: Y('1000'), due_date: '2025-12-29' };
  it('due, then overdue with its late fee, then paid with the late fee still owed until paid', () => {
    expect(obligationBalance(o, [], '2025-12-29').status).toBe('due');
    const late = obligationBalance(o, [], '2026-01-08');
    expect([late.status, yuan(late.outstanding_fen), yuan(late.late.late_fee_fen)]).toEqual(['overdue', '1000.00', '20.00']);
    expect(late.late.readings.map((r) => r.code)).toEqual(['LATE_DAY_COUNT', 'LATE_CAP_READING', 'LATE_USAGE_FEE']);
    const pays = [
      { part: 'principal' as const, paid_on: '2026-01-08', amount_fen: Y('1000') },
      { part: 'late_fee' as const, paid_on: '2026-02-01', amount_fen: Y('15') },
    ];
    const paid = obligationBalance(o, pays, '2026-01-31');
    expect([paid.status, yuan(paid.late_fee_outstanding_fen)]).toEqual(['paid', '20.00']);
    expect(yuan(obligationBalance(o, pays, '2026-02-01').late_fee_outstanding_fen)).toBe('5.00');
  });
  it('no due date: pending, no late fee', () => {
    const b = obligationBalance({ ...o, kind: 'transfer_income', due_date: null }, [], '2030-01-01');
    expect([b.status, b.late.late_fee_fen]).toEqual(['pending', 0]);
  });
});

import { describe, expect, it } from 'vitest';
import { blockDeadlines, daysUntil, isLegacyOver15Years } from './deadlines';

const base = {
  kind: 'exploration' as const,
  valid_from: '2017-12-29',
  valid_to: '2021-03-28',
  first_registration_date: '2017-12-29',
  extensions_used: 0,
  regime: 'shanxi-cbm-2020' as const,
};

describe('blockDeadlines', () => {
  it('expiry and 30-day extension window (R-VAL-2)', () => {
    const d = blockDeadlines(base, '2021-01-01');
    expect(d.expiry.date).toBe('2021-03-28');
    expect(d.expiry.days_left).toBe(86);
    expect(d.extension_application_deadline!.date).toBe('2021-02-26');
    expect(d.extension_application_deadline!.days_left).toBe(56);
    expect(d.extension_application_deadline!.citation).toBe('273号令 第十五条');
    expect(d.extensions_left).toBe(2);
  });
  it('window passed → warning', () => {
    const d = blockDeadlines(base, '2021-03-01');
    expect(d.extension_application_deadline!.passed).toBe(true);
    expect(d.warnings.map((w) => w.message).join(' ')).toMatch(/lapse/);
  });
  it('no extensions left after two', () => {
    const d = blockDeadlines({ ...base, extensions_used: 2 }, '2021-01-01');
    expect(d.extensions_left).toBe(0);
    expect(d.extension_application_deadline).toBeNull();
  });
  it('legacy > 15 years (R-VAL-4): one extension unless proven', () => {
    expect(isLegacyOver15Years('1999-03-16')).toBe(true);
    expect(isLegacyOver15Years('2005-05-01')).toBe(false);
    expect(isLegacyOver15Years('2005-04-30')).toBe(true);
    const d = blockDeadlines({ ...base, first_registration_date: '1999-03-16' }, '2021-01-01');
    expect(d.extensions_allowed).toBe(1);
    expect(
      blockDeadlines({ ...base, first_registration_date: '1999-03-16', proven_reserves_submitted_date: '2021-01-01' }, '2021-01-01')
        .extensions_allowed,
    ).toBe(2);
  });
  it('proven reserves → mining within 3 years (R-VAL-6)', () => {
    const d = blockDeadlines({ ...base, proven_reserves_submitted_date: '2020-11-04' }, '2021-01-01');
    expect(d.proven_to_mining_deadline!.date).toBe('2023-11-04');
    expect(d.proven_to_mining_deadline!.citation).toBe('273号令 第二十一条');
  });
  it('proven before 2020-05-01 → by 2023-04-30 (晋自然资发〔2020〕11号 五)', () => {
    const d = blockDeadlines({ ...base, proven_reserves_submitted_date: '2015-06-01' }, '2021-01-01');
    expect(d.proven_to_mining_deadline!.date).toBe('2023-04-30');
  });
  it('report-then-produce → 5 years; earliest mining deadline wins', () => {
    const d = blockDeadlines(
      { ...base, report_then_produce_date: '2020-05-20', proven_reserves_submitted_date: '2020-06-01' },
      '2021-01-01',
    );
    expect(d.report_then_produce_mining_deadline!.date).toBe('2025-05-20');
    expect(d.report_then_produce_mining_deadline!.citation).toBe('273号令 第十八条');
    expect(d.mining_registration_deadline!.date).toBe('2023-06-01');
  });
  it('mining right: 30 days before expiry, no count limit', () => {
    const d = blockDeadlines(
      {
        kind: 'mining',
        valid_from: '2008-07-11',
        valid_to: '2028-07-11',
        first_registration_date: '2008-07-11',
        extensions_used: 3,
        regime: 'shanxi-cbm-2020',
      },
      '2026-01-01',
    );
    expect(d.extensions_left).toBeNull();
    expect(d.extension_application_deadline!.date).toBe('2028-06-11');
  });
  it('national regimes: 5-year 探采合一 deadline, no 3-year proven rule', () => {
    const d = blockDeadlines(
      { ...base, regime: 'national-2023', report_then_produce_date: '2024-01-10', proven_reserves_submitted_date: '2024-02-01' },
      '2024-06-01',
    );
    expect(d.proven_to_mining_deadline).toBeNull();
    expect(d.report_then_produce_mining_deadline!.citation).toBe('自然资规〔2023〕6号 六');
    expect(d.extension_application_deadline!.citation).toBe('矿产资源勘查区块登记管理办法 第十条');
    expect(d.extensions_left).toBeNull();
  });
  it('daysUntil', () => {
    expect(daysUntil('2020-04-30', '2020-01-25')).toBe(96);
    expect(daysUntil('2020-01-01', '2020-01-02')).toBe(-1);
  });
});

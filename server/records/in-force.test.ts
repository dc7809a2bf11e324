import { describe, expect, it } from 'vitest';
import { todayInChina } from '../conflicts/subject';
import { agreementInForce, commitmentInForce } from './in-force';

const term = { valid_from: '2026-03-01', valid_to: '2026-09-30', withdrawn_at: null };
const open = { ...term, valid_to: null };

describe('an agreement in force (conflicts_agreements.sql: valid_from ≤ day ≤ valid_to, not withdrawn)', () => {
  it('holds from its first to its last day inclusive, not before nor after', () => {
    expect(['2026-02-28', '2026-03-01', '2026-06-15', '2026-09-30', '2026-10-01'].map((d) => agreementInForce(term, d))).toEqual([
      false,
      true,
      true,
      true,
      false,
    ]);
  });

  it('open-ended (valid_to null): from its first day on', () => {
    expect(agreementInForce(open, '2026-02-28')).toBe(false);
    expect(agreementInForce(open, '2026-03-01')).toBe(true);
    expect(agreementInForce(open, '2099-12-31')).toBe(true);
  });

  it('withdrawn: never, within its term or not', () => {
    expect(agreementInForce({ ...term, withdrawn_at: '2026-04-01T02:00:00.000000Z' }, '2026-06-15')).toBe(false);
    expect(agreementInForce({ ...open, withdrawn_at: '2026-04-01T02:00:00.000000Z' }, '2026-03-15')).toBe(false);
  });

  it('judges today in China when no day is given', () => {
    const today = todayInChina();
    expect(agreementInForce({ valid_from: today, valid_to: today, withdrawn_at: null })).toBe(true);
    expect(agreementInForce({ valid_from: '2000-01-01', valid_to: '2000-01-02', withdrawn_at: null })).toBe(false);
  });
});

describe('a commitment in force (conflicts_commitments.sql, and only while its red line is proposed: PA-5)', () => {
  const proposed = { ...term, redline_status: 'proposed' };

  it('over a proposed red line: within its term, as an agreement', () => {
    expect(['2026-02-28', '2026-03-01', '2026-09-30', '2026-10-01'].map((d) => commitmentInForce(proposed, d))).toEqual([
      false,
      true,
      true,
      false,
    ]);
    expect(commitmentInForce({ ...open, redline_status: 'proposed' }, '2030-01-01')).toBe(true);
  });

  it('over an official red line (deducted, PA-4) or one no longer on the register: not, even within its term', () => {
    expect(commitmentInForce({ ...proposed, redline_status: 'official' }, '2026-06-15')).toBe(false);
    expect(commitmentInForce({ ...proposed, redline_status: null }, '2026-06-15')).toBe(false);
  });

  it('withdrawn: not', () => {
    expect(commitmentInForce({ ...proposed, withdrawn_at: '2026-04-01T02:00:00.000000Z' }, '2026-06-15')).toBe(false);
  });
});

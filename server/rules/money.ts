/**
 * Money as exact integers of 分 (0.01 元): amounts are kept, summed and compared in 分 and written as decimal
 * strings of 元 ('73977.60'), never as binary floats (issue 14 item 4: no float drift).
 */

/** Largest amount accepted: 10^13 元 − 0.01 (well inside Number's exact integers when held in 分). */
export const MAX_FEN = 1e15 - 1;

const YUAN = /^(\d{1,13})(?:\.(\d{1,2}))?$/;

/** '1234.5' | '1234.56' | 1234.56 → 123456 分; null when it is not a non-negative amount with at most two decimals. */
export function parseYuan(v: string | number): number | null {
  const s = typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : v.trim();
  const m = YUAN.exec(s);
  if (!m) return null;
  const fen = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return fen <= MAX_FEN ? fen : null;
}

/** 123456 分 → '1234.56' (元, two decimals, no grouping). */
export function yuan(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`amount in 分 must be an integer, got ${fen}`);
  const sign = fen < 0 ? '-' : '';
  const a = Math.abs(fen);
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}

/** A rule's amount in 元 (rounded to 分 by the rule) → 分, exactly. */
export function fenOf(amountCny: number): number {
  if (!Number.isFinite(amountCny)) throw new RangeError(`amount must be finite, got ${amountCny}`);
  return Math.round(amountCny * 100);
}

/** An amount as the API sends it: exact 分 and the same as a decimal string of 元. */
export interface Money {
  fen: number;
  yuan: string;
}
export const money = (fen: number): Money => ({ fen, yuan: yuan(fen) });

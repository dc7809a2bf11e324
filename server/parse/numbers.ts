import { badRequest } from '../errors';
import type { VertexRef } from './types';

const NUMERIC = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
/**
 * Circled and parenthesised numbers (①…⑳, ㉑…㊿, ❶…, ⑴…, ⒈…) label points; NFKC would turn '①4175560.9' into
 * '14175560.9', a different number, so a cell holding one is never a number.
 */
export const ENCLOSED = /[\u2460-\u24ff\u2776-\u2793\u3251-\u325f\u32b1-\u32bf]/;

/** Strict decimal number (full-width digits allowed); undefined when not a finite number. */
export function toNumber(s: unknown): number | undefined {
  if (typeof s === 'number') return Number.isFinite(s) ? s : undefined;
  if (typeof s !== 'string') return undefined;
  if (NUMERIC.test(s)) return finite(Number(s)); // fast path: plain ASCII
  if (ENCLOSED.test(s)) return undefined;
  const t = s.normalize('NFKC').trim();
  if (!NUMERIC.test(t)) return undefined;
  const v = Number(t);
  return Number.isFinite(v) ? v : undefined;
}

export function notNumeric(value: unknown, ref: VertexRef | (VertexRef & Record<string, unknown>)) {
  const shown = String(value).slice(0, 40);
  return badRequest(
    'PARSE_NOT_NUMERIC',
    `Not a finite number: '${shown}'${ref.line ? ` (line ${ref.line})` : ''}`,
    `不是有效数值：'${shown}'${ref.line ? `（第 ${ref.line} 行）` : ''}`,
    [{ ...ref, value: shown }],
  );
}

const finite = (v: number) => (Number.isFinite(v) ? v : undefined);

/** toNumber or a PARSE_NOT_NUMERIC refusal pointing at `ref` (plus `field`). */
export function requireNumber(s: unknown, ref: VertexRef | (VertexRef & Record<string, unknown>), field?: string): number {
  const v = toNumber(s);
  if (v === undefined) throw notNumeric(s, field ? { ...ref, field } : ref);
  return v;
}

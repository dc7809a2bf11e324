import { badRequest } from '../errors';
import type { VertexRef } from './types';

const NUMERIC = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** Strict decimal number (full-width digits allowed); undefined when not a finite number. */
export function toNumber(s: unknown): number | undefined {
  if (typeof s === 'number') return Number.isFinite(s) ? s : undefined;
  if (typeof s !== 'string') return undefined;
  if (NUMERIC.test(s)) return finite(Number(s)); // fast path: plain ASCII
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

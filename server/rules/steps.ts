/**
 * The audit trail every rule result carries: which rule, which Chinese source, what the step is (a
 * Message in both languages), the arithmetic written out with the actual numbers, and the resulting value
 * (RULES.md: "name the rule and document it rests on, and show its arithmetic").
 */
import type { Message } from '../i18n/message';

export interface Step {
  /** Rule id as used in the domain extraction, e.g. 'R-RED-4'. */
  rule: string;
  /** Chinese source, e.g. '273号令 第十五条' or '晋自然资发〔2020〕11号 四'. */
  citation: string;
  /**
   * The arithmetic with the actual numbers, e.g. '209.842 × 25% = 52.4605': numbers, dates, operators, units and
   * one-letter variables only, the same in every language (step-messages.test.ts checks it).
   */
  formula: string;
  value: number;
  /** What the step computes, in both languages (e.g. 'reduction = base × reduction ratio' / '核减面积 = 基数 × 核减比例'). */
  description: Message;
}

/** Round half away from zero to `digits` decimals, removing binary noise (0.1 + 0.2 → 0.3). */
export function roundTo(x: number, digits = 6): number {
  if (!Number.isFinite(x)) return x;
  const f = 10 ** digits;
  const r = Math.round(Math.abs(x) * f + 1e-9) / f;
  return x < 0 ? -r : r === 0 ? 0 : r;
}

/** Format a number for a formula: at most 6 decimals, no trailing zeros. */
export function fmt(x: number, digits = 6): string {
  return String(roundTo(x, digits));
}

/** Format a ratio as a percentage for a formula: 0.25 → '25%'. */
export function pct(x: number): string {
  return `${fmt(x * 100, 4)}%`;
}

/** Build a step (kept tiny so modules read as a list of rules). */
export function step(rule: string, citation: string, description: Message, formula: string, value: number): Step {
  return { rule, citation, formula, value, description };
}

/** Throw a RangeError unless `x` is a finite number ≥ 0 (pure functions reject nonsense input). */
export function assertNonNegative(name: string, x: number): void {
  if (typeof x !== 'number' || !Number.isFinite(x) || x < 0) {
    throw new RangeError(`${name} must be a finite number ≥ 0, got ${String(x)}`);
  }
}

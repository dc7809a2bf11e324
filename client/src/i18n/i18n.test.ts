import { describe, expect, it } from 'vitest';
import { en } from './en';
import { fill } from './index';
import { DECISIONS, OUTCOMES, label, outcomeLabel, outcomeSeverity } from '../../../server/vocab';
import { zh } from './zh';

describe('messages', () => {
  it('zh and en have the same keys, none empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const [k, v] of [...Object.entries(zh), ...Object.entries(en)]) expect(v, k).not.toBe('');
  });
  it('keep the same placeholders in both languages', () => {
    const ph = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const k of Object.keys(zh) as (keyof typeof zh)[]) expect(ph(en[k]), k).toEqual(ph(zh[k]));
  });
  it('fill replaces placeholders and leaves unknown ones', () => {
    expect(fill('第 {n} 行', { n: 12 })).toBe('第 12 行');
    expect(fill('{a} {b}', { a: 'x' })).toBe('x {b}');
  });
  it('the synthetic-data badge says so in both languages', () => {
    expect(zh.syntheticBadge).toBe('演示数据为合成数据');
    expect(en.syntheticBadge).toMatch(/synthetic/i);
  });
});

describe('outcome labels', () => {
  it('have the Chinese labels the regulators use', () => {
    expect(outcomeLabel('forbidden', 'zh')).toBe('禁止');
    expect(outcomeLabel('requires_agreement', 'zh')).toBe('需协议');
    expect(outcomeLabel('requires_commitment', 'zh')).toBe('需承诺');
    expect(outcomeLabel('same_holder', 'zh')).toBe('同一权利人');
    expect(outcomeLabel('void', 'zh')).toBe('已失效');
    expect(outcomeLabel('deduct', 'zh')).toBe('扣除');
    expect(outcomeLabel('keep_with_commitment', 'zh')).toBe('承诺保留');
    expect(outcomeLabel('forbidden', 'en')).toBe('forbidden');
  });
  it('fall back to the code for unknown values and a dash for none', () => {
    expect(outcomeLabel('something_new', 'zh')).toBe('something_new');
    expect(outcomeLabel(undefined, 'en')).toBe('—');
    expect(label(DECISIONS, 'refuse', 'zh')).toBe('不予延续');
  });
  it('grade every known outcome by severity', () => {
    expect(outcomeSeverity('forbidden')).toBe('block');
    expect(outcomeSeverity('deduct')).toBe('block');
    expect(outcomeSeverity('requires_agreement')).toBe('condition');
    expect(outcomeSeverity('keep_with_commitment')).toBe('condition');
    expect(outcomeSeverity('same_holder')).toBe('ok');
    expect(outcomeSeverity('void')).toBe('ok');
    expect(outcomeSeverity('whatever')).toBe('info');
    for (const k of Object.keys(OUTCOMES)) expect(['block', 'condition', 'ok', 'info']).toContain(outcomeSeverity(k));
  });
});

import { describe, expect, it } from 'vitest';
import { fenOf, parseYuan, yuan } from './money';

describe('money in 分', () => {
  it('parses decimal 元 exactly', () => {
    expect(parseYuan('1234.5')).toBe(123450);
    expect(parseYuan('0.07')).toBe(7);
    expect(parseYuan(' 12 ')).toBe(1200);
    expect(parseYuan(0.1 + 0.2)).toBeNull(); // 0.30000000000000004 is not an amount
    expect(parseYuan(73977.6)).toBe(7397760);
    for (const bad of ['-1', '1.234', '1e3', '', 'abc', '12,000.00', '99999999999999.00']) expect(parseYuan(bad), bad).toBeNull();
  });
  it('writes 元 with two decimals', () => {
    expect(yuan(7397760)).toBe('73977.60');
    expect(yuan(5)).toBe('0.05');
    expect(yuan(-150)).toBe('-1.50');
    expect(() => yuan(1.5)).toThrow(RangeError);
  });
  it('takes a rule amount to 分 without drift', () => {
    expect(fenOf(73977.6)).toBe(7397760);
    expect(fenOf(0.1 + 0.2)).toBe(30);
  });
});

import { describe, expect, it } from 'vitest';
import { defineMessages, grouped, isMessage, say } from './message';

const SAY = defineMessages({
  PLAIN: { en: () => 'plain', zh: () => '普通' },
  DAYS_LEFT: { en: (p: { days: number }) => `${p.days} days left`, zh: (p: { days: number }) => `剩余 ${p.days} 天` },
});

describe('server sentences', () => {
  it('carry code, params and both languages', () => {
    expect(say(SAY, 'DAYS_LEFT', { days: 12 })).toEqual({
      code: 'DAYS_LEFT',
      params: { days: 12 },
      message: '12 days left',
      message_zh: '剩余 12 天',
    });
    expect(say(SAY, 'PLAIN')).toEqual({ code: 'PLAIN', params: {}, message: 'plain', message_zh: '普通' });
    expect(isMessage(say(SAY, 'PLAIN'))).toBe(true);
    expect(isMessage('plain')).toBe(false);
  });
});

describe('grouped', () => {
  it('groups thousands of the integer part only, keeps the sign and the decimals', () => {
    expect(grouped('1378500')).toBe('1,378,500');
    expect(grouped('4461063.48')).toBe('4,461,063.48');
    expect(grouped(-1234567.125)).toBe('-1,234,567.125');
    expect(grouped('999')).toBe('999');
    expect(grouped('0.000123')).toBe('0.000123');
  });
});

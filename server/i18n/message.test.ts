import { describe, expect, it } from 'vitest';
import { defineMessages, isMessage, say } from './message';

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

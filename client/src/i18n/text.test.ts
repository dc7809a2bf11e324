import { describe, expect, it } from 'vitest';
import { textOf } from './text';

describe('textOf', () => {
  const m = { code: 'X', params: {}, message: 'twelve days left', message_zh: '剩余 12 天' };
  it('shows a Message in the chosen language', () => {
    expect(textOf(m, 'zh')).toBe('剩余 12 天');
    expect(textOf(m, 'en')).toBe('twelve days left');
  });
  it('takes the chosen half of a legacy "中文 / English" pair, and leaves other strings alone', () => {
    expect(textOf('扣减面积 1 km² / Deducts 1 km²', 'zh')).toBe('扣减面积 1 km²');
    expect(textOf('扣减面积 1 km² / Deducts 1 km²', 'en')).toBe('Deducts 1 km²');
    expect(textOf('a / b', 'zh')).toBe('a / b');
    expect(textOf('plain', 'zh')).toBe('plain');
  });
  it('falls back across languages for partial objects and prints nothing for none', () => {
    expect(textOf({ message: 'only english' }, 'zh')).toBe('only english');
    expect(textOf(null, 'zh')).toBe('');
  });
});

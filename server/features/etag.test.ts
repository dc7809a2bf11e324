import { describe, expect, it } from 'vitest';
import { etagOf, ifMatchHolds, parseIfMatch } from './etag';

describe('ETag and If-Match', () => {
  it('formats a strong tag from the row version', () => {
    expect(etagOf('42')).toBe('"v42"');
    expect(etagOf(7)).toBe('"v7"');
  });
  it('tells a missing header, *, and a tag list apart', () => {
    expect(parseIfMatch(undefined)).toEqual({ kind: 'missing' });
    expect(parseIfMatch('  ')).toEqual({ kind: 'missing' });
    expect(parseIfMatch('*')).toEqual({ kind: 'any' });
    expect(parseIfMatch('"v42"')).toMatchObject({ kind: 'tags', versions: ['42'] });
    expect(parseIfMatch('"v1", "v042" ,"x"')).toMatchObject({ kind: 'tags', versions: ['1', '42'] });
  });
  it('matches strongly only: weak, foreign and malformed tags never hold', () => {
    expect(ifMatchHolds(parseIfMatch('"v42"'), '42')).toBe(true);
    expect(ifMatchHolds(parseIfMatch('"v1", "v42"'), '42')).toBe(true);
    expect(ifMatchHolds(parseIfMatch('W/"v42"'), '42')).toBe(false);
    expect(ifMatchHolds(parseIfMatch('"42"'), '42')).toBe(false);
    expect(ifMatchHolds(parseIfMatch('v42'), '42')).toBe(false);
    expect(ifMatchHolds(parseIfMatch('"v43"'), '42')).toBe(false);
    expect(ifMatchHolds(parseIfMatch('*'), '42')).toBe(false);
    expect(ifMatchHolds(parseIfMatch(undefined), '42')).toBe(false);
  });
});

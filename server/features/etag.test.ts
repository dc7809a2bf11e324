import { describe, expect, it } from 'vitest';
import { etagOf, flagsDigest, ifMatchHolds, parseIfMatch } from './etag';

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
  it('a block’s tag names its flags too: a tag read before a flag changed no longer holds where the flags are compared', () => {
    expect(etagOf('42', 'abcdef012345')).toBe('"v42-fabcdef012345"');
    expect(etagOf('42', null)).toBe('"v42"');
    const m = parseIfMatch('"v42-fabcdef012345"');
    expect(m).toMatchObject({ kind: 'tags', versions: ['42'], entries: [{ version: '42', flags: 'abcdef012345' }] });
    expect(ifMatchHolds(m, '42', 'abcdef012345')).toBe(true);
    expect(ifMatchHolds(m, '42', null)).toBe(false);
    expect(ifMatchHolds(parseIfMatch('"v42"'), '42', 'abcdef012345')).toBe(false);
    expect(ifMatchHolds(parseIfMatch('"v42"'), '42', null)).toBe(true);
    // without flags to compare (the row version alone), either form holds
    expect(ifMatchHolds(m, '42')).toBe(true);
    expect(flagsDigest([])).toBeNull();
    expect(flagsDigest([{ id: 'FLG-1' }])).toMatch(/^[0-9a-f]{12}$/);
    expect(flagsDigest([{ id: 'FLG-1' }])).not.toBe(flagsDigest([{ id: 'FLG-2' }]));
  });
});

import { describe, expect, it } from 'vitest';
import { canonicalJson, jsonDiff } from './canonical';

describe('canonicalJson', () => {
  it('sorts keys at every level and leaves no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 'x', null], c: true } })).toBe('{"a":{"c":true,"d":[1,"x",null]},"b":1}');
  });
  it('gives the same bytes for the same value whatever the key order', () => {
    expect(canonicalJson({ x: 0.1 + 0.2, y: '柿庄南' })).toBe(canonicalJson({ y: '柿庄南', x: 0.30000000000000004 }));
  });
  it('drops undefined members and refuses non-finite numbers', () => {
    expect(canonicalJson({ a: undefined, b: 2 })).toBe('{"b":2}');
    expect(() => canonicalJson({ a: Infinity })).toThrow(RangeError);
  });
  it('round-trips through JSON.parse unchanged', () => {
    const v = { n: 1e-7, m: 52.4605, s: 'J1 "q"', arr: [[112.5, 35.1]] };
    const c = canonicalJson(v);
    expect(canonicalJson(JSON.parse(c))).toBe(c);
  });
});

describe('jsonDiff', () => {
  it('names the leaf that differs', () => {
    expect(jsonDiff({ a: { b: [1, 2] }, c: 'x' }, { a: { b: [1, 3] }, c: 'x' })).toEqual([{ path: 'a.b[1]', expected: 2, found: 3 }]);
  });
  it('reports missing and extra members', () => {
    expect(jsonDiff({ a: 1 }, { b: 1 }).map((d) => d.path)).toEqual(['a', 'b']);
  });
});

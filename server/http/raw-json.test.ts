import { describe, expect, it } from 'vitest';
import { rawJson, stringifyWithRaw } from './raw-json';

describe('raw JSON in a response body', () => {
  const geometry = {
    type: 'Polygon',
    coordinates: [
      [
        [112.1, 36.2],
        [112.3, 36.2],
        [112.3, 36.4],
        [112.1, 36.2],
      ],
    ],
  };

  it('writes the text in place: the same JSON as stringifying the objects', () => {
    const body = { input: { area_km2: 1.5, geometry: rawJson(JSON.stringify(geometry)), parcels: rawJson('[]') }, n: [1, 2] };
    const plain = { input: { area_km2: 1.5, geometry, parcels: [] }, n: [1, 2] };
    expect(stringifyWithRaw(body)).toBe(JSON.stringify(plain));
    expect(JSON.parse(stringifyWithRaw(body))).toEqual(plain);
  });

  it('serialised the ordinary way it parses its text: slower, never wrong', () => {
    expect(JSON.parse(JSON.stringify({ g: rawJson(JSON.stringify(geometry)) }))).toEqual({ g: geometry });
  });

  it('leaves look-alike strings alone (only this call’s markers are replaced)', () => {
    const body = { a: '\u0000abc:0\u0000', b: rawJson('{"x":1}'), c: 'text with "quotes" and \\ backslash' };
    expect(JSON.parse(stringifyWithRaw(body))).toEqual({ a: '\u0000abc:0\u0000', b: { x: 1 }, c: 'text with "quotes" and \\ backslash' });
  });

  it('a body without raw values is plain JSON.stringify, and a failing stringify leaves no state behind', () => {
    expect(stringifyWithRaw({ a: [1, 'x'] })).toBe('{"a":[1,"x"]}');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => stringifyWithRaw({ r: rawJson('1'), cyclic })).toThrow();
    expect(JSON.parse(JSON.stringify({ r: rawJson('[1]') }))).toEqual({ r: [1] });
  });
});

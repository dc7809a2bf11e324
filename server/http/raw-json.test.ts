import { describe, expect, it, vi } from 'vitest';
import { bufferWithRaw, lazyGeoJson, rawJson, stringifyWithRaw } from './raw-json';

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
    expect(bufferWithRaw(body).equals(Buffer.from(JSON.stringify(plain), 'utf8'))).toBe(true);
    // UTF-8 beyond ASCII, raw values first and last, side by side
    const zh = { a: rawJson('"山西省"'), b: '甲煤层气公司', c: [rawJson('1'), rawJson('[2]')], d: rawJson('{"名":"乙"}') };
    const zhPlain = { a: '山西省', b: '甲煤层气公司', c: [1, [2]], d: { 名: '乙' } };
    expect(stringifyWithRaw(zh)).toBe(JSON.stringify(zhPlain));
    expect(bufferWithRaw(zh).toString('utf8')).toBe(JSON.stringify(zhPlain));
    expect(bufferWithRaw(rawJson('[3]')).toString()).toBe('[3]');
    expect(bufferWithRaw({ a: 1 }).toString()).toBe('{"a":1}');
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

describe('a geometry read lazily from PostGIS text', () => {
  // as ST_AsGeoJSON(g, 9, 0) writes it
  const text = '{"type":"MultiPolygon","coordinates":[[[[112.1,36.2],[112.300000001,36.2],[112.3,36.4],[112.1,36.2]]]]}';
  const plain = JSON.parse(text);

  it('gives its type without parsing, its coordinates on first read, and reads like the parsed object', () => {
    const parse = vi.spyOn(JSON, 'parse');
    try {
      const g = lazyGeoJson<{ type: string; coordinates: unknown }>(text);
      expect(g.type).toBe('MultiPolygon');
      expect(parse).not.toHaveBeenCalled();
      expect(g.coordinates).toEqual(plain.coordinates);
      expect(g.coordinates).toBe(g.coordinates); // parsed once
      expect(parse).toHaveBeenCalledTimes(1);
    } finally {
      parse.mockRestore();
    }
    const g = lazyGeoJson(text);
    expect(g).toEqual(plain);
    expect({ ...g }).toEqual(plain);
    expect(Object.keys(g)).toEqual(['type', 'coordinates']);
    expect(Object.isFrozen(g)).toBe(true);
  });

  it('is written as its text: by stringifyWithRaw without parsing it, and the same bytes as the objects', () => {
    const parse = vi.spyOn(JSON, 'parse');
    let out: string;
    try {
      out = stringifyWithRaw({ conflicts: [{ id: 'a', geometry: lazyGeoJson(text), n: 1 }] });
      expect(parse).not.toHaveBeenCalled();
    } finally {
      parse.mockRestore();
    }
    expect(out).toBe(JSON.stringify({ conflicts: [{ id: 'a', geometry: plain, n: 1 }] }));
    expect(JSON.stringify({ g: lazyGeoJson(text) })).toBe(JSON.stringify({ g: plain }));
    const read = lazyGeoJson<{ type: string; coordinates: unknown }>(text);
    void read.coordinates; // read first: still written as the text
    expect(stringifyWithRaw([read])).toBe(`[${text}]`);
  });

  it('a collection lazily by its geometries; text of another shape (bbox, crs, spaces) parsed at once', () => {
    const gc = '{"type":"GeometryCollection","geometries":[{"type":"Point","coordinates":[112,36]}]}';
    expect(lazyGeoJson(gc)).toEqual(JSON.parse(gc));
    expect(Object.keys(lazyGeoJson(gc))).toEqual(['type', 'geometries']);
    expect(stringifyWithRaw({ g: lazyGeoJson(gc) })).toBe(`{"g":${gc}}`);
    for (const other of [
      '{"type":"Polygon","bbox":[0,0,1,1],"coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}',
      '{ "type": "Point", "coordinates": [1, 2] }',
      '{"coordinates":[1,2],"type":"Point"}',
    ]) {
      const g = lazyGeoJson(other);
      expect(Object.isFrozen(g)).toBe(false); // plain parsed object
      expect(g).toEqual(JSON.parse(other));
      expect(stringifyWithRaw({ g })).toBe(JSON.stringify({ g: JSON.parse(other) }));
    }
  });
});

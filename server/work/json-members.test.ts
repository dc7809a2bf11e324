import { describe, expect, it } from 'vitest';
import { jsonMemberProblem } from './json-members';

describe('jsonMemberProblem', () => {
  it('accepts ordinary GeoJSON, the same key in different objects, keys inside strings and escaped quotes', () => {
    const text = JSON.stringify({
      type: 'Feature',
      properties: { name: 'a "quoted" {name}, [x]', type: 'same key, other object', n: -1.5e-7 },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [112.123456789012, 36.1],
            [112.2, 36.1],
            [112.2, 36.2],
            [112.123456789012, 36.1],
          ],
        ],
      },
    });
    expect(jsonMemberProblem(text)).toBeUndefined();
    expect(jsonMemberProblem('[{"a":1},{"a":2}]')).toBeUndefined();
    expect(jsonMemberProblem('{"a":{"b":1},"b":{"a":1}}')).toBeUndefined();
  });

  it('finds a key repeated in one object, with its line and column (JSON.parse would keep only the last)', () => {
    const text = '{\n  "type": "Polygon",\n  "coordinates": [[[0,0],[1,0],[1,1],[0,0]]],\n  "coordinates": [[[5,5],[6,5],[6,6],[5,5]]]\n}';
    expect(JSON.parse(text).coordinates[0][0]).toEqual([5, 5]); // what would have happened silently
    expect(jsonMemberProblem(text)).toEqual({ kind: 'duplicate_key', text: 'coordinates', line: 4, column: 3 });
    // spelled differently, the same key
    expect(jsonMemberProblem('{"name":"a","n\\u0061me":"b"}')).toMatchObject({ kind: 'duplicate_key', text: 'name' });
    // after a nested object and array closed
    expect(jsonMemberProblem('{"a":{"x":[1,{"y":2}]},"b":1,"a":3}')).toMatchObject({ kind: 'duplicate_key', text: 'a' });
  });

  it('finds a __proto__ key at any depth (copied by assignment it becomes a prototype and the member is gone)', () => {
    const parsed = JSON.parse('{"__proto__":{"x":1}}') as Record<string, unknown>;
    const copy: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(parsed)) copy[k] = v;
    expect(Object.keys(copy)).toEqual([]); // what happened silently in the shell of small members
    expect(jsonMemberProblem('{"properties":{"__proto__":{"admin":true}}}')).toMatchObject({ kind: 'proto_key', line: 1, column: 16 });
    expect(jsonMemberProblem('{"\\u005f_proto__":1}')).toMatchObject({ kind: 'proto_key' });
    expect(jsonMemberProblem('{"name":"__proto__"}')).toBeUndefined(); // a value, not a key
  });

  it('finds a number JSON.parse reads as Infinity; keeps large finite and long-decimal numbers (IEEE doubles)', () => {
    expect(JSON.parse('[1e400]')[0]).toBe(Infinity);
    expect(jsonMemberProblem('{"coordinates":[1e400, 2]}')).toEqual({ kind: 'number_out_of_range', text: '1e400', line: 1, column: 17 });
    expect(jsonMemberProblem('[-1.8e309]')).toMatchObject({ kind: 'number_out_of_range', text: '-1.8e309' });
    expect(jsonMemberProblem('[1.7e308, 12345678901234567890, 112.12345678901234567890, -0, 1E-400]')).toBeUndefined();
  });
});

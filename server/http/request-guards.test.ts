import { describe, expect, it } from 'vitest';
import { inspectJson } from './request-guards';

describe('inspectJson', () => {
  it('measures the nesting of a GeoJSON Feature', () => {
    const f = {
      type: 'Feature',
      properties: { name: 'a' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [1, 2],
            [3, 4],
            [5, 6],
            [1, 2],
          ],
        ],
      },
    };
    expect(inspectJson(f, 64)).toEqual({ depth: 5, nul: false, tooDeep: false });
  });

  it('stops early on a 20,000-deep GeometryCollection without recursion', () => {
    let g: unknown = { type: 'Point', coordinates: [1, 2] };
    for (let i = 0; i < 20_000; i++) g = { type: 'GeometryCollection', geometries: [g] };
    expect(inspectJson(g, 64).tooDeep).toBe(true);
  });

  it('finds NUL in strings and in keys', () => {
    expect(inspectJson({ a: ['x', 'y\u0000'] }, 64).nul).toBe(true);
    expect(inspectJson({ 'k\u0000': 1 }, 64).nul).toBe(true);
    expect(inspectJson({ a: 'fine 中文' }, 64).nul).toBe(false);
  });
});

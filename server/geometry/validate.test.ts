import { describe, expect, it } from 'vitest';
import type { AppError } from '../errors';
import { checkGeometry, checkParcelRings, cleanRing } from './validate';
import { combPolygon } from './shapes.fixture';

const sq = [
  [112, 36],
  [112.1, 36],
  [112.1, 36.1],
  [112, 36.1],
  [112, 36],
];
const refusal = (f: () => unknown): AppError => {
  try {
    f();
  } catch (e) {
    return e as AppError;
  }
  throw new Error('expected a refusal');
};

describe('the one geometry validator', () => {
  it('accepts a square, a point and a line of their layers', () => {
    expect(checkGeometry({ type: 'Polygon', coordinates: [sq] }, 'polygon')).toBeTruthy();
    expect(checkGeometry({ type: 'Point', coordinates: [112, 36] }, 'point')).toBeTruthy();
    expect(
      checkGeometry(
        {
          type: 'LineString',
          coordinates: [
            [112, 36],
            [112.1, 36],
          ],
        },
        'line',
      ),
    ).toBeTruthy();
  });

  it('gives one stable code per reason, in both languages, with the place', () => {
    const cases: [unknown, string, number][] = [
      [{ type: 'Point', coordinates: [112, 36] }, 'GEOMETRY_WRONG_TYPE', 422],
      [
        {
          type: 'Polygon',
          coordinates: [
            [
              [112, 36],
              [112.1, 'x'],
              [112.1, 36.1],
              [112, 36],
            ],
          ],
        },
        'GEOMETRY_BAD_POSITION',
        422,
      ],
      [
        {
          type: 'Polygon',
          coordinates: [
            [
              [12, 36],
              [12.1, 36],
              [12.1, 36.1],
              [12, 36],
            ],
          ],
        },
        'GEOMETRY_OUTSIDE_CHINA',
        422,
      ],
      [
        {
          type: 'Polygon',
          coordinates: [
            [
              [112, 36],
              [112.1, 36],
              [112.1, 36.1],
              [112, 36.2],
            ],
          ],
        },
        'GEOMETRY_RING_NOT_CLOSED',
        422,
      ],
      [
        {
          type: 'Polygon',
          coordinates: [
            [
              [112, 36],
              [112.1, 36],
              [112.1, 36],
              [112, 36],
            ],
          ],
        },
        'GEOMETRY_TOO_FEW_POINTS',
        422,
      ],
      [
        {
          type: 'Polygon',
          coordinates: [
            [
              [112, 36],
              [112.1, 36.1],
              [112.1, 36],
              [112, 36.1],
              [112, 36],
            ],
          ],
        },
        'GEOMETRY_SELF_INTERSECTION',
        422,
      ],
      [
        {
          type: 'Polygon',
          coordinates: [
            sq,
            [
              [113, 36],
              [113.01, 36],
              [113.01, 36.01],
              [113, 36],
            ],
          ],
        },
        'GEOMETRY_HOLE_OUTSIDE',
        422,
      ],
      [combPolygon(2_000, { angleDeg: 45 }), 'GEOMETRY_TOO_COMPLEX', 422],
    ];
    for (const [g, code, status] of cases) {
      const e = refusal(() => checkGeometry(g, 'polygon'));
      expect(e.code, code).toBe(code);
      expect(e.status).toBe(status);
      expect(e.messageZh).toMatch(/[\u4e00-\u9fa5]/);
      expect(e.details?.length).toBeGreaterThan(0);
    }
    const tooMany = refusal(() => checkGeometry({ type: 'Polygon', coordinates: [sq] }, 'polygon', 4));
    expect([tooMany.code, tooMany.status]).toEqual(['TOO_MANY_VERTICES', 413]);
  });

  it('names the crossing edges and where they meet', () => {
    const e = refusal(() =>
      checkGeometry(
        {
          type: 'Polygon',
          coordinates: [
            [
              [112, 36],
              [112.1, 36.1],
              [112.1, 36],
              [112, 36.1],
              [112, 36],
            ],
          ],
        },
        'polygon',
      ),
    );
    expect(e.details![0]).toMatchObject({ parcel: 1, ring: 1, edge: '1–2', other_edge: '3–4', kind: 'cross' });
    expect(e.details![0].lon).toBeCloseTo(112.05, 9);
  });

  it('cleans file rings: repeated and closing corners dropped, listed for the warning', () => {
    const r = cleanRing(
      {
        coords: [
          [112, 36],
          [112, 36],
          [112.1, 36],
          [112.1, 36.1],
          [112, 36],
        ],
        refs: [{ point: 'J1' }, { point: 'J1' }, { point: 'J2' }, { point: 'J3' }, { point: 'J1' }],
      },
      'x',
      1,
    );
    expect(r.coords).toHaveLength(3);
    expect(r.repeated).toEqual([{ index: 1, ref: { point: 'J1' } }]);
    expect(() => checkParcelRings([r], 'x')).not.toThrow();
  });

  it('checks a 200,000-corner comb in seconds', () => {
    const t = performance.now();
    expect(checkGeometry(combPolygon(49_999), 'polygon')).toBeTruthy();
    expect(performance.now() - t).toBeLessThan(20_000);
  }, 60_000);
});

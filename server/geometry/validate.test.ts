import { describe, expect, it } from 'vitest';
import type { AppError } from '../errors';
import { checkGeometry, checkParcelRings, cleanRing } from './validate';
import { combPolygon, bowtie } from './shapes.fixture';

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
      [bowtie(), 'GEOMETRY_SELF_INTERSECTION', 422],
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
    const e = refusal(() => checkGeometry(bowtie(), 'polygon'));
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

  it('checks a 200,000-corner comb, axis-aligned and turned 45°, in seconds', () => {
    for (const angleDeg of [0, 45]) {
      const t = performance.now();
      expect(checkGeometry(combPolygon(49_999, { angleDeg }), 'polygon')).toBeTruthy();
      expect(performance.now() - t).toBeLessThan(30_000);
    }
  }, 90_000);

  it('refuses a comb turned 45° with one crossing as a self-intersection naming its corners (not as too complex)', () => {
    const g = combPolygon(20_000, { angleDeg: 45 });
    const ring = g.coordinates[0];
    [ring[40_001], ring[40_002]] = [ring[40_002], ring[40_001]];
    const e = refusal(() => checkGeometry(g, 'polygon'));
    expect([e.code, e.status]).toEqual(['GEOMETRY_SELF_INTERSECTION', 422]);
    expect(e.message).toMatch(/edge \d+–\d+ meets edge \d+–\d+ near \(/);
    expect(e.details![0]).toMatchObject({ parcel: 1, ring: 1 });
  }, 60_000);
});

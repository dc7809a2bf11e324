import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findCrossings, findCrossingsBruteForce } from './intersections';
import { combRing } from './shapes.fixture';
import { sweepFirstCrossing } from './sweep';

type Ring = [number, number][];
const key = (c: { a: { ring: number; i: number }; b: { ring: number; i: number }; kind: string }) =>
  `${c.a.ring}:${c.a.i}|${c.b.ring}:${c.b.i}|${c.kind}`;

/** As the validator passes rings: no closing corner, no two equal consecutive corners, at least 3 corners. */
function clean(r: Ring): Ring {
  const out: Ring = [];
  for (const p of r) {
    const q = out[out.length - 1];
    if (!q || q[0] !== p[0] || q[1] !== p[1]) out.push(p);
  }
  while (out.length > 1 && out[0][0] === out[out.length - 1][0] && out[0][1] === out[out.length - 1][1]) out.pop();
  return out;
}
const cleanRings = (rings: Ring[]) => rings.map(clean).filter((r) => r.length >= 3);

/**
 * Rings of 3–14 corners on a small integer grid: shared corners, collinear and vertical edges, touches, overlaps,
 * holes on the outer ring, several rings.
 */
const gridRings = (size: number) =>
  fc
    .array(fc.array(fc.tuple(fc.integer({ min: 0, max: size }), fc.integer({ min: 0, max: size })), { minLength: 3, maxLength: 14 }), {
      minLength: 1,
      maxLength: 4,
    })
    .map((rs) => cleanRings(rs as Ring[]))
    .filter((rs) => rs.length > 0);
/** Rings with real lon/lat-like coordinates: general position. */
const realRings = fc
  .array(
    fc.array(fc.tuple(fc.double({ min: 112, max: 113, noNaN: true }), fc.double({ min: 36, max: 37, noNaN: true })), {
      minLength: 3,
      maxLength: 30,
    }),
    { minLength: 1, maxLength: 3 },
  )
  .map((rs) => cleanRings(rs as Ring[]))
  .filter((rs) => rs.length > 0);
/** Random simple shapes (star-shaped around a centre, sorted angles) with an optional hole: mostly valid. */
const starRings = fc
  .tuple(
    fc.array(fc.tuple(fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }), fc.double({ min: 0.2, max: 1, noNaN: true })), {
      minLength: 3,
      maxLength: 40,
    }),
    fc.boolean(),
  )
  .map(([pts, hole]) => {
    const outer = clean(
      pts
        .sort((a, b) => a[0] - b[0])
        .map(([t, r]) => [Math.round(100 * r * Math.cos(t)), Math.round(100 * r * Math.sin(t))] as [number, number]),
    );
    const rings = [outer];
    if (hole)
      rings.push([
        [-10, -10],
        [10, -10],
        [0, 10],
      ]);
    return rings.filter((r) => r.length >= 3);
  })
  .filter((rs) => rs.length > 0);

/** The sweep answers "any forbidden meeting?" exactly as the all-pairs search, and its finding is one of them. */
function agreesWithBruteForce(rings: Ring[]) {
  const all = findCrossingsBruteForce(rings);
  const first = sweepFirstCrossing(rings);
  expect(first !== undefined).toBe(all.length > 0);
  if (first) expect(all.map(key)).toContain(key(first));
  // the listing: every finding, in ring order, when not stopped by its budget
  expect(findCrossings(rings, Infinity).map(key)).toEqual(all.map(key));
}

describe('sweepFirstCrossing (Shamos–Hoey) against the all-pairs search', () => {
  it('degenerate grid rings (6×6 grid: shared corners, collinear, vertical, overlapping, several rings)', () => {
    fc.assert(fc.property(gridRings(5), agreesWithBruteForce), { numRuns: 3000 });
  }, 120_000);
  it('degenerate grid rings (3×3 grid: almost everything touches)', () => {
    fc.assert(fc.property(gridRings(2), agreesWithBruteForce), { numRuns: 2000 });
  }, 120_000);
  it('real coordinates (general position)', () => {
    fc.assert(fc.property(realRings, agreesWithBruteForce), { numRuns: 500 });
  }, 120_000);
  it('star-shaped rings with a hole (mostly valid shapes)', () => {
    fc.assert(fc.property(starRings, agreesWithBruteForce), { numRuns: 1000 });
  }, 120_000);
});

describe('sweepFirstCrossing: the cases by name', () => {
  const square: Ring = [
    [0, 0],
    [4, 0],
    [4, 4],
    [0, 4],
  ];
  const cases: [string, Ring[], string | undefined][] = [
    ['a square (adjacent edges share corners, vertical edges)', [square], undefined],
    [
      'a bow-tie (proper crossing)',
      [
        [
          [0, 0],
          [4, 4],
          [4, 0],
          [0, 4],
        ],
      ],
      'cross',
    ],
    [
      'an edge folding back on the previous one (collinear overlap)',
      [
        [
          [0, 0],
          [4, 0],
          [2, 0],
          [2, 3],
        ],
      ],
      'overlap',
    ],
    [
      'vertical edges overlapping (the closing edge folds back)',
      [
        [
          [0, 0],
          [0, 4],
          [1, 4],
          [1, 2],
          [0, 2],
        ],
      ],
      'overlap',
    ],
    [
      'a corner on a non-adjacent edge of its own ring',
      [
        [
          [0, 0],
          [4, 0],
          [4, 4],
          [2, 0],
          [0, 4],
        ],
      ],
      'touch',
    ],
    [
      'a ring through one corner twice (figure eight)',
      [
        [
          [0, 0],
          [2, 2],
          [4, 0],
          [4, 4],
          [2, 2],
          [0, 4],
        ],
      ],
      'touch',
    ],
    [
      'a hole inside',
      [
        square,
        [
          [1, 1],
          [2, 1],
          [1, 2],
        ],
      ],
      undefined,
    ],
    [
      'a hole touching the outer ring at a point',
      [
        square,
        [
          [0, 2],
          [2, 1],
          [2, 3],
        ],
      ],
      undefined,
    ],
    [
      'a hole touching the outer ring at a corner',
      [
        square,
        [
          [0, 0],
          [2, 1],
          [1, 2],
        ],
      ],
      undefined,
    ],
    [
      'a hole crossing the outer ring',
      [
        square,
        [
          [3, 1],
          [5, 2],
          [3, 3],
        ],
      ],
      'cross',
    ],
    [
      'a hole along an outer edge (overlap)',
      [
        square,
        [
          [0, 1],
          [0, 3],
          [1, 2],
        ],
      ],
      'overlap',
    ],
    [
      'two holes sharing a corner',
      [
        square,
        [
          [1, 1],
          [2, 2],
          [1, 2],
        ],
        [
          [2, 2],
          [3, 3],
          [3, 2],
        ],
      ],
      undefined,
    ],
    [
      'two holes sharing an edge',
      [
        square,
        [
          [1, 1],
          [2, 1],
          [2, 2],
        ],
        [
          [2, 1],
          [2, 2],
          [3, 2],
        ],
      ],
      'overlap',
    ],
  ];
  for (const [name, rings, kind] of cases)
    it(name, () => {
      // the sweep's finding is any one of the forbidden meetings; the named one is among them
      expect(sweepFirstCrossing(rings) !== undefined).toBe(kind !== undefined);
      if (kind) expect(findCrossingsBruteForce(rings).map((c) => c.kind)).toContain(kind);
      agreesWithBruteForce(rings);
    });

  it('reports where the edges meet', () => {
    const f = sweepFirstCrossing([
      [
        [0, 0],
        [4, 4],
        [4, 0],
        [0, 4],
      ],
    ]);
    expect(f?.at).toEqual([2, 2]);
  });
});

describe('findCrossings', () => {
  it('stops after max findings, keeping the first ones in ring order', () => {
    const star: Ring = Array.from({ length: 11 }, (_, i) => [Math.cos((i * 4 * Math.PI) / 11), Math.sin((i * 4 * Math.PI) / 11)]);
    const all = findCrossingsBruteForce([star]);
    expect(all.length).toBeGreaterThan(5);
    expect(findCrossings([star], 5).map(key)).toEqual(all.slice(0, 5).map(key));
  });

  it('answers on a 200,000-corner comb, axis-aligned and turned 45°, in seconds (valid: no finding)', () => {
    for (const angleDeg of [0, 90, 45, 30]) {
      const ring = combRing(50_000, { angleDeg });
      expect(ring.length).toBe(200_002);
      const t = performance.now();
      expect(findCrossings([ring])).toEqual([]);
      // ~1 s of CPU per shape; the bound is loose for a shared, loaded machine
      expect(performance.now() - t).toBeLessThan(30_000);
    }
  }, 120_000);

  it('finds the one crossing in a 200,000-corner comb turned 45° (listing over budget: the sweep’s finding)', () => {
    const ring = combRing(50_000, { angleDeg: 45 });
    [ring[100_001], ring[100_002]] = [ring[100_002], ring[100_001]];
    const t = performance.now();
    const found = findCrossings([ring]);
    expect(performance.now() - t).toBeLessThan(30_000);
    expect(found.length).toBeGreaterThan(0);
    for (const f of found) expect([100_000, 100_001, 100_002]).toContain(f.a.i);
  }, 60_000);
});

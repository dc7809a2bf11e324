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

/**
 * Valid shapes full of degeneracies: a histogram outline (columns of random heights, coordinates doubled) with a corner
 * at every grid step (collinear corners, vertical and horizontal edges), a hole touching the outer ring at one of its
 * corners and a second ring sharing its corner (0,0) — all allowed — and, in about half the runs, one corner moved by
 * one step: often a new touch, overlap or crossing.
 */
const stairRings = fc
  .tuple(fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 2, maxLength: 6 }), fc.nat(5), fc.boolean(), fc.nat(120))
  .map(([heights, holeAt, second, moved]) => {
    const n = heights.length;
    const outer: Ring = [];
    for (let x = 0; x < 2 * n; x++) outer.push([x, 0]);
    for (let c = n - 1; c >= 0; c--) {
      const top = 2 * heights[c];
      const from = c === n - 1 ? 0 : 2 * heights[c + 1];
      for (let y = from; y !== top; y += Math.sign(top - y)) outer.push([2 * c + 2, y]);
      outer.push([2 * c + 2, top], [2 * c + 1, top]);
    }
    for (let y = 2 * heights[0]; y > 0; y--) outer.push([0, y]);
    const c = holeAt % n;
    const rings: Ring[] = [
      clean(outer),
      [
        [2 * c + 1, 0],
        [2 * c + 2, 1],
        [2 * c, 1],
      ],
    ];
    if (second)
      rings.push([
        [0, 0],
        [-2, 0],
        [-2, -2],
      ]);
    const corners = rings.flat();
    if (moved < corners.length) corners[moved][0] += 1;
    return cleanRings(rings);
  })
  .filter((rs) => rs.length > 0);
/**
 * Near-degenerate: grid rings placed at lon/lat (0.001° steps) with some corners moved by 1–3 × 1e-12°, the size of
 * a Gauss-Krüger round trip's last digits: nearly collinear edges and nearly touching corners, where inexact
 * orientation would order the sweep wrongly.
 */
const nearRings = fc
  .tuple(gridRings(4), fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 60, maxLength: 60 }))
  .map(([rings, jitter]) => {
    let n = 0;
    return cleanRings(
      rings.map((r) => r.map(([x, y]) => [112 + x * 0.001 + jitter[n++ % 60] * 1e-12, 36 + y * 0.001] as [number, number])),
    );
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
  it('histogram outlines with collinear corners, a hole and a ring touching at a corner (valid and one step from valid)', () => {
    fc.assert(fc.property(stairRings, agreesWithBruteForce), { numRuns: 1500 });
  }, 120_000);
  it('near-degenerate lon/lat rings (corners moved by 1e-12°)', () => {
    fc.assert(fc.property(nearRings, agreesWithBruteForce), { numRuns: 1500 });
  }, 120_000);
  it('the generated inputs reach every answer: none, a crossing, a touch and a collinear overlap (the properties above are not vacuous)', () => {
    // the histograms' touches are the allowed ones (hole and ring at a corner): they must reach "none" among degeneracies
    for (const [name, arb, kinds] of [
      ['grid', gridRings(5), ['cross', 'none', 'overlap', 'touch']],
      ['histograms', stairRings, ['cross', 'none', 'overlap']],
      ['near', nearRings, ['cross', 'none', 'overlap', 'touch']],
    ] as const) {
      const seen = new Set<string>();
      for (const rings of fc.sample(arb, { numRuns: 400, seed: 1 })) {
        const all = findCrossingsBruteForce(rings);
        if (!all.length) seen.add('none');
        for (const c of all) seen.add(c.kind);
      }
      expect([...seen].sort(), name).toEqual(kinds);
    }
  });
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

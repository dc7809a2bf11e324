import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findCrossings, findCrossingsBruteForce, SearchBudgetExceeded } from './intersections';
import { combRing } from './shapes.fixture';

const key = (c: { a: { ring: number; i: number }; b: { ring: number; i: number }; kind: string }) =>
  `${c.a.ring}:${c.a.i}|${c.b.ring}:${c.b.i}|${c.kind}`;

/** Rings of 3–12 corners on a 6×6 integer grid: many shared points, collinear edges, touches and overlaps. */
const gridRings = fc.array(
  fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 })), { minLength: 3, maxLength: 12 }),
  { minLength: 1, maxLength: 3 },
);
/** Rings with real coordinates: general position. */
const realRings = fc.array(
  fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })), {
    minLength: 3,
    maxLength: 30,
  }),
  { minLength: 1, maxLength: 3 },
);

describe('findCrossings (flatbush index)', () => {
  it('finds exactly the meetings the all-pairs search finds, in the same order (degenerate grid rings)', () => {
    fc.assert(
      fc.property(gridRings, (rings) => {
        const r = rings as [number, number][][];
        expect(findCrossings(r, Infinity).map(key)).toEqual(findCrossingsBruteForce(r).map(key));
      }),
      { numRuns: 3000 },
    );
  });

  it('finds exactly the meetings the all-pairs search finds (real coordinates)', () => {
    fc.assert(
      fc.property(realRings, (rings) => {
        const r = rings as [number, number][][];
        expect(findCrossings(r, Infinity).map(key)).toEqual(findCrossingsBruteForce(r).map(key));
      }),
      { numRuns: 500 },
    );
  });

  it('stops after max findings, keeping the first ones', () => {
    const star: [number, number][] = Array.from({ length: 11 }, (_, i) => [
      Math.cos((i * 4 * Math.PI) / 11),
      Math.sin((i * 4 * Math.PI) / 11),
    ]);
    const all = findCrossingsBruteForce([star]);
    expect(all.length).toBeGreaterThan(5);
    expect(findCrossings([star], 5).map(key)).toEqual(all.slice(0, 5).map(key));
  });

  it('searches a 200,000-corner comb (the x-sweep’s quadratic case) in seconds', () => {
    for (const angleDeg of [0, 90]) {
      const ring = combRing(50_000, { angleDeg });
      expect(ring.length).toBe(200_002);
      const t = performance.now();
      expect(findCrossings([ring])).toEqual([]);
      expect(performance.now() - t).toBeLessThan(20_000); // ~1.5 s on an idle 2-core machine
    }
  }, 60_000);

  it('gives up with SearchBudgetExceeded, quickly, when boxes overlap quadratically (a comb turned 45°)', () => {
    const ring = combRing(5_000, { angleDeg: 45 });
    const t = performance.now();
    expect(() => findCrossings([ring])).toThrow(SearchBudgetExceeded);
    expect(performance.now() - t).toBeLessThan(10_000);
    // a crossing is still found when it comes before the budget runs out
    const bad = combRing(50, { angleDeg: 45 });
    [bad[3], bad[4]] = [bad[4], bad[3]];
    expect(findCrossings([bad]).length).toBeGreaterThan(0);
  }, 30_000);
});

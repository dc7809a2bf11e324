import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ellipsoidalAreaKm2 } from '../geodesy/area';
import { planRelinquishment } from './planner';
import { kmPoint, kmRect } from './test-fixtures';

describe('planRelinquishment — properties', () => {
  it('random rectangles in Shanxi-like latitudes, required fraction in (0.05, 0.5): every candidate meets the bounds', () => {
    fc.assert(
      fc.property(
        fc.record({
          lon: fc.double({ min: 110.5, max: 114.5, noNaN: true }),
          lat: fc.double({ min: 34.5, max: 40.7, noNaN: true }),
          w: fc.double({ min: 2, max: 40, noNaN: true }),
          h: fc.double({ min: 2, max: 40, noNaN: true }),
          frac: fc.double({ min: 0.05, max: 0.5, noNaN: true, minExcluded: true, maxExcluded: true }),
        }),
        ({ lon, lat, w, h, frac }) => {
          const block = kmRect(0, 0, w, h, lon, lat);
          const blockArea = ellipsoidalAreaKm2(block);
          const required = Math.round(frac * blockArea * 1e4) / 1e4; // requirements come to 4 decimals
          const plan = planRelinquishment({ block, required_km2: required });
          expect(plan.candidates.length).toBeGreaterThanOrEqual(1);
          for (const c of plan.candidates) {
            const a = ellipsoidalAreaKm2(c.geometry);
            expect(a).toBeGreaterThanOrEqual(required);
            expect(Number(a.toFixed(4))).toBeGreaterThanOrEqual(required);
            expect(a).toBeLessThanOrEqual(required * 1.005);
            expect(c.contiguous_retained).toBe(true);
            expect(Math.abs(a + ellipsoidalAreaKm2(c.retained) - blockArea)).toBeLessThan(1e-6);
          }
        },
      ),
      { numRuns: 40, seed: 20261124 },
    );
  }, 60_000);

  it('random reserve and producing well placement: the best candidate never takes more reserve area than the cleanest one', () => {
    fc.assert(
      fc.property(
        fc.record({
          rx: fc.double({ min: -2, max: 16, noNaN: true }),
          ry: fc.double({ min: -2, max: 11, noNaN: true }),
          wx: fc.double({ min: 0.5, max: 19.5, noNaN: true }),
          wy: fc.double({ min: 0.5, max: 14.5, noNaN: true }),
          frac: fc.double({ min: 0.05, max: 0.3, noNaN: true }),
        }),
        ({ rx, ry, wx, wy, frac }) => {
          const block = kmRect(0, 0, 20, 15);
          const required = Math.round(frac * ellipsoidalAreaKm2(block) * 1e4) / 1e4;
          const plan = planRelinquishment({
            block,
            required_km2: required,
            keep: { reserves: [kmRect(rx, ry, rx + 6, ry + 6)], wells: [{ id: 'P1', status: 'producing', coordinates: kmPoint(wx, wy) }] },
          });
          const [a, ...rest] = plan.candidates;
          for (const c of plan.candidates) {
            // proven-reserve area given up does not count (000:L3366): the counted area meets the requirement
            expect(c.counted_km2).toBeGreaterThanOrEqual(required);
            expect(c.counted_km2).toBeLessThanOrEqual(required * 1.005);
          }
          for (const c of rest) expect(c.score).toBeLessThanOrEqual(a.score);
          const clean = plan.candidates.filter((c) => c.touches.reserves_km2 === 0 && c.touches.producing_wells === 0);
          if (clean.length) expect(a.touches.reserves_km2 === 0 && a.touches.producing_wells === 0).toBe(true);
        },
      ),
      { numRuns: 25, seed: 7 },
    );
  }, 60_000);

  it('random star-shaped blocks (5–60 vertices, non-convex): bounds hold and relinquished + retained = block', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.3, max: 1, noNaN: true }), { minLength: 5, maxLength: 60 }),
        fc.double({ min: 0.05, max: 0.5, noNaN: true }),
        fc.double({ min: 0.02, max: 0.3, noNaN: true }),
        (radii, frac, size) => {
          const k = radii.length;
          const ring = radii.map((r, i) => {
            const a = (-2 * Math.PI * i) / k;
            return [112.5 + size * r * Math.cos(a) * 1.2, 36 + size * r * Math.sin(a)];
          });
          ring.push([...ring[0]]);
          const block = { type: 'Polygon' as const, coordinates: [ring] };
          const blockArea = ellipsoidalAreaKm2(block);
          const required = Math.round(frac * blockArea * 1e4) / 1e4;
          const plan = planRelinquishment({ block, required_km2: required });
          expect(plan.candidates.length).toBeGreaterThanOrEqual(1);
          for (const c of plan.candidates) {
            const a = ellipsoidalAreaKm2(c.geometry);
            expect(a).toBeGreaterThanOrEqual(required);
            expect(a).toBeLessThanOrEqual(required * 1.005);
            expect(Math.abs(a + ellipsoidalAreaKm2(c.retained) - blockArea)).toBeLessThan(1e-6);
          }
        },
      ),
      { numRuns: 30, seed: 1 },
    );
  }, 60_000);

  it('random protected rectangles (inside, across or along the block edge): bounds, additivity, finite coordinates', () => {
    fc.assert(
      fc.property(
        fc.record({
          x: fc.integer({ min: -4, max: 18 }),
          y: fc.integer({ min: -4, max: 13 }),
          w: fc.integer({ min: 1, max: 10 }),
          h: fc.integer({ min: 1, max: 10 }),
          frac: fc.double({ min: 0.1, max: 0.4, noNaN: true }),
        }),
        ({ x, y, w, h, frac }) => {
          const block = kmRect(0, 0, 20, 15);
          const blockArea = ellipsoidalAreaKm2(block);
          const required = Math.round(frac * blockArea * 1e4) / 1e4;
          const plan = planRelinquishment({
            block,
            required_km2: required,
            protected_counts_toward_required: true,
            deduct_first: [{ id: 'pa', collection: 'protected-areas', name: 'pa', geometry: kmRect(x, y, x + w, y + h) }],
          });
          expect(plan.warnings.map((wn) => wn.code)).not.toContain('PLANNER_CLIP_FAILED');
          expect(plan.candidates.length).toBeGreaterThanOrEqual(1);
          for (const c of plan.candidates) {
            const a = ellipsoidalAreaKm2(c.geometry);
            expect(a).toBeGreaterThanOrEqual(required);
            if (c.strategy !== 'protected-first' || plan.protected_km2 < required) expect(a).toBeLessThanOrEqual(required * 1.005);
            expect(Math.abs(a + ellipsoidalAreaKm2(c.retained) - blockArea)).toBeLessThan(1e-6);
            expect(c.corners.every((r) => Number.isFinite(r.lon) && Number.isFinite(r.lat))).toBe(true);
          }
        },
      ),
      { numRuns: 40, seed: 3 },
    );
  }, 60_000);
});

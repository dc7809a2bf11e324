/**
 * Self-intersection search over the rings of one polygon, O(n log n) on any shape:
 *   1. a Shamos–Hoey sweep (sweep.ts) decides whether any two segments meet in a way that is not allowed and
 *      finds one such meeting;
 *   2. only when there is one, the findings are listed in ring order for the error message (up to `max`): every
 *      segment's box goes into a static packed Hilbert R-tree (flatbush) and each segment tests the boxes that
 *      touch its own. That listing is bounded (listBudget box meetings, O(n)); on shapes whose boxes overlap
 *      quadratically (a comb turned 45°) it stops there and the sweep's finding is reported alone.
 * Reports which segments meet so the error can name the corners.
 */
import Flatbush from 'flatbush';
import { finding, ringSegments, type Crossing } from './segments';
import { sweepFirstCrossing } from './sweep';

export type { Crossing } from './segments';

/** Box meetings the listing may spend (each pair is met twice): far above any licence shape (3–6 per segment). */
export const listBudget = (segments: number) => 16 * segments + 500_000;

class BudgetSpent extends Error {}

/**
 * Invalid meetings among the segments of open rings (ring r lists its corners without the closing one, no two
 * equal consecutive corners): within a ring, non-adjacent segments may not meet and adjacent ones may not fold
 * back; between rings, segments may touch at a point but not cross or overlap. Empty when the rings are valid;
 * otherwise the first `max` findings in ring order of their first edge, or (when listing them would cost more
 * than `budget` box meetings) the one finding of the sweep.
 */
export function findCrossings(rings: [number, number][][], max = 10, budget?: number): Crossing[] {
  const first = sweepFirstCrossing(rings);
  if (!first) return [];
  const segs = ringSegments(rings);
  const ringSizes = rings.map((r) => r.length);
  const index = new Flatbush(segs.length);
  for (const s of segs) index.add(Math.min(s.ax, s.bx), Math.min(s.ay, s.by), Math.max(s.ax, s.bx), Math.max(s.ay, s.by));
  index.finish();
  const allowed = budget ?? listBudget(segs.length);
  let tests = 0;
  const out: Crossing[] = [];
  try {
    // Each pair is tested once, from its first segment, so findings come out in ring order of their first edge
    // (the order a reader walks the corners).
    for (let k = 0; k < segs.length && out.length < max; k++) {
      const s = segs[k];
      const found: number[] = index.search(Math.min(s.ax, s.bx), Math.min(s.ay, s.by), Math.max(s.ax, s.bx), Math.max(s.ay, s.by), (j) => {
        if (++tests > allowed) throw new BudgetSpent();
        return j > k;
      });
      const here: Crossing[] = [];
      for (const j of found) {
        const f = finding(s, segs[j], ringSizes);
        if (f) here.push(f);
      }
      here.sort((p, q) => p.b.ring - q.b.ring || p.b.i - q.b.i);
      out.push(...here.slice(0, max - out.length));
    }
  } catch (e) {
    if (!(e instanceof BudgetSpent)) throw e;
    return [first];
  }
  return out.length ? out : [first];
}

/** Every invalid meeting by testing all pairs (O(n²)); the reference the searches are tested against. */
export function findCrossingsBruteForce(rings: [number, number][][], max = Infinity): Crossing[] {
  const segs = ringSegments(rings);
  const ringSizes = rings.map((r) => r.length);
  const out: Crossing[] = [];
  for (let k = 0; k < segs.length; k++)
    for (let j = k + 1; j < segs.length; j++) {
      const f = finding(segs[k], segs[j], ringSizes);
      if (!f) continue;
      out.push(f);
      if (out.length >= max) return out;
    }
  return out;
}

/**
 * Segment intersection search over the rings of one polygon. Every segment's bounding box goes into a static
 * packed Hilbert R-tree (flatbush); each segment then asks the tree for the boxes that touch its own and tests
 * only those pairs exactly. Building is O(n log n) and each query O(log n + k), k the boxes met: on licence
 * shapes and on combs (many long edges spanning the same x range, quadratic for an x-sweep) k stays small.
 * Reports which segments meet so the error can name the corners.
 */
import Flatbush from 'flatbush';

export interface Segment {
  ring: number;
  /** Index of the segment's first vertex in its ring. */
  i: number;
  ax: number;
  ay: number;
  bx: number;
  by: number;
}

export interface Crossing {
  a: Segment;
  b: Segment;
  kind: 'cross' | 'touch' | 'overlap';
  at: [number, number];
}

const orient = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number) => {
  const v = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
  return v > 0 ? 1 : v < 0 ? -1 : 0;
};
const onSeg = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number) =>
  Math.min(ax, bx) <= cx && cx <= Math.max(ax, bx) && Math.min(ay, by) <= cy && cy <= Math.max(ay, by);

function classify(s: Segment, t: Segment): Crossing['kind'] | undefined {
  // Segments that meet have overlapping boxes; checking this first also keeps underflowing orientations
  // (coordinates near 1e-308) from calling far-apart segments collinear.
  if (
    Math.max(s.ax, s.bx) < Math.min(t.ax, t.bx) ||
    Math.max(t.ax, t.bx) < Math.min(s.ax, s.bx) ||
    Math.max(s.ay, s.by) < Math.min(t.ay, t.by) ||
    Math.max(t.ay, t.by) < Math.min(s.ay, s.by)
  )
    return undefined;
  const o1 = orient(s.ax, s.ay, s.bx, s.by, t.ax, t.ay);
  const o2 = orient(s.ax, s.ay, s.bx, s.by, t.bx, t.by);
  const o3 = orient(t.ax, t.ay, t.bx, t.by, s.ax, s.ay);
  const o4 = orient(t.ax, t.ay, t.bx, t.by, s.bx, s.by);
  const sPoint = s.ax === s.bx && s.ay === s.by;
  const tPoint = t.ax === t.bx && t.ay === t.by;
  if (sPoint || tPoint) {
    // A zero-length segment meets the other only where its point lies on it.
    const [p, q] = sPoint ? [s, t] : [t, s];
    return orient(q.ax, q.ay, q.bx, q.by, p.ax, p.ay) === 0 && onSeg(q.ax, q.ay, q.bx, q.by, p.ax, p.ay) ? 'touch' : undefined;
  }
  if (o1 === 0 && o2 === 0) {
    // Collinear: overlap if they share more than a point.
    const useX = s.ax !== s.bx;
    const [s0, s1] = useX ? [Math.min(s.ax, s.bx), Math.max(s.ax, s.bx)] : [Math.min(s.ay, s.by), Math.max(s.ay, s.by)];
    const [t0, t1] = useX ? [Math.min(t.ax, t.bx), Math.max(t.ax, t.bx)] : [Math.min(t.ay, t.by), Math.max(t.ay, t.by)];
    const lo = Math.max(s0, t0);
    const hi = Math.min(s1, t1);
    if (hi > lo) return 'overlap';
    if (hi === lo) return 'touch';
    return undefined;
  }
  if (o1 * o2 < 0 && o3 * o4 < 0) return 'cross';
  if (
    (o1 === 0 && onSeg(s.ax, s.ay, s.bx, s.by, t.ax, t.ay)) ||
    (o2 === 0 && onSeg(s.ax, s.ay, s.bx, s.by, t.bx, t.by)) ||
    (o3 === 0 && onSeg(t.ax, t.ay, t.bx, t.by, s.ax, s.ay)) ||
    (o4 === 0 && onSeg(t.ax, t.ay, t.bx, t.by, s.bx, s.by))
  )
    return 'touch';
  return undefined;
}

function meetPoint(s: Segment, t: Segment): [number, number] {
  const d = (s.bx - s.ax) * (t.by - t.ay) - (s.by - s.ay) * (t.bx - t.ax);
  if (d === 0) return [t.ax, t.ay];
  const u = ((t.ax - s.ax) * (t.by - t.ay) - (t.ay - s.ay) * (t.bx - t.ax)) / d;
  return [s.ax + u * (s.bx - s.ax), s.ay + u * (s.by - s.ay)];
}

/** How s and t (s before t in ring order) meet, when that meeting is not allowed; undefined when it is. */
function invalidMeeting(s: Segment, t: Segment, rings: [number, number][][]): Crossing['kind'] | undefined {
  const kind = classify(s, t);
  if (!kind) return undefined;
  if (s.ring === t.ring) {
    const n = rings[s.ring].length;
    const adjacent = (s.i + 1) % n === t.i || (t.i + 1) % n === s.i;
    if (adjacent && kind !== 'overlap') return undefined;
  } else if (kind === 'touch') return undefined;
  return kind;
}

/** Thrown when a shape needs more box meetings than the budget allows (see findCrossings). */
export class SearchBudgetExceeded extends Error {
  constructor(
    readonly segments: number,
    readonly budget: number,
  ) {
    super(`segment search needs more than ${budget} box meetings for ${segments} segments`);
    this.name = 'SearchBudgetExceeded';
  }
}

/**
 * Default number of box meetings over all queries (each pair is met twice): far above any licence shape
 * (3–6 per segment); a shape that exhausts it is refused within seconds instead of searched for minutes.
 */
export const pairBudget = (segments: number) => 16 * segments + 500_000;

/**
 * Invalid meetings between segments of open rings (no closing vertex; ring r has ringSizes[r] vertices):
 * within a ring, non-adjacent segments may not meet and adjacent ones may not fold back; between rings,
 * segments may touch at a point but not cross or overlap. Stops after `max` findings;
 * throws SearchBudgetExceeded after `budget` box meetings (default pairBudget(n)).
 */
export function findCrossings(rings: [number, number][][], max = 10, budget?: number): Crossing[] {
  const segs: Segment[] = [];
  rings.forEach((ring, r) => {
    const n = ring.length;
    for (let i = 0; i < n; i++) {
      const a = ring[i];
      const b = ring[(i + 1) % n];
      segs.push({ ring: r, i, ax: a[0], ay: a[1], bx: b[0], by: b[1] });
    }
  });
  const out: Crossing[] = [];
  if (segs.length < 2) return out;
  const index = new Flatbush(segs.length);
  for (const s of segs) index.add(Math.min(s.ax, s.bx), Math.min(s.ay, s.by), Math.max(s.ax, s.bx), Math.max(s.ay, s.by));
  index.finish();
  // Boxes of long parallel edges at an angle (a comb turned 45°) all overlap: the index then offers O(n²) pairs.
  // Count the exact tests and stop at the budget rather than run for minutes.
  const allowed = budget ?? pairBudget(segs.length);
  let tests = 0;
  // Segments in ring order; each pair is tested once, from its first segment, so the findings come out in
  // ring order of their first edge (the same order a reader walks the corners).
  for (let k = 0; k < segs.length && out.length < max; k++) {
    const s = segs[k];
    const found: number[] = index.search(Math.min(s.ax, s.bx), Math.min(s.ay, s.by), Math.max(s.ax, s.bx), Math.max(s.ay, s.by), (j) => {
      if (++tests > allowed) throw new SearchBudgetExceeded(segs.length, allowed);
      return j > k;
    });
    const here: Crossing[] = [];
    for (const j of found) {
      const t = segs[j];
      const kind = invalidMeeting(s, t, rings);
      if (kind) here.push({ a: s, b: t, kind, at: meetPoint(s, t) });
    }
    here.sort((p, q) => p.b.ring - q.b.ring || p.b.i - q.b.i);
    out.push(...here.slice(0, max - out.length));
  }
  return out;
}

/** Every invalid meeting by testing all pairs (O(n²)); the reference the index search is tested against. */
export function findCrossingsBruteForce(rings: [number, number][][], max = Infinity): Crossing[] {
  const segs: Segment[] = [];
  rings.forEach((ring, r) =>
    ring.forEach((a, i) => {
      const b = ring[(i + 1) % ring.length];
      segs.push({ ring: r, i, ax: a[0], ay: a[1], bx: b[0], by: b[1] });
    }),
  );
  const out: Crossing[] = [];
  for (let k = 0; k < segs.length; k++)
    for (let j = k + 1; j < segs.length; j++) {
      const s = segs[k];
      const t = segs[j];
      const kind = invalidMeeting(s, t, rings);
      if (!kind) continue;
      out.push({ a: s, b: t, kind, at: meetPoint(s, t) });
      if (out.length >= max) return out;
    }
  return out;
}

/**
 * The segments of a polygon's rings and the one rule for how two of them may meet, shared by the sweep
 * (server/geometry/sweep.ts), the index search that lists findings (intersections.ts) and the all-pairs reference.
 * Orientation is exact (Shewchuk's adaptive predicates), so the sweep's order and these tests never disagree.
 */
import { orient2d } from 'robust-predicates';

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

/** +1 when c lies left of the directed line a→b, −1 right, 0 on it (exact). */
export const orient = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number) => {
  const v = orient2d(ax, ay, bx, by, cx, cy);
  return v < 0 ? 1 : v > 0 ? -1 : 0;
};
const onSeg = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number) =>
  Math.min(ax, bx) <= cx && cx <= Math.max(ax, bx) && Math.min(ay, by) <= cy && cy <= Math.max(ay, by);

/** The segments of open rings (no closing vertex), ring by ring in ring order. */
export function ringSegments(rings: [number, number][][]): Segment[] {
  const segs: Segment[] = [];
  rings.forEach((ring, r) => {
    const n = ring.length;
    for (let i = 0; i < n; i++) {
      const a = ring[i];
      const b = ring[(i + 1) % n];
      segs.push({ ring: r, i, ax: a[0], ay: a[1], bx: b[0], by: b[1] });
    }
  });
  return segs;
}

/** How two closed segments meet: a proper crossing, a touch at one point (an endpoint), a collinear overlap, or not. */
export function classify(s: Segment, t: Segment): Crossing['kind'] | undefined {
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

/** Where s and t meet (their crossing; for a touch or overlap a shared point). */
export function meetPoint(s: Segment, t: Segment): [number, number] {
  const d = (s.bx - s.ax) * (t.by - t.ay) - (s.by - s.ay) * (t.bx - t.ax);
  if (d === 0) {
    // collinear: the first endpoint of either lying on the other
    for (const [x, y, o] of [
      [t.ax, t.ay, s],
      [t.bx, t.by, s],
      [s.ax, s.ay, t],
      [s.bx, s.by, t],
    ] as const)
      if (onSeg(o.ax, o.ay, o.bx, o.by, x, y)) return [x, y];
    return [t.ax, t.ay];
  }
  const u = ((t.ax - s.ax) * (t.by - t.ay) - (t.ay - s.ay) * (t.bx - t.ax)) / d;
  return [s.ax + u * (s.bx - s.ax), s.ay + u * (s.by - s.ay)];
}

/**
 * How s and t (s before t in ring order) meet, when that meeting is not allowed; undefined when it is.
 * Within a ring non-adjacent segments may not meet at all and adjacent ones may not fold back onto each other;
 * segments of different rings may touch at a point but not cross or overlap.
 */
export function invalidMeeting(s: Segment, t: Segment, ringSizes: readonly number[]): Crossing['kind'] | undefined {
  const kind = classify(s, t);
  if (!kind) return undefined;
  if (s.ring === t.ring) {
    const n = ringSizes[s.ring];
    const adjacent = (s.i + 1) % n === t.i || (t.i + 1) % n === s.i;
    if (adjacent && kind !== 'overlap') return undefined;
  } else if (kind === 'touch') return undefined;
  return kind;
}

/** s before t in ring order. */
export const ringOrder = (s: Segment, t: Segment) => s.ring - t.ring || s.i - t.i;

/** The invalid meeting of two segments as a finding (earlier segment first), or undefined when allowed. */
export function finding(s: Segment, t: Segment, ringSizes: readonly number[]): Crossing | undefined {
  if (s === t) return undefined;
  const [a, b] = ringOrder(s, t) <= 0 ? [s, t] : [t, s];
  const kind = invalidMeeting(a, b, ringSizes);
  return kind ? { a, b, kind, at: meetPoint(a, b) } : undefined;
}

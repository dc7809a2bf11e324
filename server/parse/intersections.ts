/**
 * Segment intersection search over the rings of one polygon (sweep-and-prune on x, near n log n for licence
 * shapes). Reports which segments meet so the error can name the corners.
 */
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
  const o1 = orient(s.ax, s.ay, s.bx, s.by, t.ax, t.ay);
  const o2 = orient(s.ax, s.ay, s.bx, s.by, t.bx, t.by);
  const o3 = orient(t.ax, t.ay, t.bx, t.by, s.ax, s.ay);
  const o4 = orient(t.ax, t.ay, t.bx, t.by, s.bx, s.by);
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

/**
 * Invalid meetings between segments of open rings (no closing vertex; ring r has ringSizes[r] vertices):
 * within a ring, non-adjacent segments may not meet and adjacent ones may not fold back; between rings,
 * segments may touch at a point but not cross or overlap. Stops after `max` findings.
 */
export function findCrossings(rings: [number, number][][], max = 10): Crossing[] {
  const segs: Segment[] = [];
  rings.forEach((ring, r) => {
    const n = ring.length;
    for (let i = 0; i < n; i++) {
      const a = ring[i];
      const b = ring[(i + 1) % n];
      segs.push({ ring: r, i, ax: a[0], ay: a[1], bx: b[0], by: b[1] });
    }
  });
  const minX = segs.map((s) => Math.min(s.ax, s.bx));
  const order = segs.map((_, k) => k).sort((p, q) => minX[p] - minX[q]);
  const out: Crossing[] = [];
  let active: number[] = [];
  for (const k of order) {
    const s = segs[k];
    const x0 = minX[k];
    active = active.filter((j) => Math.max(segs[j].ax, segs[j].bx) >= x0);
    const sMinY = Math.min(s.ay, s.by);
    const sMaxY = Math.max(s.ay, s.by);
    for (const j of active) {
      const t = segs[j];
      if (Math.max(t.ay, t.by) < sMinY || Math.min(t.ay, t.by) > sMaxY) continue;
      const kind = classify(s, t);
      if (!kind) continue;
      if (s.ring === t.ring) {
        const n = rings[s.ring].length;
        const adjacent = (s.i + 1) % n === t.i || (t.i + 1) % n === s.i;
        if (adjacent && kind !== 'overlap') continue;
      } else if (kind === 'touch') continue;
      const [a, b] = s.ring < t.ring || (s.ring === t.ring && s.i < t.i) ? [s, t] : [t, s];
      out.push({ a, b, kind, at: meetPoint(a, b) });
      if (out.length >= max) return out;
    }
    active.push(k);
  }
  return out;
}

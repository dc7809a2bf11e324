/**
 * Does any pair of a polygon's segments meet in a way that is not allowed? A Shamos–Hoey sweep (Bentley–Ottmann
 * stopped at the first finding), O(n log n) on any shape, in exact orientation arithmetic.
 *
 * Events are the distinct segment endpoints in (x, y) order; a segment runs from its smaller endpoint L to its
 * larger R (a vertical one upwards). The status holds the segments the sweep is inside, bottom to top, in a
 * balanced tree (treap). Allowed meetings (adjacent edges at their shared corner; rings touching at a point) all
 * happen at endpoints, i.e. at events, and every event looks at all segments through its point:
 *   - U(p) segments starting at p, L(p) ending at p (from the event list), C(p) passing through p (found in the
 *     status: those with p on them are contiguous there);
 *   - two of C(p): they cross or overlap at p; C(p) against U(p) ∪ L(p): a corner on another edge;
 *   - a ring with two corners at p: its edges there meet in a forbidden way (touch or fold back);
 *   - after removing L(p) and inserting U(p): the segments through p with the one below and the one above,
 *     neighbour by neighbour (overlaps among U(p) are neighbours there).
 * Every meeting that is not at an event is a proper crossing; its two segments are neighbours just before it and
 * were tested when they became neighbours (de Berg et al., Computational Geometry, lemma 2.1). The sweep stops at
 * the first forbidden meeting, so the status never holds crossing segments and its order stays consistent.
 */
import { finding, orient, ringSegments, type Crossing, type Segment } from './segments';
import { Treap } from './treap';

interface SweepSeg {
  seg: Segment;
  /** Position in ringSegments order (tie-break of the order, lookup by ring and corner). */
  k: number;
  lx: number;
  ly: number;
  rx: number;
  ry: number;
}

const before = (ax: number, ay: number, bx: number, by: number) => ax < bx || (ax === bx && ay < by);

/** Order of two segments the sweep is inside, bottom to top, where a.L is not after b.L. */
function belowFirst(a: SweepSeg, b: SweepSeg): number {
  // b.L lies within a's x-range (both are in the status): which side of a's line it is on; if on it, b.R's side.
  const o = orient(a.lx, a.ly, a.rx, a.ry, b.lx, b.ly) || orient(a.lx, a.ly, a.rx, a.ry, b.rx, b.ry);
  return o > 0 ? -1 : o < 0 ? 1 : a.k - b.k;
}
const compare = (a: SweepSeg, b: SweepSeg) => (a === b ? 0 : before(b.lx, b.ly, a.lx, a.ly) ? -belowFirst(b, a) : belowFirst(a, b));

/**
 * The first forbidden meeting the sweep meets among the segments of open rings (no closing corner, no two equal
 * consecutive corners, ≥ 3 corners each), or undefined when there is none.
 */
export function sweepFirstCrossing(rings: [number, number][][]): Crossing | undefined {
  const ringSizes = rings.map((r) => r.length);
  const ringStart: number[] = [];
  let total = 0;
  for (const n of ringSizes) {
    ringStart.push(total);
    total += n;
  }
  const segs: SweepSeg[] = ringSegments(rings).map((seg, k) => {
    const aFirst = before(seg.ax, seg.ay, seg.bx, seg.by);
    return aFirst ? { seg, k, lx: seg.ax, ly: seg.ay, rx: seg.bx, ry: seg.by } : { seg, k, lx: seg.bx, ly: seg.by, rx: seg.ax, ry: seg.ay };
  });
  if (segs.length < 2) return undefined;

  // Events are corners (segment k starts at corner k of the global numbering and ends at the next corner of
  // its ring), sorted by point; equal points are one event.
  const n = segs.length;
  const vx = new Float64Array(n);
  const vy = new Float64Array(n);
  segs.forEach((s, k) => {
    vx[k] = s.seg.ax;
    vy[k] = s.seg.ay;
  });
  const order = new Uint32Array(n);
  for (let k = 0; k < n; k++) order[k] = k;
  order.sort((a, b) => vx[a] - vx[b] || vy[a] - vy[b]);
  /** The segment ending at corner k of the global numbering (its ring's previous segment). */
  const prevSeg = (k: number) => {
    const r = segs[k].seg.ring;
    return segs[k === ringStart[r] ? ringStart[r] + ringSizes[r] - 1 : k - 1];
  };

  const status = new Treap<SweepSeg>(compare);
  const test = (s: SweepSeg | undefined, t: SweepSeg | undefined) => (s && t ? finding(s.seg, t.seg, ringSizes) : undefined);
  const cornerAt = (s: SweepSeg) => (s.seg.ax === px && s.seg.ay === py ? s.seg.i : (s.seg.i + 1) % ringSizes[s.seg.ring]);
  const edgesAtCorner = (ring: number, i: number) => {
    const m = ringSizes[ring];
    return [segs[ringStart[ring] + ((i + m - 1) % m)], segs[ringStart[ring] + i]];
  };
  /** Two different corners of one ring at p: some two of their four edges meet in a forbidden way. */
  const sameRingCorners = (ring: number, c1: number, c2: number) => {
    const edges = [...edgesAtCorner(ring, c1), ...edgesAtCorner(ring, c2)];
    for (let i = 0; i < edges.length; i++)
      for (let j = i + 1; j < edges.length; j++) {
        const f = test(edges[i], edges[j]);
        if (f) return f;
      }
    return undefined;
  };
  // The event point, and which side of it a segment in the status lies: below (−1), through it (0), above (+1).
  let px = 0;
  let py = 0;
  const side = (s: SweepSeg) => -orient(s.lx, s.ly, s.rx, s.ry, px, py);
  const atP: SweepSeg[] = []; // segments with an endpoint at p
  let starts: number; // atP[0, starts) start at p, the rest end there
  const through: SweepSeg[] = [];
  const chain: SweepSeg[] = [];
  const ringsAtP: number[] = [];
  const corners: number[] = [];

  for (let e = 0; e < n;) {
    px = vx[order[e]];
    py = vy[order[e]];
    atP.length = 0;
    const first = e;
    for (; e < n && vx[order[e]] === px && vy[order[e]] === py; e++) {
      const s = segs[order[e]];
      if (s.lx === px && s.ly === py) atP.push(s);
      const t = prevSeg(order[e]);
      if (t.lx === px && t.ly === py) atP.push(t);
    }
    starts = atP.length;
    for (let f = first; f < e; f++) {
      const s = segs[order[f]];
      if (s.rx === px && s.ry === py) atP.push(s);
      const t = prevSeg(order[f]);
      if (t.rx === px && t.ry === py) atP.push(t);
    }

    // Segments passing through p (in the status, p on them, not ending there): two of them meet at p, and one
    // meets every segment with an endpoint at p.
    through.length = 0;
    status.at(side, through);
    let c: SweepSeg | undefined;
    for (const s of through) {
      if (s.rx === px && s.ry === py) continue;
      const f = test(c, s);
      if (f) return f;
      c = s;
      for (const x of atP) {
        const g = test(s, x);
        if (g) return g;
      }
    }
    // A ring with two different corners at p.
    ringsAtP.length = 0;
    corners.length = 0;
    for (const x of atP) {
      const corner = cornerAt(x);
      const r = ringsAtP.indexOf(x.seg.ring);
      if (r < 0) {
        ringsAtP.push(x.seg.ring);
        corners.push(corner);
      } else if (corners[r] !== corner) {
        const f = sameRingCorners(x.seg.ring, corners[r], corner);
        if (f) return f;
      }
    }

    for (let i = starts; i < atP.length; i++) status.remove(atP[i]);
    for (let i = 0; i < starts; i++) status.insert(atP[i]);

    // New neighbours: the segment below p, those through p in order, the segment above.
    chain.length = 0;
    const below = status.below(side);
    if (below) chain.push(below);
    status.at(side, chain);
    const above = status.above(side);
    if (above) chain.push(above);
    for (let i = 1; i < chain.length; i++) {
      const f = test(chain[i - 1], chain[i]);
      if (f) return f;
    }
  }
  return undefined;
}

// Helpers for the synthetic demo-data generator (data/generate-demo.ts).
// Deterministic: no Math.random, no Date.now.
import { geodesicDistanceM, polygonAreaM2, ringAreaM2 } from '../../server/geodesy/area';

export { ringAreaM2 };

export type Pos = [number, number];
export type Ring = Pos[];
export type Poly = Ring[];
export type MultiPoly = Poly[];

/** mulberry32: small, fast, fixed-seed 32-bit PRNG. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return function () {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Rng {
  private r: () => number;
  constructor(seed: number) {
    this.r = mulberry32(seed);
  }
  next(): number {
    return this.r();
  }
  uniform(a: number, b: number): number {
    return a + (b - a) * this.r();
  }
  int(a: number, b: number): number {
    // inclusive
    return a + Math.floor(this.r() * (b - a + 1));
  }
  pick<T>(arr: readonly T[]): T {
    return arr[Math.floor(this.r() * arr.length)];
  }
  normal(): number {
    const u = Math.max(this.r(), 1e-12);
    const v = this.r();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let x = this.r() * total;
    for (const [v, w] of items) {
      x -= w;
      if (x < 0) return v;
    }
    return items[items.length - 1][0];
  }
}

/** Ellipsoidal area (km²) of a polygon, holes subtracted — the service's own measure (server/geodesy/area). */
export function polyAreaKm2(poly: Poly): number {
  return polygonAreaM2(poly) / 1e6;
}

export function multiAreaKm2(mp: MultiPoly): number {
  return mp.reduce((s, p) => s + polyAreaKm2(p), 0);
}

/** Geodesic length (km) of a line of [lon, lat]. */
export function lineLengthKm(line: Pos[]): number {
  let s = 0;
  for (let i = 1; i < line.length; i++) s += geodesicDistanceM(line[i - 1], line[i]);
  return s / 1000;
}

export const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

/** Signed planar (lon/lat) shoelace area; > 0 means counter-clockwise. */
export function signedArea(ring: Ring): number {
  let s = 0;
  for (let i = 0; i < ring.length - 1; i++) s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return s / 2;
}

/** Round to 6 decimals, drop consecutive duplicates, close, orient (exterior CCW, holes CW). */
export function cleanPoly(poly: Poly): Poly {
  return poly.map((ring, idx) => {
    const out: Ring = [];
    for (const p of ring) {
      const q: Pos = [round6(p[0]), round6(p[1])];
      const prev = out[out.length - 1];
      if (!prev || prev[0] !== q[0] || prev[1] !== q[1]) out.push(q);
    }
    if (out.length > 1 && out[0][0] === out[out.length - 1][0] && out[0][1] === out[out.length - 1][1]) out.pop();
    out.push([out[0][0], out[0][1]]);
    const sa = signedArea(out);
    if ((idx === 0 && sa < 0) || (idx > 0 && sa > 0)) out.reverse();
    return out;
  });
}

export const KM_PER_DEG_LAT = 110.95;
export const kmPerDegLon = (lat: number): number => 111.32 * Math.cos((lat * Math.PI) / 180);

/** Offset (dxKm east, dyKm north) from a centre to lon/lat. */
export function offset(c: Pos, dxKm: number, dyKm: number): Pos {
  return [c[0] + dxKm / kmPerDegLon(c[1]), c[1] + dyKm / KM_PER_DEG_LAT];
}

/**
 * A rectilinear "licence block" ring (edges along meridians/parallels) with corner notches,
 * 6-20 corners, centred on c, roughly w × h km. Notches are cut at the four corners (staircase),
 * which keeps the polygon simple.
 */
export function rectilinearBlock(rng: Rng, c: Pos, wKm: number, hKm: number, maxNotches = 4): Ring {
  const hw = wKm / 2;
  const hh = hKm / 2;
  // corners in local km: go CCW starting bottom-left; each corner may be replaced by a notch (2 extra vertices)
  const corners: [number, number, number, number][] = [
    // x, y, sx (direction of inward x), sy (inward y)
    [-hw, -hh, 1, 1],
    [hw, -hh, -1, 1],
    [hw, hh, -1, -1],
    [-hw, hh, 1, -1],
  ];
  const notchCount = rng.int(1, maxNotches);
  const notched = new Set<number>();
  while (notched.size < notchCount) notched.add(rng.int(0, 3));
  const pts: [number, number][] = [];
  corners.forEach(([x, y, sx, sy], i) => {
    if (!notched.has(i)) {
      pts.push([x, y]);
      return;
    }
    const nx = wKm * rng.uniform(0.12, 0.35);
    const ny = hKm * rng.uniform(0.12, 0.35);
    const twoStep = rng.next() < 0.35;
    // CCW order around the rectangle: BL -> BR -> TR -> TL. At each corner the incoming edge
    // direction determines vertex order.
    // incoming edges: BL from left edge (going down), BR from bottom edge (going right), TR from right edge (up), TL from top edge (left)
    const a: [number, number][] = [];
    if (!twoStep) {
      // replace corner (x,y) with: point on incoming edge, inner corner, point on outgoing edge
      const inner: [number, number] = [x + sx * nx, y + sy * ny];
      if (i === 0 || i === 2) {
        // incoming edge vertical (x fixed), outgoing horizontal
        a.push([x, y + sy * ny], inner, [x + sx * nx, y]);
      } else {
        a.push([x + sx * nx, y], inner, [x, y + sy * ny]);
      }
    } else {
      const nx2 = nx * rng.uniform(0.35, 0.65);
      const ny2 = ny * rng.uniform(0.35, 0.65);
      if (i === 0 || i === 2) {
        a.push([x, y + sy * ny], [x + sx * nx2, y + sy * ny], [x + sx * nx2, y + sy * ny2], [x + sx * nx, y + sy * ny2], [x + sx * nx, y]);
      } else {
        a.push([x + sx * nx, y], [x + sx * nx, y + sy * ny2], [x + sx * nx2, y + sy * ny2], [x + sx * nx2, y + sy * ny], [x, y + sy * ny]);
      }
    }
    pts.push(...a);
  });
  // optional edge step on top or bottom edge (a "jog"): insert between TR/TL handled by keeping simple
  const ring: Ring = pts.map(([x, y]) => offset(c, x, y));
  ring.push([ring[0][0], ring[0][1]]);
  return ring;
}

/** Scale a ring about centre c (in lon/lat) by factor s. */
export function scaleRing(ring: Ring, c: Pos, s: number): Ring {
  return ring.map(([x, y]) => [c[0] + (x - c[0]) * s, c[1] + (y - c[1]) * s] as Pos);
}

/** Scale a single-ring polygon about its bbox centre until its ellipsoidal area matches targetKm2. */
export function fitArea(ring: Ring, targetKm2: number): Ring {
  const bb = bboxOf([ring]);
  const c: Pos = [(bb[0] + bb[2]) / 2, (bb[1] + bb[3]) / 2];
  let r = ring;
  for (let k = 0; k < 6; k++) {
    const a = ringAreaM2(r.map(([x, y]) => [round6(x), round6(y)] as Pos)) / 1e6;
    const s = Math.sqrt(targetKm2 / a);
    if (Math.abs(s - 1) < 1e-9) break;
    r = scaleRing(r, c, s);
  }
  return r;
}

export function bboxOf(poly: Poly): [number, number, number, number] {
  let a = Infinity,
    b = Infinity,
    c = -Infinity,
    d = -Infinity;
  for (const ring of poly)
    for (const [x, y] of ring) {
      if (x < a) a = x;
      if (y < b) b = y;
      if (x > c) c = x;
      if (y > d) d = y;
    }
  return [a, b, c, d];
}

export function bboxOverlap(p: number[], q: number[], padDeg = 0): boolean {
  return !(p[2] + padDeg < q[0] || q[2] + padDeg < p[0] || p[3] + padDeg < q[1] || q[3] + padDeg < p[1]);
}

/**
 * Irregular, natural-looking star-shaped ring: r(θ) = R·(1 + Σ harmonics), nVert vertices.
 * Star-shaped around the centre with monotone θ, so it never self-intersects.
 * stretch/rot deform it affinely (still simple).
 */
export function blobRadii(rng: Rng, nVert: number, rough = 1): number[] {
  const harmonics: [number, number, number][] = [];
  for (let k = 2; k <= 24; k++) {
    const amp = (rng.uniform(0.3, 1) * 0.35 * rough) / Math.pow(k, 1.15);
    harmonics.push([k, amp, rng.uniform(0, 2 * Math.PI)]);
  }
  const rs: number[] = [];
  for (let i = 0; i < nVert; i++) {
    const t = (2 * Math.PI * i) / nVert;
    let r = 1;
    for (const [k, amp, ph] of harmonics) r += amp * Math.sin(k * t + ph);
    r += rng.uniform(-0.012, 0.012) * rough;
    rs.push(Math.max(0.35, r));
  }
  return rs;
}

export function blobRing(c: Pos, radiusKm: number, radii: number[], stretch = 1, rotDeg = 0, scale = 1): Ring {
  const n = radii.length;
  const rot = (rotDeg * Math.PI) / 180;
  const ring: Ring = [];
  for (let i = 0; i < n; i++) {
    const t = (2 * Math.PI * i) / n;
    const r = radiusKm * radii[i] * scale;
    const lx = r * Math.cos(t) * stretch;
    const ly = (r * Math.sin(t)) / stretch;
    const x = lx * Math.cos(rot) - ly * Math.sin(rot);
    const y = lx * Math.sin(rot) + ly * Math.cos(rot);
    ring.push(offset(c, x, y));
  }
  ring.push([ring[0][0], ring[0][1]]);
  return ring;
}

/** Date helpers on YYYY-MM-DD strings (UTC, deterministic). */
export function addDays(d: string, n: number): string {
  const t = Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10)) + n * 86400000;
  return new Date(t).toISOString().slice(0, 10);
}
export function addYears(d: string, n: number): string {
  const y = +d.slice(0, 4) + n;
  let md = d.slice(4);
  if (md === '-02-29') md = '-02-28';
  return `${y}${md}`;
}
export function dayDiff(a: string, b: string): number {
  const ta = Date.UTC(+a.slice(0, 4), +a.slice(5, 7) - 1, +a.slice(8, 10));
  const tb = Date.UTC(+b.slice(0, 4), +b.slice(5, 7) - 1, +b.slice(8, 10));
  return Math.round((tb - ta) / 86400000);
}
export function randomDate(rng: Rng, from: string, to: string): string {
  return addDays(from, rng.int(0, Math.max(0, dayDiff(from, to))));
}

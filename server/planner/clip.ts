/**
 * Axis-aligned cut regions and a fast area evaluator used inside the bisection.
 *
 * The bisection needs the area of `block ∩ region(s)` dozens of times per strategy; a Turf
 * (polyclip-ts) intersection costs ~4 ms on a 200-vertex block (engineering.md §C3), so the search
 * uses Sutherland–Hodgman clipping of each ring against the (convex) region plus geodesic ring area;
 * crossings are put on the geodesic edges, as ./snap does to the Turf result.
 * For a connected clip result that area is the area of the Turf result; when the clip falls apart into
 * several pieces, S–H joins them with zero-width runs along the cut line and the geodesic area can differ
 * by a few m². The planner therefore re-measures the real Turf clip and refines with it when needed.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { ringSignedAreaM2 } from '../geodesy/area';
import { geodesicEdgeCrossing } from './snap';

/** A convex lon/lat box; undefined sides are open (unbounded). */
export interface CutRegion {
  lonMin?: number;
  lonMax?: number;
  latMin?: number;
  latMax?: number;
}

export type BBox = [number, number, number, number];

export function bboxOf(geom: Polygon | MultiPolygon): BBox {
  let minX = Infinity,
    minY = Infinity,
    maxX = -Infinity,
    maxY = -Infinity;
  const polys = geom.type === 'Polygon' ? [geom.coordinates] : geom.coordinates;
  for (const rings of polys) {
    for (const [x, y] of rings[0] ?? []) {
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  return [minX, minY, maxX, maxY];
}

export function bboxesIntersect(a: BBox, b: BBox): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

/** The region as a closed rectangle Polygon, open sides replaced by `frame` grown by a margin. */
export function regionPolygon(region: CutRegion, frame: BBox): Polygon {
  const m = Math.max(frame[2] - frame[0], frame[3] - frame[1], 0.01);
  const x0 = region.lonMin ?? frame[0] - m;
  const x1 = region.lonMax ?? frame[2] + m;
  const y0 = region.latMin ?? frame[1] - m;
  const y1 = region.latMax ?? frame[3] + m;
  return {
    type: 'Polygon',
    coordinates: [
      [
        [x0, y0],
        [x1, y0],
        [x1, y1],
        [x0, y1],
        [x0, y0],
      ],
    ],
  };
}

/** One Sutherland–Hodgman pass: keep the part of an open ring with coord[axis] ≤ v (le) or ≥ v. */
function clipRingHalf(ring: Position[], axis: 0 | 1, v: number, le: boolean): Position[] {
  const out: Position[] = [];
  const n = ring.length;
  if (n === 0) return out;
  const inside = (p: Position) => (le ? p[axis] <= v : p[axis] >= v);
  let prev = ring[n - 1];
  let prevIn = inside(prev);
  for (let i = 0; i < n; i++) {
    const cur = ring[i];
    const curIn = inside(cur);
    if (curIn !== prevIn) {
      out.push(geodesicEdgeCrossing(prev, cur, axis, v));
    }
    if (curIn) out.push(cur);
    prev = cur;
    prevIn = curIn;
  }
  return out;
}

export function clipRing(ring: Position[], region: CutRegion): Position[] {
  let r = ring;
  if (region.lonMax !== undefined) r = clipRingHalf(r, 0, region.lonMax, true);
  if (region.lonMin !== undefined && r.length) r = clipRingHalf(r, 0, region.lonMin, false);
  if (region.latMax !== undefined && r.length) r = clipRingHalf(r, 1, region.latMax, true);
  if (region.latMin !== undefined && r.length) r = clipRingHalf(r, 1, region.latMin, false);
  return r;
}

/** Open rings with their orientation, prepared once per geometry. */
export interface PreparedArea {
  rings: { ring: Position[]; sign: number; hole: boolean; bbox: BBox }[];
}

function openRing(ring: Position[]): Position[] {
  const n = ring.length;
  if (n > 1 && ring[0][0] === ring[n - 1][0] && ring[0][1] === ring[n - 1][1]) return ring.slice(0, n - 1);
  return ring.slice();
}

export function prepareArea(geom: Polygon | MultiPolygon): PreparedArea {
  const polys = geom.type === 'Polygon' ? [geom.coordinates] : geom.coordinates;
  const rings: PreparedArea['rings'] = [];
  for (const poly of polys) {
    poly.forEach((r, i) => {
      const ring = openRing(r);
      const s = ringSignedAreaM2(ring);
      const bbox = bboxOf({ type: 'Polygon', coordinates: [ring] });
      rings.push({ ring, sign: s < 0 ? -1 : 1, hole: i > 0, bbox });
    });
  }
  return { rings };
}

function regionContainsBBox(region: CutRegion, b: BBox): boolean {
  return (
    (region.lonMin === undefined || b[0] >= region.lonMin) &&
    (region.lonMax === undefined || b[2] <= region.lonMax) &&
    (region.latMin === undefined || b[1] >= region.latMin) &&
    (region.latMax === undefined || b[3] <= region.latMax)
  );
}

function regionMissesBBox(region: CutRegion, b: BBox): boolean {
  return (
    (region.lonMin !== undefined && b[2] <= region.lonMin) ||
    (region.lonMax !== undefined && b[0] >= region.lonMax) ||
    (region.latMin !== undefined && b[3] <= region.latMin) ||
    (region.latMax !== undefined && b[1] >= region.latMax)
  );
}

/** Ellipsoidal area (km²) of `geom ∩ region`, fast and approximate (see the module note). */
export function clippedAreaKm2(prep: PreparedArea, region: CutRegion, cache?: Map<Position[], number>): number {
  let m2 = 0;
  for (const { ring, sign, hole, bbox } of prep.rings) {
    if (regionMissesBBox(region, bbox)) continue;
    let a: number;
    if (regionContainsBBox(region, bbox)) {
      const c = cache?.get(ring);
      a = c ?? sign * ringSignedAreaM2(ring);
      if (c === undefined) cache?.set(ring, a);
    } else {
      a = sign * ringSignedAreaM2(clipRing(ring, region));
    }
    m2 += hole ? -a : a;
  }
  return m2 / 1e6;
}

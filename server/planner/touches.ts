/**
 * What a candidate relinquished area takes away from the things the holder wants to keep:
 * proven-reserve area, wells (producing ones separately) and pipeline length.
 * Everything is bbox-prefiltered before any Turf clip (engineering.md §C3).
 */
import { intersect, featureCollection, feature, union } from '@turf/turf';
import type { LineString, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import { ellipsoidalAreaKm2, geodesicDistanceM } from '../geodesy/area';
import { bboxOf, bboxesIntersect, type BBox } from './clip';

export type Areal = Polygon | MultiPolygon;

export interface WellInput {
  id: string;
  status: string;
  coordinates: [number, number];
}

/** Producing statuses (DB 14/T 2053—2020 vocabulary and English). Long-stopped/abandoned/plugged are not producing. */
export function isProducingStatus(status: string): boolean {
  const s = status.trim().toLowerCase();
  if (/non-?produc|not produc|stop|inactive|abandon|plug|shut|停|废弃|封/.test(s)) return false;
  return /produc|生产|在产|排采|试采|采气/.test(s);
}

export function safeIntersect(a: Areal, b: Areal): Areal | null {
  if (!bboxesIntersect(bboxOf(a), bboxOf(b))) return null;
  const r = intersect(featureCollection([feature(a), feature(b)]));
  return r ? r.geometry : null;
}

export function safeUnion(geoms: Areal[]): Areal | null {
  if (geoms.length === 0) return null;
  if (geoms.length === 1) return geoms[0];
  const r = union(featureCollection(geoms.map((g) => feature(g))));
  return r ? r.geometry : null;
}

/** Union of the parts of `features` that fall inside `clipTo` (bbox-prefiltered). */
export function clipAndUnion(features: Areal[], clipTo: Areal): Areal | null {
  const box = bboxOf(clipTo);
  const parts: Areal[] = [];
  for (const f of features) {
    if (!bboxesIntersect(bboxOf(f), box)) continue;
    const c = safeIntersect(f, clipTo);
    if (c && ellipsoidalAreaKm2(c) > 0) parts.push(c);
  }
  return safeUnion(parts);
}

function ringsOf(geom: Areal): Position[][] {
  return geom.type === 'Polygon' ? geom.coordinates : geom.coordinates.flat();
}

/** Even–odd point-in-polygon over every ring; points on an edge count as inside. */
export function pointInAreal(p: Position, geom: Areal): boolean {
  let inside = false;
  for (const ring of ringsOf(geom)) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      // on-edge test
      const cross = (xj - xi) * (p[1] - yi) - (yj - yi) * (p[0] - xi);
      if (
        Math.abs(cross) < 1e-14 &&
        p[0] >= Math.min(xi, xj) - 1e-12 &&
        p[0] <= Math.max(xi, xj) + 1e-12 &&
        p[1] >= Math.min(yi, yj) - 1e-12 &&
        p[1] <= Math.max(yi, yj) + 1e-12
      )
        return true;
      if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/** Parameters t ∈ (0,1) where segment a→b crosses segment c→d (planar lon/lat). */
function crossingT(a: Position, b: Position, c: Position, d: Position): number | null {
  const rx = b[0] - a[0],
    ry = b[1] - a[1];
  const sx = d[0] - c[0],
    sy = d[1] - c[1];
  const den = rx * sy - ry * sx;
  if (den === 0) return null;
  const qx = c[0] - a[0],
    qy = c[1] - a[1];
  const t = (qx * sy - qy * sx) / den;
  const u = (qx * ry - qy * rx) / den;
  if (t <= 0 || t >= 1 || u < 0 || u > 1) return null;
  return t;
}

/** Geodesic length (km) of the parts of the lines that lie inside `geom`. */
export function lengthInsideKm(lines: (LineString | MultiLineString)[], geom: Areal): number {
  const box = bboxOf(geom);
  const rings = ringsOf(geom);
  let m = 0;
  for (const line of lines) {
    const paths = line.type === 'LineString' ? [line.coordinates] : line.coordinates;
    for (const path of paths) {
      for (let k = 1; k < path.length; k++) {
        const a = path[k - 1],
          b = path[k];
        const segBox: BBox = [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1])];
        if (!bboxesIntersect(segBox, box)) continue;
        const ts = [0, 1];
        for (const ring of rings) {
          for (let i = 1; i < ring.length; i++) {
            const t = crossingT(a, b, ring[i - 1], ring[i]);
            if (t !== null) ts.push(t);
          }
        }
        ts.sort((x, y) => x - y);
        const at = (t: number): Position => [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
        for (let i = 1; i < ts.length; i++) {
          if (ts[i] - ts[i - 1] < 1e-12) continue;
          if (pointInAreal(at((ts[i] + ts[i - 1]) / 2), geom)) m += geodesicDistanceM(at(ts[i - 1]), at(ts[i]));
        }
      }
    }
  }
  return m / 1000;
}

export interface Touches {
  reserves_km2: number;
  producing_wells: number;
  wells: number;
  pipelines_km: number;
  protected_km2: number;
}

export interface PreparedKeep {
  reserves: Areal | null; // union of reserves clipped to the block
  wells: WellInput[];
  pipelines: (LineString | MultiLineString)[];
}

export function measureTouches(
  geom: Areal,
  keep: PreparedKeep,
  protectedKm2: number,
): { touches: Touches; wellIds: string[]; producingIds: string[] } {
  const box = bboxOf(geom);
  const res = keep.reserves ? safeIntersect(keep.reserves, geom) : null;
  const wellIds: string[] = [];
  const producingIds: string[] = [];
  for (const w of keep.wells) {
    const [x, y] = w.coordinates;
    if (x < box[0] || x > box[2] || y < box[1] || y > box[3]) continue;
    if (!pointInAreal(w.coordinates, geom)) continue;
    wellIds.push(w.id);
    if (isProducingStatus(w.status)) producingIds.push(w.id);
  }
  return {
    touches: {
      reserves_km2: res ? ellipsoidalAreaKm2(res) : 0,
      producing_wells: producingIds.length,
      wells: wellIds.length,
      pipelines_km: keep.pipelines.length ? lengthInsideKm(keep.pipelines, geom) : 0,
      protected_km2: protectedKm2,
    },
    wellIds,
    producingIds,
  };
}

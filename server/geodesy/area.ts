/**
 * Ellipsoidal area on the CGCS2000 ellipsoid (a = 6378137, 1/f = 298.257222101) with GeographicLib's PolygonArea:
 * the authoritative number (engineering.md B7). turf.area is spherical and off by up to ±0.3 % in China.
 */
import * as GL from 'geographiclib-geodesic';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { CGCS2000_A, CGCS2000_INV_F } from './crs';

type GLib = typeof GL;
const lib: GLib = ((GL as unknown as { default?: GLib }).default ?? GL) as GLib;
const geod = new lib.Geodesic.Geodesic(CGCS2000_A, 1 / CGCS2000_INV_F);

/** Unsigned area of one ring in m² (closing vertex optional). */
export function ringAreaM2(ring: Position[]): number {
  const poly = geod.Polygon(false);
  const n = ring.length > 1 && samePos(ring[0], ring[ring.length - 1]) ? ring.length - 1 : ring.length;
  if (n < 3) return 0;
  for (let i = 0; i < n; i++) poly.AddPoint(ring[i][1], ring[i][0]);
  return Math.abs(poly.Compute(false, true).area ?? 0);
}

/** Area of a polygon in m²: outer ring minus holes. */
export function polygonAreaM2(rings: Position[][]): number {
  if (!rings.length) return 0;
  let a = ringAreaM2(rings[0]);
  for (let i = 1; i < rings.length; i++) a -= ringAreaM2(rings[i]);
  return a;
}

/** Ellipsoidal area in km² of a Polygon or MultiPolygon (lon/lat CGCS2000), holes subtracted, unrounded. */
export function ellipsoidalAreaKm2(geometry: Polygon | MultiPolygon): number {
  const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let m2 = 0;
  for (const p of polys) m2 += polygonAreaM2(p);
  return m2 / 1e6;
}

/** Geodesic perimeter of a ring in metres. */
export function ringPerimeterM(ring: Position[]): number {
  const poly = geod.Polygon(false);
  const n = ring.length > 1 && samePos(ring[0], ring[ring.length - 1]) ? ring.length - 1 : ring.length;
  for (let i = 0; i < n; i++) poly.AddPoint(ring[i][1], ring[i][0]);
  return n < 2 ? 0 : poly.Compute(false, true).perimeter;
}

const samePos = (a: Position, b: Position) => a[0] === b[0] && a[1] === b[1];

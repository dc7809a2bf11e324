/**
 * Ellipsoidal area and length on the CGCS2000 ellipsoid (a = 6378137, 1/f = 298.257222101) with GeographicLib:
 * the authoritative numbers (engineering.md B7). Edges between vertices are geodesics, as in PostGIS
 * `ST_Area(geography)`; turf.area is spherical (off by up to ±0.3 % in China) and is never used for a reported number.
 * One module for the whole service: parsers, exporters, planner and conflict overlay all measure here.
 */
import * as GL from 'geographiclib-geodesic';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { CGCS2000_A, CGCS2000_INV_F } from './crs';

type GLib = typeof GL;
const lib: GLib = ((GL as unknown as { default?: GLib }).default ?? GL) as GLib;

/** The CGCS2000 ellipsoid (GRS80's flattening differs only in the 12th digit). */
export const GRS80 = { a: CGCS2000_A, f: 1 / CGCS2000_INV_F } as const;
export const geod = new lib.Geodesic.Geodesic(GRS80.a, GRS80.f);

const samePos = (a: Position, b: Position) => a[0] === b[0] && a[1] === b[1];
const openLength = (ring: readonly Position[]) =>
  ring.length > 1 && samePos(ring[0], ring[ring.length - 1]) ? ring.length - 1 : ring.length;

/** Signed area of one ring in m²: positive when counter-clockwise (lon east, lat north); closing vertex optional. */
export function ringSignedAreaM2(ring: readonly Position[]): number {
  const n = openLength(ring);
  if (n < 3) return 0;
  const poly = geod.Polygon(false);
  for (let i = 0; i < n; i++) poly.AddPoint(ring[i][1], ring[i][0]);
  return poly.Compute(false, true).area ?? 0;
}

/** Unsigned area of one ring in m². */
export function ringAreaM2(ring: readonly Position[]): number {
  return Math.abs(ringSignedAreaM2(ring));
}

/** Area of a polygon in m²: outer ring minus holes, whatever the ring orientation. */
export function polygonAreaM2(rings: readonly (readonly Position[])[]): number {
  if (!rings.length) return 0;
  let a = ringAreaM2(rings[0]);
  for (let i = 1; i < rings.length; i++) a -= ringAreaM2(rings[i]);
  return a;
}

/** Ellipsoidal area in km² of a Polygon or MultiPolygon (lon/lat CGCS2000), holes subtracted, unrounded; null → 0. */
export function ellipsoidalAreaKm2(geometry: Polygon | MultiPolygon | null | undefined): number {
  if (!geometry) return 0;
  const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let m2 = 0;
  for (const p of polys) m2 += polygonAreaM2(p);
  return m2 / 1e6;
}

/** Geodesic perimeter of a ring in metres. */
export function ringPerimeterM(ring: readonly Position[]): number {
  const n = openLength(ring);
  if (n < 2) return 0;
  const poly = geod.Polygon(false);
  for (let i = 0; i < n; i++) poly.AddPoint(ring[i][1], ring[i][0]);
  return poly.Compute(false, true).perimeter;
}

/** Geodesic distance in metres between two lon/lat positions. */
export function geodesicDistanceM(a: Position, b: Position): number {
  return geod.Inverse(a[1], a[0], b[1], b[0]).s12 ?? 0;
}

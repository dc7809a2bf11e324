/**
 * Ellipsoidal (CGCS2000 / GRS80) area and length for the relinquishment planner.
 *
 * Edges between vertices are geodesics, as in PostGIS `ST_Area(geography)` (engineering.md §B7);
 * turf.area is spherical and is never used for a reported number.
 * A Polygon's area is its outer ring minus its holes, whatever the ring orientation.
 */
import geodesic from 'geographiclib-geodesic';
import type { MultiPolygon, Polygon, Position } from 'geojson';

/** GRS80 = the CGCS2000 ellipsoid (the flattening differs from CGCS2000's only in the 12th digit). */
export const GRS80 = { a: 6378137, f: 1 / 298.257222101 } as const;
export const geod = new geodesic.Geodesic.Geodesic(GRS80.a, GRS80.f);

/**
 * Signed area of one ring in m²: positive when counter-clockwise (lon east, lat north).
 * The ring may be open or closed (a repeated closing vertex adds nothing).
 */
export function ringSignedAreaM2(ring: readonly Position[]): number {
  if (ring.length < 3) return 0;
  const p = geod.Polygon(false);
  for (const [lon, lat] of ring) p.AddPoint(lat, lon);
  return p.Compute(false, true).area ?? 0;
}

export function polygonAreaM2(rings: readonly (readonly Position[])[]): number {
  if (rings.length === 0) return 0;
  let a = Math.abs(ringSignedAreaM2(rings[0]));
  for (let i = 1; i < rings.length; i++) a -= Math.abs(ringSignedAreaM2(rings[i]));
  return a;
}

/** Ellipsoidal area in km² of a Polygon or MultiPolygon (null/undefined → 0). */
export function ellipsoidalAreaKm2(geom: Polygon | MultiPolygon | null | undefined): number {
  if (!geom) return 0;
  const polys = geom.type === 'Polygon' ? [geom.coordinates] : geom.coordinates;
  let m2 = 0;
  for (const rings of polys) m2 += polygonAreaM2(rings);
  return m2 / 1e6;
}

/** Geodesic distance in metres between two lon/lat positions on GRS80. */
export function geodesicDistanceM(a: Position, b: Position): number {
  return geod.Inverse(a[1], a[0], b[1], b[0]).s12 ?? 0;
}

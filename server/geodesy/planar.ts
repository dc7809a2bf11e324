/**
 * Planar Gauss-Krüger area: the shoelace formula on X (northing) / Y (easting) in metres. This is the area 国土 files
 * and licences state (地块面积, rounded), not the ellipsoidal area the service reports; it is only ever reported as
 * "planar GK", next to the ellipsoidal figure.
 */
import type { Position } from 'geojson';
import { lonLatToGkConverter, type GkCrs } from './crs';

export interface PlanarXY {
  x: number;
  y: number;
}

/** Unsigned shoelace area of one ring (closing vertex optional), m². */
export function planarRingAreaM2(ring: readonly PlanarXY[]): number {
  let s = 0;
  const n = ring.length;
  for (let i = 0; i < n; i++) {
    const a = ring[i];
    const b = ring[(i + 1) % n];
    s += a.y * b.x - b.y * a.x;
  }
  return Math.abs(s / 2);
}

/** Planar area of a polygon given as X/Y rings: outer minus holes, m². */
export function planarPolygonAreaM2(rings: readonly (readonly PlanarXY[])[]): number {
  return rings.reduce((sum, r, i) => sum + (i === 0 ? 1 : -1) * planarRingAreaM2(r), 0);
}

/** Planar area in `crs` of lon/lat rings (projected first), m². */
export function planarGkAreaM2(rings: readonly (readonly Position[])[], crs: GkCrs): number {
  const conv = lonLatToGkConverter(crs);
  return planarPolygonAreaM2(rings.map((r) => r.map(([lon, lat]) => conv(lon, lat))));
}

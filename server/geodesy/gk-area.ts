/**
 * Planar area in a Gauss-Krüger projection (shoelace on projected easting/northing), reported only
 * where a report states it explicitly as "平面面积 (GK)" next to the ellipsoidal area. Never use it
 * as the area of record: the GK plane distorts area by (k·m)² away from the central meridian.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { lonLatToGkConverter, type GkCrs } from './crs';

export function gkPlanarAreaKm2(g: Polygon | MultiPolygon, crs: GkCrs): number {
  const fwd = lonLatToGkConverter(crs);
  const ring = (r: Position[]) => {
    let s = 0;
    const pts = r.map((p) => fwd(p[0], p[1]));
    for (let i = 0; i < pts.length; i++) {
      const a = pts[i],
        b = pts[(i + 1) % pts.length];
      s += a.y * b.x - b.y * a.x; // easting × northing
    }
    return Math.abs(s) / 2;
  };
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  return polys.reduce((t, rings) => t + ring(rings[0]) - rings.slice(1).reduce((h, r) => h + ring(r), 0), 0) / 1e6;
}

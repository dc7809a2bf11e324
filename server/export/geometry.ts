import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { badRequest } from '../errors';
import { zone3ForLon, zone6ForLon } from '../geodesy/crs';

export interface NamedPolygon {
  name: string;
  /** Rings without the closing vertex, [lon, lat]. rings[0] is the outer ring. */
  rings: [number, number][][];
}

/** Split a (Multi)Polygon into named polygons with open rings; several polygons are named name-1, name-2, … */
export function namedPolygons(geometry: Polygon | MultiPolygon, name: string): NamedPolygon[] {
  const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : null;
  if (!polys || !polys.length)
    throw badRequest('EXPORT_GEOMETRY', 'A Polygon or MultiPolygon is required', '需要面（Polygon 或 MultiPolygon）');
  return polys.map((rings, i) => ({
    name: polys.length > 1 ? `${name}-${i + 1}` : name,
    rings: rings.map((r) => openRing(r)),
  }));
}

function openRing(r: Position[]): [number, number][] {
  const out = r.map((p) => {
    if (!Array.isArray(p) || !Number.isFinite(p[0]) || !Number.isFinite(p[1]))
      throw badRequest('EXPORT_GEOMETRY', 'Coordinates must be finite numbers', '坐标必须为有限数值');
    return [p[0], p[1]] as [number, number];
  });
  if (out.length > 1 && out[0][0] === out[out.length - 1][0] && out[0][1] === out[out.length - 1][1]) out.pop();
  if (out.length < 3) throw badRequest('EXPORT_GEOMETRY', 'Each ring needs at least 3 corners', '每个环至少需要 3 个拐点');
  return out;
}

/** Accept a geometry or a Feature (as POSTed to /api/export). */
export function geometryOf(body: unknown): Polygon | MultiPolygon {
  const b = body as Feature | Polygon | MultiPolygon | null;
  const g = b && (b as Feature).type === 'Feature' ? (b as Feature).geometry : b;
  if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon') || !Array.isArray(g.coordinates))
    throw badRequest(
      'EXPORT_GEOMETRY',
      'Body must be a GeoJSON Polygon, MultiPolygon or a Feature with one',
      '请求体必须是 GeoJSON 面（Polygon/MultiPolygon）或含面的 Feature',
    );
  return g;
}

/** Zones for a set of polygons, from the centre of their bounding box. */
export function zonesFor(polys: NamedPolygon[]): { zone3: number; zone6: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const p of polys)
    for (const r of p.rings)
      for (const [lon] of r) {
        min = Math.min(min, lon);
        max = Math.max(max, lon);
      }
  const mid = (min + max) / 2;
  return { zone3: zone3ForLon(mid), zone6: zone6ForLon(mid) };
}

/** Signed area in the plane of the given coordinates (> 0 = counter-clockwise). */
export const signedArea = (c: [number, number][]) => {
  let s = 0;
  for (let i = 0; i < c.length; i++) {
    const [x1, y1] = c[i];
    const [x2, y2] = c[(i + 1) % c.length];
    s += x1 * y2 - x2 * y1;
  }
  return s / 2;
};

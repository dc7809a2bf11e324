/**
 * Measurements (pure), ellipsoidal on CGCS2000 (GRS80) with GeographicLib through server/geodesy/area.ts — the same
 * module the server reports areas with: geodesic edges, never planar or spherical.
 */
import { geodesicDistanceM, ringAreaM2, ringPerimeterM } from '../../../../server/geodesy/area';

type Pos = [number, number];

/** Length of a polyline in metres (sum of its geodesic segments). */
export function pathLengthM(points: readonly Pos[]): number {
  let s = 0;
  for (let i = 1; i < points.length; i++) s += geodesicDistanceM(points[i - 1], points[i]);
  return s;
}

/** Area (m²) and perimeter (m) of the polygon of these corners (closing corner optional); 0 with fewer than 3. */
export function polygonMeasure(points: readonly Pos[]): { areaM2: number; perimeterM: number } {
  if (points.length < 3) return { areaM2: 0, perimeterM: points.length === 2 ? 2 * pathLengthM(points) : 0 };
  return { areaM2: ringAreaM2(points), perimeterM: ringPerimeterM(points) };
}

/** `845.32 m` below 1 km, else `12.3457 km`. */
export function formatLength(m: number): string {
  return m < 1000 ? `${m.toFixed(2)} m` : `${(m / 1000).toFixed(4)} km`;
}

/** `12.3457 km² (1234.57 ha)`, or `5432.1 m²` below 0.01 km². km² to 4 decimals as everywhere on the page. */
export function formatArea(m2: number, lang: 'zh' | 'en' = 'zh'): string {
  if (m2 < 1e4) return `${m2.toFixed(1)} m²`;
  const ha = lang === 'zh' ? '公顷' : 'ha';
  return `${(m2 / 1e6).toFixed(4)} km² (${(m2 / 1e4).toFixed(2)} ${ha})`;
}

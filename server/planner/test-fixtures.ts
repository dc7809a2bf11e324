/** Synthetic blocks for the planner tests (lon/lat, CGCS2000), built from km offsets at a reference point. */
import type { Polygon, Position } from 'geojson';

export const LON0 = 112.5;
export const LAT0 = 36;

/** Degrees per km at latitude `lat` (small-offset approximation; areas are always re-measured). */
export function kmToDeg(lat: number): { dLon: number; dLat: number } {
  return { dLon: 1 / (111.32 * Math.cos((lat * Math.PI) / 180)), dLat: 1 / 110.95 };
}

/** Polygon from a ring of [xKm, yKm] offsets east/north of (lon0, lat0), closed automatically. */
export function kmPolygon(rings: [number, number][][], lon0 = LON0, lat0 = LAT0): Polygon {
  const { dLon, dLat } = kmToDeg(lat0);
  const toLL = ([x, y]: [number, number]): Position => [lon0 + x * dLon, lat0 + y * dLat];
  return {
    type: 'Polygon',
    coordinates: rings.map((r) => {
      const ring = r.map(toLL);
      ring.push([...ring[0]]);
      return ring;
    }),
  };
}

export function kmRect(x0: number, y0: number, x1: number, y1: number, lon0 = LON0, lat0 = LAT0): Polygon {
  return kmPolygon(
    [
      [
        [x0, y0],
        [x1, y0],
        [x1, y1],
        [x0, y1],
      ],
    ],
    lon0,
    lat0,
  );
}

export function kmPoint(x: number, y: number, lon0 = LON0, lat0 = LAT0): [number, number] {
  const { dLon, dLat } = kmToDeg(lat0);
  return [lon0 + x * dLon, lat0 + y * dLat];
}

/** 20 × 15 km rectangle with its south-west corner at 36°N 112.5°E. */
export const RECT_20x15 = kmRect(0, 0, 20, 15);

/** L-shaped block: a 20 × 6 km bar along the south and a 8 × 14 km arm up the west side. */
export const L_BLOCK = kmPolygon([
  [
    [0, 0],
    [20, 0],
    [20, 6],
    [8, 6],
    [8, 20],
    [0, 20],
  ],
]);

/** 20 × 15 km rectangle with a 6 × 4 km hole (e.g. an excluded coal mine) near its centre. */
export const HOLED_BLOCK = kmPolygon([
  [
    [0, 0],
    [20, 0],
    [20, 15],
    [0, 15],
  ],
  [
    [7, 5],
    [7, 9],
    [13, 9],
    [13, 5],
  ],
]);

/** U-shaped block (two arms to the north): a careless south strip splits it. */
export const U_BLOCK = kmPolygon([
  [
    [0, 0],
    [20, 0],
    [20, 16],
    [14, 16],
    [14, 4],
    [6, 4],
    [6, 16],
    [0, 16],
  ],
]);

/** A wobbly n-vertex block (~22 × 18 km), for the performance guard. */
export function wobblyBlock(n: number): Polygon {
  const ring: Position[] = [];
  for (let i = 0; i < n; i++) {
    const a = (-2 * Math.PI * i) / n;
    const r = 0.1 * (1 + 0.12 * Math.sin(7 * a) + 0.03 * Math.cos(23 * a));
    ring.push([LON0 + r * Math.cos(a) * 1.2, LAT0 + r * Math.sin(a)]);
  }
  ring.push([...ring[0]]);
  return { type: 'Polygon', coordinates: [ring] };
}

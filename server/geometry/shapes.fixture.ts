/**
 * Test and benchmark shapes (not used by the service): a comb, the shape that made the old x-sweep quadratic —
 * `teeth` long edges all spanning the same x range — as one valid lon/lat ring over Shanxi, open (no closing
 * corner). `angleDeg` turns it about its centre (45° makes every tooth's bounding box overlap its neighbours').
 */
export function combRing(teeth: number, opts: { angleDeg?: number; lon?: number; lat?: number; size?: number } = {}): [number, number][] {
  const L = 1000;
  const pts: [number, number][] = [[0, 0]];
  for (let i = 0; i < teeth; i++) pts.push([L, 2 * i], [L, 2 * i + 1], [1, 2 * i + 1], [1, 2 * i + 2]);
  pts.push([0, 2 * teeth]);
  const size = opts.size ?? 0.4;
  const a = ((opts.angleDeg ?? 0) * Math.PI) / 180;
  const [cx, cy] = [L / 2, teeth];
  const lon0 = opts.lon ?? 112.5;
  const lat0 = opts.lat ?? 36.5;
  return pts.map(([x, y]) => {
    const u = (x - cx) / L;
    const v = (y - cy) / (2 * teeth);
    return [lon0 + size * (u * Math.cos(a) - v * Math.sin(a)), lat0 + size * (u * Math.sin(a) + v * Math.cos(a))];
  });
}

/** The comb as a closed GeoJSON Polygon. */
export function combPolygon(teeth: number, opts: Parameters<typeof combRing>[1] = {}) {
  const ring = combRing(teeth, opts);
  return { type: 'Polygon' as const, coordinates: [[...ring, ring[0]]] };
}

/** A closed lon/lat rectangle from its west, south, east and north edges, as a GeoJSON Polygon. */
export const box = (west: number, south: number, east: number, north: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [west, south],
      [east, south],
      [east, north],
      [west, north],
      [west, south],
    ],
  ],
});

/** A closed lon/lat square of side `d` degrees with its south-west corner at (lon, lat). */
export const square = (lon: number, lat: number, d = 0.05) => box(lon, lat, lon + d, lat + d);

/** A self-intersecting "bow tie" near 沁水 whose two edges cross at (112.05, 36.05): every validator must refuse it. */
export const bowtie = () => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [112, 36],
      [112.1, 36.1],
      [112.1, 36],
      [112, 36.1],
      [112, 36],
    ],
  ],
});

/**
 * A jagged closed ring of `n` vertices about (lon, lat): radius `r` degrees, wobbling by `wobble` with frequency
 * `freq`, for geometries that must be subdivided.
 */
export function jaggedRing(n: number, lon: number, lat: number, r: number, wobble: number, freq: number): number[][] {
  const ring: number[][] = [];
  for (let i = 0; i < n; i++) {
    const t = (i / n) * 2 * Math.PI;
    const ri = r + wobble * Math.sin(i * freq);
    ring.push([lon + ri * Math.cos(t), lat + ri * Math.sin(t)]);
  }
  ring.push(ring[0]);
  return ring;
}

/** The red line written by the fault drills (test/api/db-faults.test.ts, bench/load.ts): a small square near 沁水. */
export function faultDrillRedline(id: string, name = `故障演练 ${id}`) {
  return { type: 'Feature' as const, id, geometry: box(112.2, 36.2, 112.21, 36.21), properties: { name, status: 'proposed' } };
}

/**
 * Numbered corner table (界址点/拐点表) of a Polygon or MultiPolygon.
 *
 * Each ring loses its closing vertex and any repeated consecutive vertex, runs clockwise and starts at
 * the vertex nearest the north-west corner of its bounding box (the usual order of Chinese corner tables).
 * Numbers run 1..N across the whole geometry; `part` is the parcel (1-based) and `ring` the 圈号
 * (1 = outer boundary, 2+ = holes), so a 国土 TXT writer can restart numbering per ring if it wants.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';

export interface CornerRow {
  n: number;
  lon: number;
  lat: number;
  part: number;
  ring: number;
}

function planarSignedArea(ring: Position[]): number {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    s += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  }
  return s / 2; // > 0 counter-clockwise
}

/** Open, deduplicated, clockwise ring starting at its north-west-most vertex. */
export function normaliseRing(ring: readonly Position[]): Position[] {
  const pts: Position[] = [];
  for (const p of ring) {
    const last = pts[pts.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) pts.push([p[0], p[1]]);
  }
  while (pts.length > 1 && pts[0][0] === pts[pts.length - 1][0] && pts[0][1] === pts[pts.length - 1][1]) pts.pop();
  if (pts.length < 3) return pts;
  if (planarSignedArea(pts) > 0) pts.reverse();
  let minX = Infinity,
    maxY = -Infinity,
    sumY = 0;
  for (const [x, y] of pts) {
    if (x < minX) minX = x;
    if (y > maxY) maxY = y;
    sumY += y;
  }
  const k = Math.cos(((sumY / pts.length) * Math.PI) / 180);
  let best = 0,
    bestD = Infinity;
  pts.forEach(([x, y], i) => {
    const d = ((x - minX) * k) ** 2 + (maxY - y) ** 2;
    if (d < bestD - 1e-24) {
      bestD = d;
      best = i;
    }
  });
  return pts.slice(best).concat(pts.slice(0, best));
}

export function cornerTable(geom: Polygon | MultiPolygon): CornerRow[] {
  const polys = geom.type === 'Polygon' ? [geom.coordinates] : geom.coordinates;
  const rows: CornerRow[] = [];
  let n = 0;
  polys.forEach((rings, pi) => {
    rings.forEach((ring, ri) => {
      for (const [lon, lat] of normaliseRing(ring)) rows.push({ n: ++n, lon, lat, part: pi + 1, ring: ri + 1 });
    });
  });
  return rows;
}

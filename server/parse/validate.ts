/**
 * From rings as read to RFC 7946 polygons: drop closing and repeated corners, refuse rings with fewer than three
 * corners, points outside China, self-intersections and holes outside their parcel; fix orientation; compute the
 * ellipsoidal area; warn about slivers and declared areas that disagree.
 */
import type { Position } from 'geojson';
import { unprocessable } from '../errors';
import { ringAreaM2, ringPerimeterM } from '../geodesy/area';
import { inChina } from '../geodesy/crs';
import { findCrossings } from './intersections';
import type { ParsedParcel, ParseWarning, RawParcel, RawRing, VertexRef } from './types';

/** Relative difference between declared (国土 TXT) and computed area that triggers a warning. */
export const AREA_MISMATCH_TOLERANCE = 0.001;
/** Isoperimetric quotient 4πA/P² below which a part is reported as a sliver. */
export const SLIVER_QUOTIENT = 0.01;

const label = (ref: VertexRef | undefined, i: number) => ref?.point ?? i + 1;

interface CleanRing {
  coords: [number, number][];
  refs: VertexRef[];
}

function cleanRing(ring: RawRing, parcel: RawParcel, pIdx: number, rIdx: number, warnings: ParseWarning[]): CleanRing {
  const coords: [number, number][] = [];
  const refs: VertexRef[] = [];
  ring.coords.forEach((c, i) => {
    const ref = ring.refs[i] ?? {};
    if (!Number.isFinite(c[0]) || !Number.isFinite(c[1]))
      throw unprocessable(
        'PARSE_NOT_NUMERIC',
        `Non-finite coordinate at point ${label(ref, i)}`,
        `第 ${label(ref, i)} 点坐标不是有限数值`,
        [{ ...ref, parcel: parcel.name, ring: rIdx + 1 }],
      );
    if (!inChina(c[0], c[1]))
      throw unprocessable(
        'PARSE_OUTSIDE_CHINA',
        `Point ${label(ref, i)} (${c[0]}, ${c[1]}) is outside China`,
        `第 ${label(ref, i)} 点（${c[0]}, ${c[1]}）不在中国境内`,
        [{ ...ref, point: label(ref, i), parcel: parcel.name, lon: c[0], lat: c[1] }],
      );
    const prev = coords[coords.length - 1];
    if (prev && prev[0] === c[0] && prev[1] === c[1]) {
      warnings.push({
        code: 'PARSE_DUPLICATE_POINT',
        message: `Repeated consecutive point ${label(ref, i)} removed`,
        message_zh: `连续重复的点 ${label(ref, i)} 已删除`,
        parcel: parcel.name,
        point: label(ref, i),
        ...(ref.line ? { line: ref.line } : {}),
      });
      return;
    }
    coords.push([c[0], c[1]]);
    refs.push(ref);
  });
  // Drop the closing corner (and any repeats of the first corner at the end).
  while (coords.length > 1 && coords[0][0] === coords[coords.length - 1][0] && coords[0][1] === coords[coords.length - 1][1]) {
    coords.pop();
    refs.pop();
  }
  if (coords.length < 3)
    throw unprocessable(
      'PARSE_TOO_FEW_POINTS',
      `Parcel '${parcel.name}' ring ${rIdx + 1} has ${coords.length} distinct corners; at least 3 are needed`,
      `地块“${parcel.name}”第 ${rIdx + 1} 圈只有 ${coords.length} 个不同的拐点，至少需要 3 个`,
      [{ parcel: parcel.name, ring: rIdx + 1, corners: coords.length, ...(ring.refs[0]?.line ? { line: ring.refs[0].line } : {}) }],
    );
  void pIdx;
  return { coords, refs };
}

/** Planar signed area (shoelace) in degree² — only its sign is used. */
const signedArea = (c: [number, number][]) => {
  let s = 0;
  for (let i = 0, n = c.length; i < n; i++) {
    const [x1, y1] = c[i];
    const [x2, y2] = c[(i + 1) % n];
    s += x1 * y2 - x2 * y1;
  }
  return s / 2;
};

function pointInRing(p: [number, number], ring: [number, number][]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function buildParcels(
  raw: RawParcel[],
  opts: { quietOrientation?: boolean } = {},
): { parcels: ParsedParcel[]; warnings: ParseWarning[] } {
  const warnings: ParseWarning[] = [];
  const parcels: ParsedParcel[] = [];
  if (!raw.length) throw unprocessable('PARSE_TOO_FEW_POINTS', 'The file contains no parcel', '文件中没有地块', [{ parcels: 0 }]);
  raw.forEach((parcel, pIdx) => {
    if (!parcel.rings.length)
      throw unprocessable('PARSE_TOO_FEW_POINTS', `Parcel '${parcel.name}' has no corners`, `地块“${parcel.name}”没有拐点`, [
        { parcel: parcel.name, ...(parcel.line ? { line: parcel.line } : {}) },
      ]);
    const rings = parcel.rings.map((r, rIdx) => cleanRing(r, parcel, pIdx, rIdx, warnings));
    const crossings = findCrossings(rings.map((r) => r.coords));
    if (crossings.length) {
      const describe = (ring: number, i: number) => {
        const r = rings[ring];
        return `${label(r.refs[i], i)}–${label(r.refs[(i + 1) % r.coords.length], (i + 1) % r.coords.length)}`;
      };
      const first = crossings[0];
      throw unprocessable(
        'PARSE_SELF_INTERSECTION',
        `Parcel '${parcel.name}' intersects itself: edge ${describe(first.a.ring, first.a.i)} meets edge ${describe(first.b.ring, first.b.i)} near (${first.at[0].toFixed(6)}, ${first.at[1].toFixed(6)})`,
        `地块“${parcel.name}”自相交：边 ${describe(first.a.ring, first.a.i)} 与边 ${describe(first.b.ring, first.b.i)} 相交于 (${first.at[0].toFixed(6)}, ${first.at[1].toFixed(6)}) 附近`,
        crossings.map((c) => ({
          parcel: parcel.name,
          ring: c.a.ring + 1,
          point: label(rings[c.a.ring].refs[c.a.i], c.a.i),
          ...(rings[c.a.ring].refs[c.a.i]?.line ? { line: rings[c.a.ring].refs[c.a.i].line } : {}),
          edge: describe(c.a.ring, c.a.i),
          other_ring: c.b.ring + 1,
          other_edge: describe(c.b.ring, c.b.i),
          kind: c.kind,
          at: c.at,
        })),
      );
    }
    for (let h = 1; h < rings.length; h++) {
      const outer = rings[0].coords;
      const inside =
        rings[h].coords.some((p) => pointInRing(p, outer)) && !rings[h].coords.some((p) => !pointInRing(p, outer) && !onBoundary(p, outer));
      if (!inside)
        throw unprocessable(
          'PARSE_HOLE_OUTSIDE',
          `Parcel '${parcel.name}' ring ${h + 1} (a hole) lies outside ring 1`,
          `地块“${parcel.name}”第 ${h + 1} 圈（内环）不在第 1 圈之内`,
          [
            {
              parcel: parcel.name,
              ring: h + 1,
              point: label(rings[h].refs[0], 0),
              ...(rings[h].refs[0]?.line ? { line: rings[h].refs[0].line } : {}),
            },
          ],
        );
    }
    let fixed = false;
    const out: Position[][] = rings.map((r, idx) => {
      const ccw = signedArea(r.coords) > 0;
      const want = idx === 0;
      const c = ccw === want ? r.coords.slice() : ((fixed = true), r.coords.slice().reverse());
      c.push([c[0][0], c[0][1]]);
      return c;
    });
    if (fixed && !opts.quietOrientation)
      warnings.push({
        code: 'PARSE_ORIENTATION_FIXED',
        message: `Parcel '${parcel.name}': ring orientation changed to RFC 7946 (outer counter-clockwise, holes clockwise)`,
        message_zh: `地块“${parcel.name}”：环方向已按 RFC 7946 调整（外环逆时针，内环顺时针）`,
        parcel: parcel.name,
      });
    let m2 = 0;
    out.forEach((ring, idx) => {
      const a = ringAreaM2(ring);
      const p = ringPerimeterM(ring);
      const q = p > 0 ? (4 * Math.PI * a) / (p * p) : 0;
      if (q < SLIVER_QUOTIENT || a < 1)
        warnings.push({
          code: 'PARSE_SLIVER',
          message: `Parcel '${parcel.name}' ring ${idx + 1} is a sliver (area ${a.toFixed(2)} m², perimeter ${p.toFixed(1)} m)`,
          message_zh: `地块“${parcel.name}”第 ${idx + 1} 圈为狭长碎片（面积 ${a.toFixed(2)} 平方米，周长 ${p.toFixed(1)} 米）`,
          parcel: parcel.name,
        });
      m2 += idx === 0 ? a : -a;
    });
    const areaKm2 = m2 / 1e6;
    if (parcel.declaredHa !== undefined && parcel.declaredHa > 0) {
      const ha = areaKm2 * 100;
      const rel = Math.abs(ha - parcel.declaredHa) / parcel.declaredHa;
      if (rel > AREA_MISMATCH_TOLERANCE)
        warnings.push({
          code: 'PARSE_AREA_MISMATCH',
          message: `Parcel '${parcel.name}' declares ${parcel.declaredHa} ha; the corners enclose ${ha.toFixed(4)} ha (ellipsoidal), ${(rel * 100).toFixed(2)} % apart`,
          message_zh: `地块“${parcel.name}”声明面积 ${parcel.declaredHa} 公顷，按拐点计算为 ${ha.toFixed(4)} 公顷（椭球面），相差 ${(rel * 100).toFixed(2)}%`,
          parcel: parcel.name,
          ...(parcel.line ? { line: parcel.line } : {}),
        });
    }
    parcels.push({ name: parcel.name, rings: out, vertex_count: rings.reduce((s, r) => s + r.coords.length, 0), area_km2: areaKm2 });
  });
  return { parcels, warnings };
}

function onBoundary(p: [number, number], ring: [number, number][]): boolean {
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i];
    const b = ring[(i + 1) % ring.length];
    const cross = (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]);
    if (
      cross === 0 &&
      Math.min(a[0], b[0]) <= p[0] &&
      p[0] <= Math.max(a[0], b[0]) &&
      Math.min(a[1], b[1]) <= p[1] &&
      p[1] <= Math.max(a[1], b[1])
    )
      return true;
  }
  return false;
}

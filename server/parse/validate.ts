/**
 * From rings as read to RFC 7946 polygons. The geometry checks (corners outside China, fewer than three
 * corners, self-intersections, holes outside their parcel) are the one validator's (server/geometry/validate);
 * here: warn about repeated corners, fix orientation, compute the ellipsoidal area, warn about slivers and
 * declared areas that disagree.
 */
import type { Position } from 'geojson';
import { unprocessable } from '../errors';
import { ringAreaM2, ringPerimeterM } from '../geodesy/area';
import { checkParcelRings, cleanRing as cleanCheckedRing } from '../geometry/validate';
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

function cleanRing(ring: RawRing, parcel: RawParcel, rIdx: number, warnings: ParseWarning[]): CleanRing {
  const clean = cleanCheckedRing(ring, parcel.name, rIdx + 1);
  for (const { index: i, ref } of clean.repeated)
    warnings.push({
      code: 'PARSE_DUPLICATE_POINT',
      message: `Repeated consecutive point ${label(ref, i)} removed`,
      message_zh: `连续重复的点 ${label(ref, i)} 已删除`,
      parcel: parcel.name,
      point: label(ref, i),
      ...(ref.line ? { line: ref.line } : {}),
    });
  return clean;
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

export function buildParcels(
  raw: RawParcel[],
  opts: { quietOrientation?: boolean } = {},
): { parcels: ParsedParcel[]; warnings: ParseWarning[] } {
  const warnings: ParseWarning[] = [];
  const parcels: ParsedParcel[] = [];
  if (!raw.length) throw unprocessable('PARSE_TOO_FEW_POINTS', 'The file contains no parcel', '文件中没有地块', [{ parcels: 0 }]);
  raw.forEach((parcel) => {
    if (!parcel.rings.length)
      throw unprocessable('PARSE_TOO_FEW_POINTS', `Parcel '${parcel.name}' has no corners`, `地块“${parcel.name}”没有拐点`, [
        { parcel: parcel.name, ...(parcel.line ? { line: parcel.line } : {}) },
      ]);
    const rings = parcel.rings.map((r, rIdx) => cleanRing(r, parcel, rIdx, warnings));
    checkParcelRings(rings, parcel.name);
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

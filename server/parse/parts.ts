/**
 * One 地块 as written — rings numbered by 圈号 (1, 2 … or 101, 102 …) — into parcels: a ring inside another ring is
 * a hole, a ring outside every other is a further part of the 地块. Rings that cross are left together so that
 * validation names the crossing edges. Refusals name the 圈号 as written, not a position.
 */
import { unprocessable } from '../errors';
import { texts } from './angles';
import { findCrossings } from '../geometry/intersections';
import { warn } from './messages';
import type { ParseWarning, RawParcel, RawRing } from './types';

/** Distinct corners of a ring (closing and consecutive repeats dropped). */
function distinct(r: RawRing): [number, number][] {
  const out: [number, number][] = [];
  for (const c of r.coords) {
    const p = out[out.length - 1];
    if (!p || p[0] !== c[0] || p[1] !== c[1]) out.push(c);
  }
  while (out.length > 1 && out[0][0] === out[out.length - 1][0] && out[0][1] === out[out.length - 1][1]) out.pop();
  return out;
}

function inside(p: [number, number], ring: [number, number][]): boolean {
  let r = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) r = !r;
  }
  return r;
}

const planarArea = (c: [number, number][]) => {
  let s = 0;
  for (let i = 0; i < c.length; i++) {
    const [x1, y1] = c[i];
    const [x2, y2] = c[(i + 1) % c.length];
    s += x1 * y2 - x2 * y1;
  }
  return Math.abs(s / 2);
};

/** Is ring a within ring b (every corner of a inside or on b, judged by a's corners off b's edges)? */
function within(a: [number, number][], b: [number, number][]): boolean {
  let votes = 0;
  for (const p of a) votes += inside(p, b) ? 1 : -1;
  return votes > 0;
}

/**
 * Split a 地块's rings into parts with their holes. Parcel order: parts by their first 圈号. A single part keeps the
 * 地块's name; several parts are named “name（圈号 n）” and share `group` = the 地块's name.
 */
export function splitParts(parcel: RawParcel, warnings: ParseWarning[]): RawParcel[] {
  const rings = parcel.rings;
  const clean = rings.map(distinct);
  rings.forEach((r, i) => {
    if (clean[i].length < 3) {
      const no = r.no ?? i + 1;
      const line = r.refs[0]?.line;
      throw unprocessable(
        'GEOMETRY_TOO_FEW_POINTS',
        ...texts('PARSE_RING_TOO_FEW', { parcel: parcel.name, ring: no, corners: clean[i].length, line: line ?? null }),
        [{ parcel: parcel.name, ring: no, corners: clean[i].length, ...(line ? { line } : {}) }],
      );
    }
  });
  if (rings.length < 2) return [parcel];
  if (findCrossings(clean).length) return [parcel]; // validation reports the crossing with the corners' names
  const depthOf = clean.map((c, i) => clean.filter((o, j) => j !== i && within(c, o)).length);
  const outers = rings.map((_, i) => i).filter((i) => depthOf[i] % 2 === 0);
  const holesOf = new Map<number, number[]>(outers.map((i) => [i, []]));
  rings.forEach((_, i) => {
    if (depthOf[i] % 2 === 0) return;
    // the hole belongs to the smallest outer ring containing it
    const owner = outers.filter((o) => within(clean[i], clean[o])).sort((a, b) => planarArea(clean[a]) - planarArea(clean[b]))[0];
    holesOf.get(owner)!.push(i);
  });
  if (outers.length === 1) {
    const o = outers[0];
    return [{ ...parcel, rings: [rings[o], ...holesOf.get(o)!.map((h) => rings[h])] }];
  }
  const no = (i: number) => rings[i].no ?? i + 1;
  warnings.push(
    warn(
      'PARSE_PARTS_SPLIT',
      { parcel: parcel.name, parts: outers.map(no).join(', '), holes: [...holesOf.values()].flat().map(no).join(', ') },
      { parcel: parcel.name, ...(parcel.line ? { line: parcel.line } : {}) },
    ),
  );
  return outers.map((o) => ({
    ...parcel,
    name: `${parcel.name}（圈号 ${no(o)}）`,
    group: parcel.name,
    line: rings[o].refs[0]?.line ?? parcel.line,
    rings: [rings[o], ...holesOf.get(o)!.map((h) => rings[h])],
  }));
}

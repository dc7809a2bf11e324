/**
 * Areas a file states (国土 地块面积, a table's 面积 row) are planar Gauss-Krüger areas, rounded: they are compared
 * like with like — the corners' planar GK area in the file's projection (else the parcel's 3° zone), at the
 * declared figure's rounding — and reported next to the planar and the ellipsoidal (CGCS2000) areas, the
 * difference explained. A real disagreement is a warning; a 界址点数 larger than the points listed is accepted only
 * when the listed rings reproduce the declared area.
 */
import type { Position } from 'geojson';
import { planarGkAreaM2 } from '../geodesy/planar';
import { badRequest } from '../errors';
import { gkCrsByEpsg, gkCrsForCentralMeridian, type GkCrs } from '../geodesy/crs';
import { say } from '../i18n/message';
import { texts } from './angles';
import { PARSE_SAY, warn } from './messages';
import type { DeclaredArea, ParsedParcel, ParseWarning, RawParcel } from './types';

/** Relative difference beyond which a declared area that does not match at its rounding is a warning. */
export const DECLARED_MISMATCH_TOLERANCE = 0.001;

const M2_PER: Record<DeclaredArea['unit'], number> = { m2: 1, ha: 1e4, km2: 1e6, mu: 10000 / 15 };

/** The GK CRS a parcel's planar area is measured in: the file's own, else the 3° zone around the parcel. */
export function planarCrsFor(sourceEpsg: number, rings: Position[][]): GkCrs {
  const own = gkCrsByEpsg(sourceEpsg);
  if (own) return own;
  const ring = rings[0];
  const lon = ring.reduce((s, p) => s + p[0], 0) / ring.length;
  return gkCrsForCentralMeridian(3 * Math.round(lon / 3), '3')!;
}

const fmt = (v: number, d: number) => v.toFixed(Math.min(Math.max(d, 0), 10));

/**
 * Adds `planar_gk` to parcels that state an area or come from a GK file, and `declared_area` (with its note) to the
 * first part of each 地块 that states one. Returns warnings (mismatch, short point count accepted); refuses a short
 * point count the area does not confirm.
 */
export function reportAreas(parcels: ParsedParcel[], raw: RawParcel[], sourceEpsg: number): ParseWarning[] {
  const warnings: ParseWarning[] = [];
  const groups = new Map<string, number[]>();
  raw.forEach((r, i) => {
    const key = r.group !== undefined ? `g:${r.group}` : `p:${i}`;
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  const isGk = !!gkCrsByEpsg(sourceEpsg);
  for (const idx of groups.values()) {
    const declared = idx.map((i) => raw[i].declared).find(Boolean);
    const short = idx.map((i) => raw[i].pointsShort).find(Boolean);
    if (!declared && !isGk) continue;
    let planarM2 = 0;
    let ellM2 = 0;
    let crs: GkCrs | undefined;
    for (const i of idx) {
      const p = parcels[i];
      crs ??= planarCrsFor(sourceEpsg, p.rings);
      const m2 = planarGkAreaM2(p.rings, crs);
      p.planar_gk = { area_km2: m2 / 1e6, crs: crs.epsg };
      planarM2 += m2;
      ellM2 += p.area_km2 * 1e6;
    }
    if (!declared || !crs) continue;
    const first = parcels[idx[0]];
    const name = raw[idx[0]].group ?? first.name;
    const per = M2_PER[declared.unit];
    const planar = planarM2 / per;
    const ell = ellM2 / per;
    const unitLast = 10 ** -declared.decimals;
    const agrees = Math.abs(planar - declared.value) <= unitLast * 1.000001;
    const params = {
      parcel: name,
      declared: fmt(declared.value, declared.decimals),
      unit: declared.unit,
      planar: fmt(planar, declared.decimals),
      ellipsoidal: fmt(ell, declared.decimals),
      epsg: crs.epsg,
      agrees,
      ellDiffPct: `${ell >= planar ? '+' : ''}${(((ell - planar) / planar) * 100).toFixed(4)}`,
    };
    first.declared_area = {
      value: declared.value,
      unit: declared.unit,
      area_km2: (declared.value * per) / 1e6,
      ...(declared.line ? { line: declared.line } : {}),
      ...(idx.length > 1 ? { parts: idx.map((i) => parcels[i].name) } : {}),
      agrees,
      note: say(PARSE_SAY, 'PARSE_AREA_DECLARED', params),
    };
    const rel = Math.abs(planar - declared.value) / declared.value;
    const at = { parcel: name, ...(declared.line ? { line: declared.line } : {}) };
    if (short) {
      if (!agrees)
        throw badRequest(
          'PARSE_UNREADABLE',
          ...texts('PARSE_POINT_COUNT_TRUNCATED', { parcel: name, declared: short.declared, found: short.found, why: 'area' }),
          [{ ...at, declared: short.declared, found: short.found, declared_area: declared.value, planar_area: Number(params.planar) }],
        );
      warnings.push(
        warn('PARSE_POINT_COUNT_SHORT', { parcel: name, declared: short.declared, found: short.found, line: declared.line ?? 0 }, at),
      );
    }
    if (!agrees && rel > DECLARED_MISMATCH_TOLERANCE)
      warnings.push(warn('PARSE_AREA_MISMATCH', { ...params, pct: (rel * 100).toFixed(2) }, at));
  }
  return warnings;
}

/**
 * From a check record to what the report prints (pure): header facts, the corner table (CGCS2000 GK
 * X/Y of the subject's 3° zone, lon/lat in DMS to 0.001″), areas (ellipsoidal, planar GK, declared),
 * conflicts ordered by severity with their rule, the article texts once per rule, the summary and
 * the verdict, and the map layers.
 */
import type { Geometry, MultiPolygon, Polygon } from 'geojson';
import { gkCrsForZone, lonLatToGkConverter, zone3ForLon } from '../geodesy/crs';
import { formatDms } from '../geodesy/dms';
import { gkPlanarAreaKm2 } from '../geodesy/gk-area';
import { namedPolygons } from '../export/geometry';
import { checkVerdict } from '../conflicts/verdict';
import type { CheckVerdict, ConflictEntry } from '../conflicts/types';
import type { Outcome } from '../conflicts/outcomes';
import { outcomeSeverity, type Severity } from '../vocab';
import type { CheckRecord } from './check-record';
import type { MapLayer } from './map-svg';

export interface CornerTableRow {
  parcel: string;
  ring: number;
  /** point number, restarting at 1 in each parcel */
  n: number;
  x: number;
  y: number;
  lon: string;
  lat: string;
  lonDeg: number;
  latDeg: number;
}

export interface CornerTable {
  zone: number;
  epsg: number;
  rows: CornerTableRow[];
}

/** Corner table of a (Multi)Polygon in the order given (closing corners not repeated), GK of one 3° zone. */
export function cornerTable(geometry: Polygon | MultiPolygon, name: string, zone?: number): CornerTable {
  const polys = namedPolygons(geometry, name);
  let min = Infinity,
    max = -Infinity;
  for (const p of polys)
    for (const r of p.rings)
      for (const [lon] of r) {
        min = Math.min(min, lon);
        max = Math.max(max, lon);
      }
  const z = zone ?? zone3ForLon((min + max) / 2);
  const crs = gkCrsForZone(z)!;
  const to = lonLatToGkConverter(crs);
  const rows: CornerTableRow[] = [];
  for (const p of polys) {
    let n = 0;
    p.rings.forEach((ring, r) => {
      for (const [lon, lat] of ring) {
        const g = to(lon, lat);
        rows.push({
          parcel: p.name,
          ring: r + 1,
          n: ++n,
          x: g.x,
          y: g.y,
          lon: formatDms(lon, 3),
          lat: formatDms(lat, 3),
          lonDeg: lon,
          latDeg: lat,
        });
      }
    });
  }
  return { zone: z, epsg: crs.epsg, rows };
}

/** Reports order conflicts by severity (most serious first). */
export const SEVERITY_RANK: Record<Severity, number> = { block: 0, condition: 1, info: 2, ok: 3 };

/** A conflict as the engine reports it (server/conflicts/types.ts, the one shape), with its outcome's severity. */
export type ReportConflict = ConflictEntry & { severity: Severity };

export interface CheckModel {
  record: CheckRecord;
  corners: CornerTable;
  areas: {
    ellipsoidal_km2: number;
    planar_gk_km2: number;
    declared_km2: number | null;
    parcels: { name: string; ellipsoidal_km2: number; planar_gk_km2: number }[];
  };
  /** every conflict except wells, most serious first */
  conflicts: ReportConflict[];
  /** wells, grouped by outcome and rules (a block can hold hundreds): every well named */
  wells: { outcome: string; severity: Severity; rules: { rule: string; citation: string }[]; names: string[] }[];
  /** article texts, one per rule, in order of first use */
  articles: { rule: string; citation: string; text: string }[];
  summary: { key: string; count: number; area_km2: number }[];
  deductible_km2: number;
  net_km2: number;
  /** the overall verdict the API gave (summary.ts checkVerdict, the page's triage banner): the same words on paper */
  verdict: CheckVerdict;
  layers: { severity: Severity; geometries: Geometry[] }[];
}

/**
 * The verdict of a record signed before records kept it: recomputed by the API's own function from the signed
 * conflicts and summary; the checks that could not run are read back from their warnings (engine.ts `unchecked`).
 */
function verdictOf(record: CheckRecord): CheckVerdict {
  const unchecked = record.results.warnings.flatMap((w) => {
    const params = (w.params ?? {}) as Record<string, unknown>;
    const m = { code: w.code, params: params as never, message: w.message, message_zh: w.message_zh };
    if (w.code === 'CONTAINMENT_NOT_CHECKED' && typeof params.outcome === 'string')
      return [{ outcome: params.outcome as Outcome, message: m }];
    if (w.code === 'PROVINCE_NOT_LOADED') return [{ outcome: 'crosses_provincial_border' as Outcome, message: m }];
    return [];
  });
  return checkVerdict(record.results.conflicts, record.results.summary, unchecked);
}

const SUMMARY_KEYS = ['blocks', 'reserves', 'protected-areas', 'redlines', 'wells', 'pipelines', 'containment'];

export function checkModel(record: CheckRecord): CheckModel {
  const g = record.inputs.geometry;
  const corners = cornerTable(g, record.inputs.parcels[0]?.name ?? 'input');
  const crs = gkCrsForZone(corners.zone)!;
  const parcels = namedPolygons(g, 'p').map((p, i) => {
    const poly: Polygon = { type: 'Polygon', coordinates: p.rings.map((r) => [...r, r[0]]) };
    return {
      name: record.inputs.parcels[i]?.name ?? p.name,
      ellipsoidal_km2: record.inputs.parcels[i]?.area_km2 ?? NaN,
      planar_gk_km2: gkPlanarAreaKm2(poly, crs),
    };
  });
  const conflicts: ReportConflict[] = record.results.conflicts
    .map((c) => ({ ...c, severity: outcomeSeverity(c.outcome) }))
    .sort(
      (a, b) =>
        SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
        b.overlap_area_km2 - a.overlap_area_km2 ||
        (b.length_km ?? 0) - (a.length_km ?? 0),
    );
  const wellMap = new Map<string, CheckModel['wells'][number]>();
  for (const c of conflicts.filter((x) => x.collection === 'wells')) {
    const k = `${c.outcome}|${c.basis.map((b) => b.rule).join(',')}`;
    const g = wellMap.get(k) ?? {
      outcome: c.outcome,
      severity: c.severity,
      rules: c.basis.map((b) => ({ rule: b.rule, citation: b.citation })),
      names: [],
    };
    g.names.push(c.name ?? c.id);
    wellMap.set(k, g);
  }
  const wells = [...wellMap.values()].sort(
    (a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || b.names.length - a.names.length,
  );
  for (const w of wells) w.names.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const articles = new Map<string, { rule: string; citation: string; text: string }>();
  for (const c of record.results.conflicts)
    for (const b of c.basis) if (!articles.has(b.rule)) articles.set(b.rule, { rule: b.rule, citation: b.citation, text: b.text });
  const s = record.results.summary as Record<string, { count: number; area_km2: number } | number>;
  const summary = SUMMARY_KEYS.filter((k) => typeof s[k] === 'object').map((k) => ({
    key: k,
    ...(s[k] as { count: number; area_km2: number }),
  }));
  const deductible = record.results.summary.deductible_area_km2;
  const net = record.results.summary.net_area_km2;
  const verdict = record.results.verdict ?? verdictOf(record);
  const bySev = new Map<Severity, Geometry[]>();
  for (const c of record.results.conflicts)
    if (c.geometry) bySev.set(outcomeSeverity(c.outcome), [...(bySev.get(outcomeSeverity(c.outcome)) ?? []), c.geometry]);
  const layers = (['ok', 'info', 'condition', 'block'] as Severity[])
    .filter((k) => bySev.has(k))
    .map((k) => ({ severity: k, geometries: bySev.get(k)! }));
  return {
    record,
    corners,
    areas: {
      ellipsoidal_km2: record.results.area_km2,
      planar_gk_km2: parcels.reduce((t, p) => t + p.planar_gk_km2, 0),
      declared_km2: record.inputs.declared_area_km2,
      parcels,
    },
    conflicts: conflicts.filter((x) => x.collection !== 'wells'),
    wells,
    articles: [...articles.values()],
    summary,
    deductible_km2: deductible,
    net_km2: net,
    verdict,
    layers,
  };
}

export const SEVERITY_STYLE: Record<Severity, { color: string; angle: number }> = {
  block: { color: '#c2181b', angle: 45 },
  condition: { color: '#d66a00', angle: -45 },
  ok: { color: '#1a7837', angle: 0 },
  info: { color: '#2166ac', angle: 90 },
};

/** The map layers of a model: the overlaps hatched by severity, then the subject's outline on top. */
export function mapLayers(m: Pick<CheckModel, 'layers'>, subject: Geometry, extra: MapLayer[] = []): MapLayer[] {
  return [
    ...extra,
    ...m.layers.map((l) => ({ geometries: l.geometries, style: { ...SEVERITY_STYLE[l.severity], fillOpacity: 0.08 } })),
    { geometries: [subject], style: { color: '#000', angle: null, strokeWidth: 0.55 } },
  ];
}

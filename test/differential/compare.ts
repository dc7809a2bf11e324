/**
 * What "the same answer" means between the two engines: the same ids per collection, areas, shares and
 * lengths within 1e-9 relative (1e-12 km² absolute for values at zero), the same outcomes, the same
 * summary and warnings. Returns the differences (empty when the answers agree).
 */
import type { CheckResult, ConflictEntry } from '../../server/conflicts/types';

export const REL = 1e-9;
export const ABS = 1e-12;

export const close = (a: number | null | undefined, b: number | null | undefined) =>
  a === b || (typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) <= REL * Math.max(Math.abs(a), Math.abs(b)) + ABS);

/** One entry per finding: a right split by an agreement on file has a covered and a remaining entry (issue 14 item 5). */
const keyOf = (e: ConflictEntry) => `${e.check ?? e.collection}:${e.id}${e.agreement ? `:${e.agreement.part}` : ''}`;

export interface CompareOptions {
  /**
   * Absolute slack for pipeline crossing lengths (km) and their shares, on top of 1e-9 relative. 0 between
   * the engines (same grid); 1e-9 km (1 µm) between the gridded and the floating overlay, whose crossing
   * end points differ by up to the 1e-12° grid (≈ 0.1 µm) — 1e-8 relative of a 7 m crossing.
   */
  lengthAbsKm?: number;
  /**
   * Absolute slack for overlap areas (km²) and shares, on top of 1e-9 relative. 0 between the engines;
   * 1e-10 km² (1 cm²) between the gridded and the floating overlay: moving vertices by < 1e-12° changes an
   * area by at most its perimeter × 1e-7 m, which is above 1e-9 relative only for overlaps under ~0.1 km²
   * (slivers of touching inputs: 4e-8 km² ± 1e-11; tiny inputs: 0.017 km² ± 2e-11).
   */
  areaAbsKm2?: number;
}

export function compareChecks(
  pg: Pick<CheckResult, 'conflicts' | 'summary' | 'warnings'>,
  lite: Pick<CheckResult, 'conflicts' | 'summary' | 'warnings'>,
  opts: CompareOptions = {},
): string[] {
  const diffs: string[] = [];
  const lengthAbs = opts.lengthAbsKm ?? 0;
  const areaAbs = opts.areaAbsKm2 ?? 0;
  const a = new Map(pg.conflicts.map((e) => [keyOf(e), e]));
  const b = new Map(lite.conflicts.map((e) => [keyOf(e), e]));
  for (const k of a.keys()) if (!b.has(k)) diffs.push(`only on PostGIS: ${k} (${a.get(k)!.overlap_area_km2} km²)`);
  for (const k of b.keys()) if (!a.has(k)) diffs.push(`only on PGlite: ${k} (${b.get(k)!.overlap_area_km2} km²)`);
  for (const [k, x] of a) {
    const y = b.get(k);
    if (!y) continue;
    for (const f of ['overlap_area_km2', 'share_of_input', 'share_of_feature', 'length_km', 'length_in_input_km'] as const) {
      const lengthLike = x.collection === 'pipelines' && (f === 'length_km' || f === 'length_in_input_km' || f === 'share_of_feature');
      const d = Math.abs((x[f] as number) - (y[f] as number));
      // a share's slack is the area slack over the area it divides by (input or feature)
      const base = f === 'share_of_input' || f === 'share_of_feature' ? (x[f] ? x.overlap_area_km2 / (x[f] as number) : 0) : 0;
      const slack = lengthLike ? lengthAbs : f === 'overlap_area_km2' ? areaAbs : base > 0 ? areaAbs / base : 0;
      const ok = close(x[f] as number, y[f] as number) || d <= slack;
      if (!ok) diffs.push(`${k} ${f}: PostGIS ${x[f]} ≠ PGlite ${y[f]}`);
    }
    for (const f of ['outcome', 'deductible', 'status', 'holder', 'category', 'zone'] as const)
      if (x[f] !== y[f]) diffs.push(`${k} ${f}: PostGIS ${String(x[f])} ≠ PGlite ${String(y[f])}`);
    if (JSON.stringify(x.basis.map((r) => r.rule)) !== JSON.stringify(y.basis.map((r) => r.rule))) diffs.push(`${k} basis rules differ`);
    if (JSON.stringify(x.crosses ?? null) !== JSON.stringify(y.crosses ?? null)) diffs.push(`${k} crosses differ`);
    if (x.agreement || y.agreement) {
      for (const f of ['overlap_km2', 'covered_km2', 'remaining_km2'] as const)
        if (!close(x.agreement?.[f], y.agreement?.[f]) && Math.abs((x.agreement?.[f] ?? NaN) - (y.agreement?.[f] ?? NaN)) > areaAbs)
          diffs.push(`${k} agreement.${f}: PostGIS ${x.agreement?.[f]} ≠ PGlite ${y.agreement?.[f]}`);
      const docs = (e: ConflictEntry) => JSON.stringify(e.agreement?.documents.map((d) => d.id) ?? null);
      if (docs(x) !== docs(y)) diffs.push(`${k} agreement documents differ`);
    }
    const flags = (e: ConflictEntry) => JSON.stringify(e.flags?.map((f) => f.id) ?? null);
    if (flags(x) !== flags(y)) diffs.push(`${k} flags differ: PostGIS ${flags(x)} ≠ PGlite ${flags(y)}`);
  }
  const keys = new Set([...Object.keys(pg.summary), ...Object.keys(lite.summary)]);
  for (const k of keys) {
    const x = pg.summary[k];
    const y = lite.summary[k];
    if (k === 'net_area_km2') {
      // input − deductible: near zero when the whole input is deducted, so relative to the operands
      const scale = Math.max(Math.abs(pg.summary.deductible_area_km2), Math.abs(x as number));
      if (Math.abs((x as number) - (y as number)) > REL * scale + ABS) diffs.push(`summary.${k}: PostGIS ${x} ≠ PGlite ${y}`);
    } else if (typeof x === 'number' || typeof y === 'number') {
      if (!close(x as number, y as number)) diffs.push(`summary.${k}: PostGIS ${x} ≠ PGlite ${y}`);
    } else if (!x || !y || x.count !== y.count || !close(x.area_km2, y.area_km2)) {
      diffs.push(`summary.${k}: PostGIS ${JSON.stringify(x)} ≠ PGlite ${JSON.stringify(y)}`);
    }
  }
  const wa = pg.warnings.map((w) => w.code).join(',');
  const wb = lite.warnings.map((w) => w.code).join(',');
  if (wa !== wb) diffs.push(`warnings: PostGIS ${wa} ≠ PGlite ${wb}`);
  return diffs;
}

/** Deep equality of JSON values with numbers compared by `close` (GeoJSON coordinates, properties). */
export function sameJson(x: unknown, y: unknown, path = ''): string[] {
  if (typeof x === 'number' && typeof y === 'number') return close(x, y) ? [] : [`${path}: ${x} ≠ ${y}`];
  if (Array.isArray(x) && Array.isArray(y)) {
    if (x.length !== y.length) return [`${path}: length ${x.length} ≠ ${y.length}`];
    return x.flatMap((v, i) => sameJson(v, y[i], `${path}[${i}]`));
  }
  if (x && y && typeof x === 'object' && typeof y === 'object') {
    const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
    return [...keys].flatMap((k) => sameJson((x as Record<string, unknown>)[k], (y as Record<string, unknown>)[k], `${path}.${k}`));
  }
  return x === y ? [] : [`${path}: ${JSON.stringify(x)} ≠ ${JSON.stringify(y)}`];
}

/**
 * The same geometry, whatever its representation: GEOS versions may start a ring at another vertex,
 * order the parts of a multi-geometry differently or split a line at another junction. Compares the
 * sets of vertices (to 1e-9°) instead of the JSON; the areas and lengths are compared apart.
 */
export function sameVertices(x: unknown, y: unknown): boolean {
  // lines: GEOS 3.11 and 3.14 merge a union's line parts at different nodes; their lengths are compared
  const type = (x as { type?: string } | null)?.type ?? '';
  if (type.endsWith('LineString')) return type === (y as { type?: string } | null)?.type;
  const set = (g: unknown) =>
    new Set(
      (JSON.stringify((g as { coordinates?: unknown } | null)?.coordinates ?? null).match(/-?\d+(\.\d+)?(e-?\d+)?/g) ?? [])
        .map(Number)
        .reduce<string[]>((acc, v, i, all) => (i % 2 ? acc : [...acc, `${all[i].toFixed(9)},${all[i + 1].toFixed(9)}`]), []),
    );
  const a = set(x);
  const b = set(y);
  // one may keep a degree-2 node another version of GEOS merged away (a line's junction): subset, not equality
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  return [...small].every((v) => large.has(v));
}

/**
 * Relinquishment planner (扣减范围方案) — RULES.md §2 and §6.
 *
 * At an extension the holder must give up `required_km2` and proposes the extent itself (R-RED-5,
 * 晋自然资发〔2020〕15号 合同范本); protected areas and (proposed) red lines inside the block are deducted
 * first and count toward the requirement (PA-4, 晋自然资发〔2020〕11号 十). This module proposes extents:
 *
 * 1. `P` = deduct_first features clipped to the block and unioned. If area(P) ≥ required, the only
 *    candidate is P (strategy `protected-first`) and any excess is a warning.
 * 2. Otherwise the rest is cut from `block − P` with axis-aligned lon/lat lines (surveyors stake straight
 *    lines): N/S/E/W strips (one cut line), corner rectangles (two cut lines, five aspect ratios) and, when P
 *    exists, a rectangle grown around P (`protected-first`, up to four lines). The cut position is found by
 *    bisection on the ellipsoidal area (fast Sutherland–Hodgman evaluator, ./clip), then re-measured on the
 *    real Turf clip and refined on it if needed, until area ∈ [required, required × 1.005] (aiming at
 *    required + 0.00005 … + max(0.0005, 0.01 %)). New vertices are moved onto the geodesic edges they split
 *    (./snap) so relinquished + retained = block exactly.
 * 3. Each cut is scored (reserve area, producing wells, wells, pipeline length lost, retained contiguity,
 *    vertices, cut lines, excess) and the best 1–3, one per side/corner, are returned.
 *
 * Pure: no I/O. Areas are ellipsoidal (GRS80/CGCS2000, geodesic edges) — see ./area.
 */
import { difference, feature, featureCollection, intersect } from '@turf/turf';
import type { LineString, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import { AppError } from '../errors';
import { ellipsoidalAreaKm2, polygonAreaM2 } from '../geodesy/area';
import { bboxOf, clippedAreaKm2, prepareArea, regionPolygon, type BBox, type CutRegion } from './clip';
import { cornerTable, type CornerRow } from './corners';
import { mergeSources, prepareSnapSource, snapToSource, type CutLine } from './snap';
import {
  clipAndUnion,
  measureTouches,
  safeIntersect,
  safeUnion,
  type Areal,
  type PreparedKeep,
  type Touches,
  type WellInput,
} from './touches';

export type { CornerRow } from './corners';
export type { Touches, WellInput } from './touches';

export interface DeductFirstInput {
  id: string;
  collection: 'protected-areas' | 'redlines';
  name: string;
  geometry: Polygon | MultiPolygon;
}

export interface PlanInput {
  block: Polygon | MultiPolygon;
  required_km2: number;
  keep?: {
    reserves?: (Polygon | MultiPolygon)[];
    wells?: WellInput[];
    pipelines?: (LineString | MultiLineString)[];
  };
  deduct_first?: DeductFirstInput[];
  max_candidates?: number;
  /**
   * Named reading (issue 11 item 5): do the protected areas and red lines that must leave the block count toward the
   * required reduction? Default false — no source says they do (000-part-b ambiguity 6; 晋自然资发〔2020〕11号 十 deducts
   * them and then processes the extension), so the cut is found on top of them. true reproduces the old behaviour.
   */
  protected_counts_toward_required?: boolean;
}

export type Strategy =
  'protected-first' | 'west-strip' | 'east-strip' | 'north-strip' | 'south-strip' | 'corner-nw' | 'corner-ne' | 'corner-sw' | 'corner-se';

export interface Candidate {
  id: 'A' | 'B' | 'C';
  strategy: Strategy;
  /** The area to give up (deducted protected areas included). */
  geometry: Polygon | MultiPolygon;
  area_km2: number;
  /**
   * What counts toward the required reduction: area_km2 less the protected areas (unless the reading counts them) and
   * less proven-reserve area (the base excludes it, 273号令 第十五条 “不含已提交探明地质储量范围”, 000:L3366).
   */
  counted_km2: number;
  retained: Polygon | MultiPolygon;
  retained_area_km2: number;
  /** Corner table of the relinquished part. */
  corners: CornerRow[];
  touches: Touches;
  /** Retained part is one polygon (holes allowed). */
  contiguous_retained: boolean;
  /** Number of new straight cut lines to stake in the field (runs of edges along a cut meridian/parallel). */
  straight_edges: number;
  /** Cut lines used: meridians as `lon`, parallels as `lat` (degrees, CGCS2000). */
  cut_lines: { lon?: number; lat?: number }[];
  /** Short sentences, each "中文 / English". */
  reasons: string[];
  /** 100 minus penalties; higher is better. */
  score: number;
}

export interface PlannerWarning {
  code: string;
  params?: Record<string, string | number | boolean | null>;
  message: string;
  message_zh: string;
}

export interface PlanResult {
  required_km2: number;
  block_area_km2: number;
  protected_km2: number;
  candidates: Candidate[];
  warnings: PlannerWarning[];
}

/** Upper tolerance: a candidate may exceed the requirement by at most 0.5 %. */
export const MAX_EXCESS_RATIO = 0.005;
/** Parts smaller than this (km², = 1 m²) are clipping dust and are dropped. */
const DUST_KM2 = 1e-6;

interface StrategyDef {
  strategy: Strategy;
  /** Diversity group: at most one candidate per group is returned. */
  group: string;
  zh: string;
  en: string;
  region(s: number): CutRegion;
  aspect?: string;
}

function strategies(b: BBox, pBox: BBox | null): StrategyDef[] {
  const [x0, y0, x1, y1] = b;
  const W = x1 - x0,
    H = y1 - y0;
  const defs: StrategyDef[] = [
    { strategy: 'west-strip', group: 'W', zh: '西侧条带', en: 'West strip', region: (s) => ({ lonMax: x0 + s * W }) },
    { strategy: 'east-strip', group: 'E', zh: '东侧条带', en: 'East strip', region: (s) => ({ lonMin: x1 - s * W }) },
    { strategy: 'north-strip', group: 'N', zh: '北侧条带', en: 'North strip', region: (s) => ({ latMin: y1 - s * H }) },
    { strategy: 'south-strip', group: 'S', zh: '南侧条带', en: 'South strip', region: (s) => ({ latMax: y0 + s * H }) },
  ];
  const corners = [
    { strategy: 'corner-nw', zh: '西北角矩形', en: 'North-west corner rectangle', west: true, north: true },
    { strategy: 'corner-ne', zh: '东北角矩形', en: 'North-east corner rectangle', west: false, north: true },
    { strategy: 'corner-sw', zh: '西南角矩形', en: 'South-west corner rectangle', west: true, north: false },
    { strategy: 'corner-se', zh: '东南角矩形', en: 'South-east corner rectangle', west: false, north: false },
  ] as const;
  // Aspect = growth rate of the lon and lat fractions of the bbox: square-ish, wide, tall, very wide, very tall
  // (more shapes give more chances to pass between the features to keep).
  const aspects: [number, number, string][] = [
    [1, 1, '1:1'],
    [1.6, 0.8, 'wide'],
    [0.8, 1.6, 'tall'],
    [2.5, 0.5, 'wider'],
    [0.5, 2.5, 'taller'],
  ];
  for (const c of corners) {
    for (const [kx, ky, name] of aspects) {
      defs.push({
        strategy: c.strategy,
        group: c.strategy,
        zh: c.zh,
        en: c.en,
        aspect: name,
        region: (s) => {
          const fx = Math.min(1, s * kx),
            fy = Math.min(1, s * ky);
          const r: CutRegion = {};
          if (c.west) r.lonMax = x0 + fx * W;
          else r.lonMin = x1 - fx * W;
          if (c.north) r.latMin = y1 - fy * H;
          else r.latMax = y0 + fy * H;
          return r;
        },
      });
    }
  }
  if (pBox) {
    // Grow a rectangle around the protected areas: from their centre (s = 0) to their bbox (s = 0.5) to the
    // whole block (s = 1), so the relinquished part is one piece around them.
    const cx = (pBox[0] + pBox[2]) / 2,
      cy = (pBox[1] + pBox[3]) / 2;
    const lerp = (p: number, q: number, u: number) => p + (q - p) * u;
    defs.push({
      strategy: 'protected-first',
      group: 'P',
      zh: '以保护区为核心外扩矩形',
      en: 'Rectangle grown around the protected areas',
      region: (s) => {
        if (s <= 0.5) {
          const u = s / 0.5;
          return { lonMin: lerp(cx, pBox[0], u), lonMax: lerp(cx, pBox[2], u), latMin: lerp(cy, pBox[1], u), latMax: lerp(cy, pBox[3], u) };
        }
        const u = (s - 0.5) / 0.5;
        return { lonMin: lerp(pBox[0], x0, u), lonMax: lerp(pBox[2], x1, u), latMin: lerp(pBox[1], y0, u), latMax: lerp(pBox[3], y1, u) };
      },
    });
  }
  return defs;
}

/** Monotone bisection: the smallest-ish s in [0,1] with f(s) inside [lo, hi]; returns the last s with f ≥ lo. */
function bisect(f: (s: number) => number, lo: number, hi: number, maxIter = 80): { s: number; value: number } {
  let a = 0,
    b = 1;
  let fb = f(1);
  if (fb < lo) return { s: 1, value: fb };
  for (let i = 0; i < maxIter; i++) {
    const m = (a + b) / 2;
    const fm = f(m);
    if (fm < lo) a = m;
    else if (fm > hi) {
      b = m;
      fb = fm;
    } else return { s: m, value: fm };
  }
  return { s: b, value: fb };
}

function asAreal(polys: Position[][][]): Areal | null {
  if (polys.length === 0) return null;
  return polys.length === 1 ? { type: 'Polygon', coordinates: polys[0] } : { type: 'MultiPolygon', coordinates: polys };
}

function partsOf(g: Areal | null): Position[][][] {
  if (!g) return [];
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

/** Drop sub-m² parts left by the clipper. */
function dropDust(g: Areal | null): Areal | null {
  return asAreal(partsOf(g).filter((p) => polygonAreaM2(p) / 1e6 >= DUST_KM2));
}

function turfDifference(a: Areal, b: Areal): Areal | null {
  const r = difference(featureCollection([feature(a), feature(b)]));
  return r ? r.geometry : null;
}

function turfIntersect(a: Areal, b: Areal): Areal | null {
  const r = intersect(featureCollection([feature(a), feature(b)]));
  return r ? r.geometry : null;
}

function regionCuts(r: CutRegion): CutLine[] {
  const cuts: CutLine[] = [];
  if (r.lonMax !== undefined) cuts.push({ lon: r.lonMax });
  if (r.lonMin !== undefined) cuts.push({ lon: r.lonMin });
  if (r.latMax !== undefined) cuts.push({ lat: r.latMax });
  if (r.latMin !== undefined) cuts.push({ lat: r.latMin });
  return cuts;
}

/** Runs of consecutive relinquished-boundary edges lying on one of the cut lines. */
function countCutEdges(g: Areal, cuts: { lon?: number; lat?: number }[]): number {
  const eps = 1e-10;
  const lineOf = (p: Position, q: Position): number => {
    for (let k = 0; k < cuts.length; k++) {
      const c = cuts[k];
      if (c.lon !== undefined && Math.abs(p[0] - c.lon) < eps && Math.abs(q[0] - c.lon) < eps) return k;
      if (c.lat !== undefined && Math.abs(p[1] - c.lat) < eps && Math.abs(q[1] - c.lat) < eps) return k;
    }
    return -1;
  };
  let runs = 0;
  for (const poly of partsOf(g)) {
    for (const ring of poly) {
      const n = ring.length - 1; // closed ring
      if (n < 3) continue;
      const on: number[] = [];
      for (let i = 0; i < n; i++) on.push(lineOf(ring[i], ring[i + 1]));
      for (let i = 0; i < n; i++) {
        const prev = on[(i - 1 + n) % n];
        if (on[i] >= 0 && on[i] !== prev) runs++;
      }
    }
  }
  return runs;
}

const f4 = (x: number) => x.toFixed(4);
const f6 = (x: number) => x.toFixed(6);

interface Built {
  def: StrategyDef | null;
  strategy: Strategy;
  geometry: Areal;
  area: number;
  retained: Areal;
  cuts: { lon?: number; lat?: number }[];
}

function validate(input: PlanInput): void {
  const bad = (msg: string, zh: string) => new AppError(422, 'PLANNER_INVALID_INPUT', msg, zh);
  if (!input || !input.block || (input.block.type !== 'Polygon' && input.block.type !== 'MultiPolygon')) {
    throw bad('block must be a GeoJSON Polygon or MultiPolygon', '区块须为 GeoJSON Polygon 或 MultiPolygon');
  }
  if (!Number.isFinite(input.required_km2) || input.required_km2 <= 0) {
    throw bad('required_km2 must be a positive number', '应扣减面积 required_km2 须为正数');
  }
  for (const poly of partsOf(input.block)) {
    for (const ring of poly) {
      if (ring.length < 4) throw bad('every ring needs at least 4 positions (closed)', '每个环至少 4 个点（首尾闭合）');
      for (const p of ring) {
        if (!Number.isFinite(p[0]) || !Number.isFinite(p[1]) || Math.abs(p[0]) > 180 || Math.abs(p[1]) > 90) {
          throw bad('coordinates must be lon/lat degrees (CGCS2000)', '坐标须为经纬度（CGCS2000）');
        }
      }
    }
  }
}

export function planRelinquishment(input: PlanInput): PlanResult {
  validate(input);
  const required = input.required_km2;
  const maxCandidates = Math.max(1, Math.min(3, Math.floor(input.max_candidates ?? 3)));
  const block = input.block;
  const blockArea = ellipsoidalAreaKm2(block);
  const blockParts = partsOf(block).length;
  const warnings: PlannerWarning[] = [];
  const warn = (code: string, message: string, message_zh: string) => warnings.push({ code, params: {}, message, message_zh });
  const counts = input.protected_counts_toward_required === true;
  // pCount: the protected area that counts toward the requirement under the reading (0 by default).

  if (required >= blockArea) {
    throw new AppError(
      422,
      'PLANNER_REQUIRED_EXCEEDS_BLOCK',
      `Required ${f4(required)} km² is not less than the block area ${f4(blockArea)} km²`,
      `应扣减面积 ${f4(required)} km² 不小于区块面积 ${f4(blockArea)} km²`,
    );
  }
  if (blockParts > 1) {
    warn(
      'BLOCK_MULTIPART',
      `The block has ${blockParts} parcels; the retained part cannot be one polygon`,
      `区块由 ${blockParts} 块组成，保留区无法为单一多边形`,
    );
  }

  // 1. Protected areas and red lines first (PA-4).
  const items: { item: DeductFirstInput; area: number }[] = [];
  const clippedParts: Areal[] = [];
  for (const item of input.deduct_first ?? []) {
    const c = dropDust(safeIntersect(item.geometry, block));
    if (!c) continue;
    items.push({ item, area: ellipsoidalAreaKm2(c) });
    clippedParts.push(c);
  }
  const blockSrc = prepareSnapSource(block);
  const unionP = dropDust(safeUnion(clippedParts));
  const P = unionP ? snapToSource(unionP, blockSrc) : null;
  const pArea = ellipsoidalAreaKm2(P);
  const pCount = counts ? pArea : 0;
  if (P) {
    warn(
      counts ? 'PROTECTED_COUNTED_READING' : 'PROTECTED_NOT_COUNTED_READING',
      counts
        ? `Reading protected_counts_toward_required = true: the ${f4(pArea)} km² of protected areas/red lines deducted first count toward the required reduction — no source says so (000-part-b ambiguity 6)`
        : `Reading protected_counts_toward_required = false (default): the ${f4(pArea)} km² of protected areas/red lines must leave the block but do not count toward the required ${f4(required)} km² (no source says they count; 晋自然资发〔2020〕11号 十 deducts them, then the extension is processed)`,
      counts
        ? `读法 protected_counts_toward_required = true：先行扣除的保护地/生态红线 ${f4(pArea)} km² 计入应核减面积——无文件依据（000-part-b 歧义 6）`
        : `读法 protected_counts_toward_required = false（默认）：保护地/生态红线 ${f4(pArea)} km² 须退出，但不计入应核减面积 ${f4(required)} km²（无文件规定计入；晋自然资发〔2020〕11号 十 先扣除后办理延续）`,
    );
  }
  const protectedReason = P
    ? `先扣除保护区/生态红线 ${items.length} 处（${items.map((i) => `${i.item.name} ${f4(i.area)} km²`).join('，')}），合计 ${f4(pArea)} km²，${counts ? '计入应扣面积（读法 protected_counts_toward_required = true）' : '须退出但不计入应扣面积（默认读法）'} / ` +
      `${items.length} protected area(s)/red line(s) inside the block (${f4(pArea)} km² in total) are deducted first and ${counts ? 'count toward the requirement (reading protected_counts_toward_required = true)' : 'must leave but do not count toward the requirement (default reading)'}`
    : null;

  if (items.some((i) => i.item.collection === 'redlines')) {
    warn(
      'REDLINE_COMMITMENT_OPTION',
      'Red lines were deducted; a proposed (not yet official) red line may instead be kept on a written commitment not to work inside it (PA-5) — leave it out of deduct_first to plan that way',
      '已扣除生态红线；拟划（尚未正式划定）的红线可改为书面承诺不在其内作业而暂不扣除（PA-5）——如选此方式，请勿将其列入 deduct_first',
    );
  }

  const keep: PreparedKeep = {
    reserves: input.keep?.reserves?.length ? dropDust(clipAndUnion(input.keep.reserves, block)) : null,
    wells: input.keep?.wells ?? [],
    pipelines: input.keep?.pipelines ?? [],
  };

  const built: Built[] = [];
  const failed: string[] = [];
  const hardHi = required * (1 + MAX_EXCESS_RATIO);

  if (P && counts && pArea >= required) {
    const diff = dropDust(turfDifference(block, P));
    const retained = diff ? snapToSource(diff, blockSrc) : null;
    if (!retained) throw new AppError(422, 'PLANNER_NOTHING_RETAINED', 'Protected areas cover the whole block', '保护区覆盖整个区块');
    built.push({ def: null, strategy: 'protected-first', geometry: P, area: pArea, retained, cuts: [] });
    if (pArea > hardHi) {
      warn(
        'PROTECTED_EXCEEDS_REQUIRED',
        `Protected areas and red lines inside the block (${f4(pArea)} km²) exceed the required ${f4(required)} km² by ${f4(pArea - required)} km²; all of them must still be deducted`,
        `区块内保护区及生态红线面积 ${f4(pArea)} km² 超出应扣面积 ${f4(required)} km² 达 ${f4(pArea - required)} km²，仍须全部扣除`,
      );
    }
  } else {
    const diff = P ? dropDust(turfDifference(block, P)) : block;
    const remainder = diff && P ? snapToSource(diff, blockSrc) : diff;
    if (!remainder) throw new AppError(422, 'PLANNER_NOTHING_RETAINED', 'Protected areas cover the whole block', '保护区覆盖整个区块');
    const prep = prepareArea(remainder);
    const frame = bboxOf(block);
    const margin = Math.min(5e-5, required * 1e-3);
    const goalLo = required + margin;
    const goalHi = Math.min(hardHi, goalLo + Math.max(5e-4, required * 1e-4));
    const remSrc = prepareSnapSource(remainder);
    const snapped = (g: Areal | null, r: CutRegion) => (g ? snapToSource(g, remSrc, regionCuts(r)) : null);
    const pSrc = P ? prepareSnapSource(P) : null;
    // P ∪ part: the union re-intersects edges in the plane, so snap its new vertices too.
    const joinP = (part: Areal | null, r: CutRegion): Areal | null => {
      if (!P || !part || !pSrc) return part;
      const u = safeUnion([P, part]);
      return u ? snapToSource(u, mergeSources(pSrc, prepareSnapSource(part)), regionCuts(r)) : null;
    };
    const exactPart = (r: CutRegion) => snapped(dropDust(turfIntersect(remainder, regionPolygon(r, frame))), r);

    for (const def of strategies(frame, P ? bboxOf(P) : null)) {
      try {
        const cache = new Map<Position[], number>();
        const fast = bisect((s) => pCount + clippedAreaKm2(prep, def.region(s), cache), goalLo, goalHi);
        let s = fast.s;
        let region = def.region(s);
        let part = exactPart(region);
        let geometry = joinP(part, region);
        let area = ellipsoidalAreaKm2(geometry);
        if (!(area - pArea + pCount >= required && area - pArea + pCount <= hardHi)) {
          // The fast evaluator and the real clip disagree (clip fell into pieces): refine on the real clip.
          const exact = bisect((t) => pCount + ellipsoidalAreaKm2(exactPart(def.region(t))), goalLo, goalHi, 60);
          s = exact.s;
          region = def.region(s);
          part = exactPart(region);
          geometry = joinP(part, region);
          area = ellipsoidalAreaKm2(geometry);
        }
        if (!geometry || !(area - pArea + pCount >= required && area - pArea + pCount <= hardHi)) continue;
        // Only cut lines that actually bound the part; a corner that degenerates to one line is a strip,
        // which the strip strategies already cover.
        const cuts = regionCuts(region).filter((c) => countCutEdges(part!, [c]) > 0);
        if (cuts.length === 0 || (def.aspect && cuts.length < 2)) continue;
        const retained = snapped(dropDust(turfDifference(remainder, regionPolygon(region, frame))), region);
        if (!retained) continue;
        built.push({ def, strategy: def.strategy, geometry, area, retained, cuts });
      } catch {
        failed.push(def.strategy); // polyclip can throw on degenerate input; skip this cut
      }
    }
  }

  // 2. Measure and score.
  const scored: (Omit<Candidate, 'id'> & { group: string })[] = built.map((b) => {
    const { touches, producingIds } = measureTouches(b.geometry, keep, pArea);
    const retainedParts = partsOf(b.retained).length;
    const contiguous = retainedParts === 1;
    const corners = cornerTable(b.geometry);
    const straight = countCutEdges(b.geometry, b.cuts);
    const relParts = partsOf(b.geometry).length;
    const penalties =
      (touches.reserves_km2 > 1e-6 ? 15 + 60 * Math.min(1, touches.reserves_km2 / required) : 0) +
      10 * touches.producing_wells +
      1 * (touches.wells - touches.producing_wells) +
      3 * touches.pipelines_km +
      (retainedParts > blockParts ? 50 : 0) +
      0.25 * Math.max(0, corners.length - 4) +
      1.5 * Math.max(0, straight - 1) +
      1 * Math.max(0, relParts - 1) +
      (100 * Math.max(0, b.area - pArea + pCount - required)) / required;
    const score = Math.round((100 - penalties) * 100) / 100;

    const reasons: string[] = [];
    if (b.strategy === 'protected-first') {
      reasons.push(
        '区块内保护区及生态红线面积已达到应扣面积，仅扣除这些区域，无需另行切割 / ' +
          'Protected areas and red lines inside the block already reach the required area; only they are deducted, no extra cut',
      );
      if (b.area > hardHi) {
        reasons.push(
          `超出应扣面积 ${f4(b.area - required)} km²，但保护区须全部扣除 / Exceeds the requirement by ${f4(b.area - required)} km², but protected areas must all be deducted`,
        );
      }
    } else if (b.def) {
      const lines = b.cuts.map((c) => (c.lon !== undefined ? `经线 ${f6(c.lon)}°E` : `纬线 ${f6(c.lat!)}°N`)).join('、');
      const linesEn = b.cuts.map((c) => (c.lon !== undefined ? `meridian ${f6(c.lon)}°E` : `parallel ${f6(c.lat!)}°N`)).join(' and ');
      reasons.push(
        `${b.def.zh}：沿${lines}切割，实地放样 ${straight} 条直线 / ${b.def.en}: cut along ${linesEn}; ${straight} straight line(s) to stake`,
      );
    }
    if (protectedReason) reasons.push(protectedReason);
    reasons.push(
      `扣减面积 ${f4(b.area)} km²，不少于应扣 ${f4(required)} km²（多扣 ${f4(b.area - required)} km²，${((b.area / required - 1) * 100).toFixed(3)}%） / ` +
        `Relinquishes ${f4(b.area)} km² ≥ required ${f4(required)} km² (+${f4(b.area - required)} km², ${((b.area / required - 1) * 100).toFixed(3)} %)`,
    );
    if (keep.reserves) {
      reasons.push(
        touches.reserves_km2 > 1e-6
          ? `涉及探明储量区 ${f4(touches.reserves_km2)} km² / Takes ${f4(touches.reserves_km2)} km² of proven-reserve area`
          : '避开探明储量区 / Avoids the proven-reserve areas',
      );
    }
    if (keep.wells.length) {
      reasons.push(
        touches.producing_wells > 0
          ? `含生产井 ${touches.producing_wells} 口（${producingIds.join(', ')}），井 ${touches.wells} 口 / Contains ${touches.producing_wells} producing well(s) (${producingIds.join(', ')}), ${touches.wells} well(s) in all`
          : touches.wells > 0
            ? `不含生产井，含非生产井 ${touches.wells} 口 / No producing well; ${touches.wells} non-producing well(s)`
            : '不含任何井 / Contains no wells',
      );
    }
    if (keep.pipelines.length) {
      reasons.push(
        touches.pipelines_km > 1e-6
          ? `压覆管线 ${touches.pipelines_km.toFixed(3)} km / ${touches.pipelines_km.toFixed(3)} km of pipeline inside`
          : '不压覆管线 / No pipeline inside',
      );
    }
    reasons.push(
      contiguous
        ? '保留区为一个连续整体 / The retained part stays one contiguous polygon'
        : `保留区被分割为 ${retainedParts} 块 / The retained part falls into ${retainedParts} pieces`,
    );
    reasons.push(`扣减区拐点 ${corners.length} 个 / ${corners.length} corner points in the relinquished part`);
    reasons.push(
      '扣减范围由探矿权人提出（R-RED-5，晋自然资发〔2020〕15号 合同范本）；本方案仅供选择 / ' +
        'The holder proposes the deducted extent (R-RED-5); this is a proposal to choose from',
    );

    return {
      strategy: b.strategy,
      group: b.def ? b.def.group : 'P',
      geometry: b.geometry,
      area_km2: b.area,
      counted_km2: Math.max(0, b.area - pArea + pCount - touches.reserves_km2),
      retained: b.retained,
      retained_area_km2: ellipsoidalAreaKm2(b.retained),
      corners,
      touches,
      contiguous_retained: contiguous,
      straight_edges: straight,
      cut_lines: b.cuts,
      reasons,
      score,
    };
  });

  // 3. Rank; one per side/corner group; drop geometric duplicates.
  scored.sort((a, b) => b.score - a.score || a.area_km2 - b.area_km2);
  const chosen: typeof scored = [];
  const seenGroups = new Set<string>();
  const seenShapes: string[] = [];
  for (const c of scored) {
    if (chosen.length >= maxCandidates) break;
    if (seenGroups.has(c.group)) continue;
    const bb = bboxOf(c.geometry);
    const key = `${bb.map((v) => v.toFixed(7)).join(',')}|${c.area_km2.toFixed(4)}`;
    if (seenShapes.includes(key)) continue;
    seenGroups.add(c.group);
    seenShapes.push(key);
    chosen.push(c);
  }

  if (failed.length) {
    warn(
      'PLANNER_CLIP_FAILED',
      `Polygon clipping failed for ${[...new Set(failed)].join(', ')}; those cuts were skipped`,
      `多边形裁剪失败，已跳过：${[...new Set(failed)].join('、')}`,
    );
  }
  if (chosen.length === 0) {
    warn('PLANNER_NO_CANDIDATE', 'No straight-line cut met the required area within tolerance', '没有找到满足面积容差的直线切割方案');
  } else {
    const best = chosen[0];
    if (keep.reserves && best.touches.reserves_km2 > 1e-6) {
      warn('RESERVES_UNAVOIDABLE', 'No proposed cut avoids the proven-reserve areas', '所有方案均涉及探明储量区');
    }
    for (const c of chosen) {
      if (c.counted_km2 < required - 1e-4) {
        warn(
          'RESERVES_NOT_COUNTED',
          `Candidate ${c.strategy} gives up ${f4(c.touches.reserves_km2)} km² of proven-reserve area, which does not count toward the reduction (the base excludes it, 273号令 第十五条): it counts ${f4(c.counted_km2)} of the required ${f4(required)} km²`,
          `方案 ${c.strategy} 含探明储量区 ${f4(c.touches.reserves_km2)} km²，不计入核减（基数不含探明储量范围，273号令 第十五条）：计入 ${f4(c.counted_km2)} km²，应核减 ${f4(required)} km²`,
        );
      }
    }
    if (best.touches.producing_wells > 0) {
      warn('PRODUCING_WELLS_UNAVOIDABLE', 'No proposed cut avoids every producing well', '所有方案均包含生产井');
    }
    if (!best.contiguous_retained && blockParts === 1) {
      warn('RETAINED_SPLIT', 'No proposed cut keeps the retained part in one piece', '所有方案均使保留区不连续');
    }
  }

  const candidates: Candidate[] = chosen.map(({ group: _group, ...c }, i) => ({ id: (['A', 'B', 'C'] as const)[i], ...c }));
  return { required_km2: required, block_area_km2: blockArea, protected_km2: pArea, candidates, warnings };
}

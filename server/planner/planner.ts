/**
 * Relinquishment planner (扣减范围方案) — RULES.md §2 and §6.
 *
 * At an extension the holder must give up `required_km2` and proposes the extent itself (R-RED-5,
 * 晋自然资发〔2020〕15号 合同范本); protected areas and (proposed) red lines inside the block are deducted
 * first and count toward the requirement (PA-4, 晋自然资发〔2020〕11号 十). This module proposes extents:
 *
 * 1. `P` = deduct_first features clipped to the block and unioned. They leave the block and, under the default
 *    reading (protected_counts_toward_required = false), do not count toward the requirement; with the reading
 *    true and area(P) ≥ required the only candidate is P (strategy `protected-first`), any excess a warning.
 * 2. Otherwise the rest is cut from `block − P` with axis-aligned lon/lat lines (surveyors stake straight
 *    lines): N/S/E/W strips (one cut line), corner rectangles (two cut lines, five aspect ratios) and, when P
 *    exists, a rectangle grown around P (`protected-first`, up to four lines). The cut position is found by
 *    bisection on the ellipsoidal area (fast Sutherland–Hodgman evaluator, ./clip), then re-measured on the
 *    real Turf clip and refined on it if needed, until area ∈ [required, required × 1.005] (aiming at
 *    required + 0.00005 … + max(0.0005, 0.01 %)). New vertices are moved onto the geodesic edges they split
 *    (./snap) so relinquished + retained = block exactly.
 *    Proven-reserve area a cut gives up does not count (the base excludes it, 273号令 第十五条, 000:L3366): a cut
 *    that takes reserves is enlarged until its counted area meets the requirement, or refused (RESERVES_SHORT).
 * 3. Each cut is scored (reserve area, producing wells, wells, pipeline length lost, retained contiguity,
 *    vertices, cut lines, excess) and the best 1–3, one per side/corner, are returned.
 *
 * Pure: no I/O. Areas are ellipsoidal (GRS80/CGCS2000, geodesic edges) — see ./area.
 */
import { difference, feature, featureCollection, intersect } from '@turf/turf';
import type { LineString, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import { AppError } from '../errors';
import { say, type Message } from '../i18n/message';
import { label, STRATEGIES } from '../vocab';
import { PLAN } from './messages';
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
  /** Why this extent, each sentence a Message in both languages. */
  reasons: Message[];
  /** 100 minus penalties; higher is better. */
  score: number;
}

export type PlannerWarning = Message;

export interface PlanResult {
  required_km2: number;
  block_area_km2: number;
  protected_km2: number;
  candidates: Candidate[];
  warnings: PlannerWarning[];
}

/** Upper tolerance: a candidate may exceed the requirement by at most 0.5 %. */
export const MAX_EXCESS_RATIO = 0.005;
/** Tolerance on the counted area, km² (the figures are stated to 0.0001 km²). */
const COUNT_TOL = 1e-4;
/** Parts smaller than this (km², = 1 m²) are clipping dust and are dropped. */
const DUST_KM2 = 1e-6;

interface StrategyDef {
  strategy: Strategy;
  /** Diversity group: at most one candidate per group is returned. */
  group: string;
  region(s: number): CutRegion;
  aspect?: string;
}

function strategies(b: BBox, pBox: BBox | null): StrategyDef[] {
  const [x0, y0, x1, y1] = b;
  const W = x1 - x0,
    H = y1 - y0;
  const defs: StrategyDef[] = [
    { strategy: 'west-strip', group: 'W', region: (s) => ({ lonMax: x0 + s * W }) },
    { strategy: 'east-strip', group: 'E', region: (s) => ({ lonMin: x1 - s * W }) },
    { strategy: 'north-strip', group: 'N', region: (s) => ({ latMin: y1 - s * H }) },
    { strategy: 'south-strip', group: 'S', region: (s) => ({ latMax: y0 + s * H }) },
  ];
  const corners = [
    { strategy: 'corner-nw', west: true, north: true },
    { strategy: 'corner-ne', west: false, north: true },
    { strategy: 'corner-sw', west: true, north: false },
    { strategy: 'corner-se', west: false, north: false },
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
  /** Area counting toward the requirement: outside proven reserves, and outside P unless the reading counts it. */
  counted: number;
  retained: Areal;
  cuts: { lon?: number; lat?: number }[];
}

function nothingRetained(): AppError {
  const m = say(PLAN, 'NOTHING_RETAINED');
  return new AppError(422, 'PLANNER_NOTHING_RETAINED', m.message, m.message_zh);
}

function validate(input: PlanInput): void {
  const bad = (m: Message) => new AppError(422, 'PLANNER_INVALID_INPUT', m.message, m.message_zh);
  if (!input || !input.block || (input.block.type !== 'Polygon' && input.block.type !== 'MultiPolygon')) {
    throw bad(say(PLAN, 'INVALID_BLOCK'));
  }
  if (!Number.isFinite(input.required_km2) || input.required_km2 <= 0) throw bad(say(PLAN, 'INVALID_REQUIRED'));
  for (const poly of partsOf(input.block)) {
    for (const ring of poly) {
      if (ring.length < 4) throw bad(say(PLAN, 'INVALID_RING'));
      for (const p of ring) {
        if (!Number.isFinite(p[0]) || !Number.isFinite(p[1]) || Math.abs(p[0]) > 180 || Math.abs(p[1]) > 90) {
          throw bad(say(PLAN, 'INVALID_COORDS'));
        }
      }
    }
  }
}

/** Area (km²) of proven reserves inside `g`. */
function reservesIn(g: Areal | null, reserves: Areal | null): number {
  if (!g || !reserves) return 0;
  return ellipsoidalAreaKm2(safeIntersect(reserves, g));
}

export function planRelinquishment(input: PlanInput): PlanResult {
  validate(input);
  const required = input.required_km2;
  const maxCandidates = Math.max(1, Math.min(3, Math.floor(input.max_candidates ?? 3)));
  const block = input.block;
  const blockArea = ellipsoidalAreaKm2(block);
  const blockParts = partsOf(block).length;
  const warnings: PlannerWarning[] = [];
  const warn = (m: Message) => warnings.push(m);
  const counts = input.protected_counts_toward_required === true;

  if (required >= blockArea) {
    const m = say(PLAN, 'REQUIRED_EXCEEDS_BLOCK', { required, block: blockArea });
    throw new AppError(422, 'PLANNER_REQUIRED_EXCEEDS_BLOCK', m.message, m.message_zh);
  }
  if (blockParts > 1) warn(say(PLAN, 'BLOCK_MULTIPART', { parts: blockParts }));

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
  if (P) {
    warn(
      counts
        ? say(PLAN, 'PROTECTED_COUNTED_READING', { protected: pArea })
        : say(PLAN, 'PROTECTED_NOT_COUNTED_READING', { protected: pArea, required }),
    );
  }
  const protectedReason = P
    ? say(PLAN, 'R_PROTECTED', {
        count: items.length,
        protected: pArea,
        counts,
        list: items.map((i) => `“${i.item.name}” ${f4(i.area)} km²`).join('，'),
      })
    : null;

  if (items.some((i) => i.item.collection === 'redlines')) warn(say(PLAN, 'REDLINE_COMMITMENT_OPTION'));

  const keep: PreparedKeep = {
    reserves: input.keep?.reserves?.length ? dropDust(clipAndUnion(input.keep.reserves, block)) : null,
    wells: input.keep?.wells ?? [],
    pipelines: input.keep?.pipelines ?? [],
  };

  const built: Built[] = [];
  const failed: string[] = [];
  const short: { strategy: Strategy; counted: number }[] = [];
  const hardHi = required * (1 + MAX_EXCESS_RATIO);
  const reserves = keep.reserves;
  // The counted area, defined once: what a relinquished extent counts toward the requirement is its area outside
  // proven reserves (the base excludes them: 273号令 第十五条 “不含已提交探明地质储量范围”, 000:L3366), and outside the
  // protected areas deducted first (P) unless the reading counts them. `part` is the cut outside P (disjoint from it).
  const pCounted = counts ? pArea - reservesIn(P, reserves) : 0;
  const countedOf = (part: Areal | null) => (part ? pCounted + ellipsoidalAreaKm2(part) - reservesIn(part, reserves) : pCounted);

  if (P && counts && pArea >= required) {
    const diff = dropDust(turfDifference(block, P));
    const retained = diff ? snapToSource(diff, blockSrc) : null;
    if (!retained) throw nothingRetained();
    const counted = countedOf(null);
    if (pArea > hardHi) warn(say(PLAN, 'PROTECTED_EXCEEDS_REQUIRED', { protected: pArea, required }));
    // short of the requirement once their reserves are left out: refused with the reason (RESERVES_SHORT), not built
    if (counted < required - COUNT_TOL) short.push({ strategy: 'protected-first', counted });
    else built.push({ def: null, strategy: 'protected-first', geometry: P, area: pArea, counted, retained, cuts: [] });
  } else {
    const diff = P ? dropDust(turfDifference(block, P)) : block;
    const remainder = diff && P ? snapToSource(diff, blockSrc) : diff;
    if (!remainder) throw nothingRetained();
    const frame = bboxOf(block);
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
    // What a cut can count: the remainder outside proven reserves (the fast evaluator measures it directly).
    const countable = reserves ? dropDust(turfDifference(remainder, reserves)) : remainder;
    const prepC = countable ? prepareArea(countable) : null;
    // With reserves the exact count (clip less reserves) and the fast one differ by a little more: aim a little higher.
    const margin = reserves ? Math.min(required * 1e-3, Math.max(5e-4, required * 2e-4)) : Math.min(5e-5, required * 1e-3);
    const goalLo = required + margin;
    const goalHi = Math.min(hardHi, goalLo + Math.max(5e-4, required * 1e-4));
    const countableExact = (r: CutRegion) =>
      pCounted + (countable ? ellipsoidalAreaKm2(turfIntersect(countable, regionPolygon(r, frame))) : 0);
    const ok = (c: number) => c >= required && c <= hardHi;

    for (const def of strategies(frame, P ? bboxOf(P) : null)) {
      try {
        let done: { region: CutRegion; part: Areal; geometry: Areal; area: number; counted: number } | null = null;
        let counted = 0;
        if (prepC) {
          const cache = new Map<Position[], number>();
          const fast = bisect((t) => pCounted + clippedAreaKm2(prepC, def.region(t), cache), goalLo, goalHi);
          let region = def.region(fast.s);
          let part = exactPart(region);
          counted = countedOf(part);
          if (!ok(counted)) {
            // The fast evaluator and the real clip disagree (clip fell into pieces): refine on the real clip.
            const exact = bisect((t) => countableExact(def.region(t)), goalLo, goalHi, 60);
            region = def.region(exact.s);
            part = exactPart(region);
            counted = countedOf(part);
          }
          if (part && ok(counted)) {
            const geometry = joinP(part, region);
            if (geometry) done = { region, part, geometry, area: ellipsoidalAreaKm2(geometry), counted };
          }
        }
        if (!done) {
          if (counted < required - COUNT_TOL) short.push({ strategy: def.strategy, counted });
          continue;
        }
        // Only cut lines that actually bound the part; a corner that degenerates to one line is a strip,
        // which the strip strategies already cover.
        const cuts = regionCuts(done.region).filter((c) => countCutEdges(done!.part, [c]) > 0);
        if (cuts.length === 0 || (def.aspect && cuts.length < 2)) continue;
        const retained = snapped(dropDust(turfDifference(remainder, regionPolygon(done.region, frame))), done.region);
        if (!retained) continue;
        built.push({ def, strategy: def.strategy, geometry: done.geometry, area: done.area, counted: done.counted, retained, cuts });
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
      (100 * Math.max(0, b.counted - required)) / required;
    const score = Math.round((100 - penalties) * 100) / 100;

    const reasons: Message[] = [];
    if (b.strategy === 'protected-first' && !b.def) {
      reasons.push(say(PLAN, 'R_PROTECTED_ONLY'));
      if (b.area > hardHi) reasons.push(say(PLAN, 'R_PROTECTED_EXCESS', { excess: b.area - required }));
    } else if (b.def) {
      reasons.push(
        say(PLAN, 'R_CUT', {
          strategy: b.strategy,
          lines_zh: b.cuts.map((c) => (c.lon !== undefined ? `经线 ${f6(c.lon)}°E` : `纬线 ${f6(c.lat!)}°N`)).join('、'),
          lines_en: b.cuts.map((c) => (c.lon !== undefined ? `meridian ${f6(c.lon)}°E` : `parallel ${f6(c.lat!)}°N`)).join(' and '),
          straight,
        }),
      );
    }
    if (protectedReason) reasons.push(protectedReason);
    reasons.push(say(PLAN, 'R_AREA', { area: b.area, counted: b.counted, required }));
    if (keep.reserves) {
      reasons.push(
        touches.reserves_km2 > 1e-6 ? say(PLAN, 'R_RESERVES_TAKEN', { reserves: touches.reserves_km2 }) : say(PLAN, 'R_RESERVES_AVOIDED'),
      );
    }
    if (keep.wells.length) {
      reasons.push(
        touches.producing_wells > 0
          ? say(PLAN, 'R_PRODUCING', { producing: touches.producing_wells, ids: producingIds.join(', '), wells: touches.wells })
          : touches.wells > 0
            ? say(PLAN, 'R_NONPRODUCING', { wells: touches.wells })
            : say(PLAN, 'R_NO_WELLS'),
      );
    }
    if (keep.pipelines.length) {
      reasons.push(touches.pipelines_km > 1e-6 ? say(PLAN, 'R_PIPELINES', { km: touches.pipelines_km }) : say(PLAN, 'R_NO_PIPELINES'));
    }
    reasons.push(contiguous ? say(PLAN, 'R_CONTIGUOUS') : say(PLAN, 'R_SPLIT', { parts: retainedParts }));
    reasons.push(say(PLAN, 'R_CORNERS', { corners: corners.length }));
    reasons.push(say(PLAN, 'R_HOLDER_PROPOSES'));

    return {
      strategy: b.strategy,
      group: b.def ? b.def.group : 'P',
      geometry: b.geometry,
      area_km2: b.area,
      counted_km2: b.counted,
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

  // 3. Rank; one per side/corner group; drop geometric duplicates; never a candidate whose counted area falls short.
  scored.sort((a, b) => b.score - a.score || a.area_km2 - b.area_km2);
  const chosen: typeof scored = [];
  const seenGroups = new Set<string>();
  const seenShapes: string[] = [];
  for (const c of scored) {
    if (chosen.length >= maxCandidates) break;
    if (seenGroups.has(c.group)) continue;
    if (c.counted_km2 < required - COUNT_TOL) continue;
    const bb = bboxOf(c.geometry);
    const key = `${bb.map((v) => v.toFixed(7)).join(',')}|${c.area_km2.toFixed(4)}`;
    if (seenShapes.includes(key)) continue;
    seenGroups.add(c.group);
    seenShapes.push(key);
    chosen.push(c);
  }

  if (failed.length) {
    warn(say(PLAN, 'PLANNER_CLIP_FAILED', { strategies: [...new Set(failed)].map((f) => label(STRATEGIES, f, 'en')).join(', ') }));
  }
  // A cut refused because the reserves it gives up leave it short (one warning per side/corner without any candidate).
  const shortSeen = new Set<string>(built.map((b) => b.strategy));
  for (const sh of short) {
    if (shortSeen.has(sh.strategy)) continue;
    shortSeen.add(sh.strategy);
    warn(say(PLAN, 'RESERVES_SHORT', { strategy: sh.strategy, counted: sh.counted, required }));
  }
  if (chosen.length === 0) {
    warn(say(PLAN, 'PLANNER_NO_CANDIDATE'));
  } else {
    const best = chosen[0];
    if (keep.reserves && best.touches.reserves_km2 > 1e-6) warn(say(PLAN, 'RESERVES_UNAVOIDABLE'));
    if (best.touches.producing_wells > 0) warn(say(PLAN, 'PRODUCING_WELLS_UNAVOIDABLE'));
    if (!best.contiguous_retained && blockParts === 1) warn(say(PLAN, 'RETAINED_SPLIT'));
  }

  const candidates: Candidate[] = chosen.map(({ group: _group, ...c }, i) => ({ id: (['A', 'B', 'C'] as const)[i], ...c }));
  return { required_km2: required, block_area_km2: blockArea, protected_km2: pArea, candidates, warnings };
}

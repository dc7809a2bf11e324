/**
 * The summary of a check: per collection the count of entries and the area of the union of their
 * overlaps (a place covered by two features counts once), the union of every deductible overlap, and
 * the net area left after deducting it. Unions are computed by PostGIS (conflicts_union_areas.sql)
 * when a set has more than one polygon (the layer queries return their own collection's union already);
 * a single polygon's area is its own overlap area.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import type { Queryable } from '../db/types';
import { stringifyWithRaw } from '../http/raw-json';
import { say, type Message } from '../i18n/message';
import { CHECK_VERDICTS, codesOf, type VerdictCode } from '../vocab';
import { CONFLICT_SAY as M } from './messages';
import type { Outcome } from './outcomes';
import {
  CONFLICT_COLLECTIONS,
  type CheckVerdict,
  type CollectionSummary,
  type ConflictEntry,
  type ConflictSummary,
  type VerdictReason,
} from './types';

const POLYGONAL = new Set(['Polygon', 'MultiPolygon']);

type Box = [number, number, number, number];
function boxOf(g: Polygon | MultiPolygon): Box {
  const b: Box = [Infinity, Infinity, -Infinity, -Infinity];
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  for (const p of polys)
    for (const [x, y] of p[0]) {
      if (x < b[0]) b[0] = x;
      if (y < b[1]) b[1] = y;
      if (x > b[2]) b[2] = x;
      if (y > b[3]) b[3] = y;
    }
  return b;
}

/** True when no two interiors can meet (bounding boxes overlap at most along an edge): the union area is the sum. */
export function pairwiseApart(geoms: (Polygon | MultiPolygon)[]): boolean {
  const boxes = geoms.map(boxOf).sort((a, b) => a[0] - b[0]);
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length && boxes[j][0] < boxes[i][2]; j++)
      if (boxes[j][1] < boxes[i][3] && boxes[i][1] < boxes[j][3]) return false;
  return true;
}

/** Union-area sets: one per collection (overlap entries) plus containment findings and the deductible set. */
export function summarySets(conflicts: ConflictEntry[]): Map<string, ConflictEntry[]> {
  const sets = new Map<string, ConflictEntry[]>();
  const add = (k: string, e: ConflictEntry) => sets.set(k, [...(sets.get(k) ?? []), e]);
  for (const c of CONFLICT_COLLECTIONS) sets.set(c, []);
  for (const e of conflicts) {
    add(e.check ? 'containment' : e.collection, e);
    if (e.deductible) add('deductible', e);
  }
  return sets;
}

/** `known`: union areas the layer queries already computed (their union_km2 column), by collection. */
export async function summarize(
  db: Queryable,
  conflicts: ConflictEntry[],
  inputKm2: number,
  known: Record<string, number> = {},
): Promise<ConflictSummary> {
  const sets = summarySets(conflicts);
  const areas = new Map<string, number>(Object.entries(known));
  const toUnion: Record<string, unknown[]> = {};
  for (const [key, entries] of sets) {
    if (areas.has(key)) continue;
    const polys = entries.filter((e) => e.geometry && POLYGONAL.has(e.geometry.type) && e.overlap_area_km2 > 0);
    const geoms = polys.map((e) => e.geometry as Polygon | MultiPolygon);
    if (polys.length > 1 && !pairwiseApart(geoms)) toUnion[key] = geoms;
    else
      areas.set(
        key,
        polys.reduce((a, e) => a + e.overlap_area_km2, 0),
      );
  }
  if (Object.keys(toUnion).length) {
    // overlap geometries kept as PostGIS's text (server/http/raw-json.ts lazyGeoJson) go back as that text
    const { rows } = await db.named<{ key: string; area_km2: number }>('conflicts_union_areas', [stringifyWithRaw(toUnion)]);
    for (const r of rows) areas.set(r.key, Number(r.area_km2));
  }
  const summary: Record<string, CollectionSummary | number> = {};
  // a right split by an agreement on file (covered / remaining parts) counts once
  const count = (entries: ConflictEntry[]) => new Set(entries.map((e) => `${e.collection}:${e.id}`)).size;
  for (const [key, entries] of sets) if (key !== 'deductible') summary[key] = { count: count(entries), area_km2: areas.get(key) ?? 0 };
  const deductible = areas.get('deductible') ?? 0;
  return { ...summary, deductible_area_km2: deductible, net_area_km2: Math.max(0, inputKm2 - deductible) } as ConflictSummary;
}

// ---------------------------------------------------------------- the overall verdict

/**
 * The verdict class each outcome weighs in; null: it restricts nothing (same holder, void rights, continuing
 * exploration, long-inactive wells are listed for information). The classes, worst first (CHECK_VERDICTS):
 * - not_acceptable: overlaps the application may not hold as submitted (OVL-2/OVL-3 “不得重叠”, reserves of another
 *   right) and containment failures (R-RTP-3, mining extension ⊆ original area, the provincial border);
 * - deduct: protected areas and red lines deducted before grant (PA-3, PA-4);
 * - agreement: consent letter, agreement or written commitment (OVL-4 273号令 第四十二条, OVL-5, PA-5);
 * - review: no rule decides (existing overlap at extension, review_required) or a check that could not run;
 * - conditions: protective measures or disposal (PA-6 no expansion, PA-2 protect in place, wells R-WELL, PA-11 crossings),
 *   and overlaps an agreement on file covers (its terms, e.g. 先采气后采煤, bind the holders: issue 14 item 5).
 */
export const OUTCOME_VERDICT: Readonly<Record<Outcome, VerdictCode | null>> = {
  same_holder: null,
  forbidden: 'not_acceptable',
  requires_agreement: 'agreement',
  requires_commitment: 'agreement',
  agreement_on_file: 'conditions',
  void: null,
  outside_exploration_block: 'not_acceptable',
  outside_original_area: 'not_acceptable',
  crosses_provincial_border: 'not_acceptable',
  deduct: 'deduct',
  may_continue: null,
  may_continue_no_expansion: 'conditions',
  protect_in_place: 'conditions',
  keep_with_commitment: 'agreement',
  commitment_on_file: 'conditions',
  other_holder_well: 'conditions',
  inactive_well: null,
  abandoned_well: 'conditions',
  harmless_crossing_required: 'conditions',
  existing_overlap: 'review',
  review_required: 'review',
};

const VERDICT_RANK = Object.fromEntries(codesOf(CHECK_VERDICTS).map((c, i) => [c, i])) as Record<VerdictCode, number>;
/** Below this net area (km², 1 m²) nothing is left of the application. */
const NOTHING_LEFT_KM2 = 1e-6;
const km2 = (v: number) => v.toFixed(4);

/**
 * The overall verdict of a check from its entries and summary (pure). `unchecked`: checks that could not run (e.g.
 * containment without the exploration block), each with the outcome it would give and why: they make the verdict
 * at least `review`, never `acceptable`.
 */
export function checkVerdict(
  conflicts: Pick<ConflictEntry, 'outcome' | 'overlap_area_km2' | 'length_km'>[],
  summary: Pick<ConflictSummary, 'deductible_area_km2' | 'net_area_km2'>,
  unchecked: { outcome: Outcome; message: Message }[] = [],
): CheckVerdict {
  const byOutcome = new Map<Outcome, VerdictReason>();
  for (const c of conflicts) {
    const v = OUTCOME_VERDICT[c.outcome];
    if (!v) continue;
    const r = byOutcome.get(c.outcome) ?? { verdict: v, outcome: c.outcome, count: 0, area_km2: 0 };
    r.count++;
    r.area_km2 += c.overlap_area_km2;
    if (c.length_km !== undefined) r.length_km = (r.length_km ?? 0) + c.length_km;
    byOutcome.set(c.outcome, r);
  }
  const reasons = [
    ...byOutcome.values(),
    ...unchecked.map((u) => ({ verdict: 'review' as const, outcome: u.outcome, count: 0, area_km2: 0, message: u.message })),
  ].sort((a, b) => VERDICT_RANK[a.verdict] - VERDICT_RANK[b.verdict] || b.count - a.count || b.area_km2 - a.area_km2);
  const n = (v: VerdictCode) => reasons.filter((r) => r.verdict === v).reduce((t, r) => t + Math.max(1, r.count), 0);
  const deducted = summary.deductible_area_km2 > 0 && summary.net_area_km2 < NOTHING_LEFT_KM2;
  const code: VerdictCode = deducted ? 'not_acceptable' : (reasons[0]?.verdict ?? 'acceptable');
  const message =
    code === 'not_acceptable'
      ? n('not_acceptable')
        ? say(M, 'VERDICT_NOT_ACCEPTABLE', { n: n('not_acceptable') })
        : say(M, 'VERDICT_NOTHING_LEFT', { deductible: km2(summary.deductible_area_km2) })
      : code === 'deduct'
        ? say(M, 'VERDICT_DEDUCT', { n: n('deduct'), deductible: km2(summary.deductible_area_km2), net: km2(summary.net_area_km2) })
        : code === 'agreement'
          ? say(M, 'VERDICT_AGREEMENT', { n: n('agreement') })
          : code === 'review'
            ? say(M, 'VERDICT_REVIEW', { n: n('review') })
            : code === 'conditions'
              ? say(M, 'VERDICT_CONDITIONS', { n: n('conditions') })
              : say(M, 'VERDICT_ACCEPTABLE');
  return { code, severity: CHECK_VERDICTS[code].severity, message, reasons };
}

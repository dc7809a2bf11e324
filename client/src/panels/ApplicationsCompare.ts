/**
 * The frozen snapshot of an application beside the live reading (issue 14 item 7), pure: what changed between the
 * check frozen at submission and the same check run on today's register — the verdict, the regime, the areas (input,
 * per layer, deductible, net) and the findings added, removed or changed (outcome or overlap area) — and, for an
 * extension, the register assessment's decision, reduction, remaining area and new term.
 *
 * The frozen verdict is the one the check answered at submission, stored in the snapshot: a later release judging the
 * same entries by other rules must not rewrite what the applicant was told. Snapshots taken before the verdict was kept
 * have none; for those only it is derived from the frozen entries by the engine's pure function (server/conflicts/
 * summary.ts checkVerdict) and marked as derived (`frozenVerdictDerived`), the checks that could not run for these
 * inputs — the live verdict's reasons with no entries — carried over (they depend on the inputs).
 */
import { checkVerdict } from '../../../server/conflicts/verdict';
import type { Message } from '../../../server/i18n/message';
import type { ApplicationSnapshot } from '../api/applications';
import type { CheckResult, StoredAssessment } from '../api/contract';

/** Below this (km², 100 m²) two areas are the same reading: rounding, not a change. */
export const AREA_TOLERANCE_KM2 = 1e-4;

type FrozenCheck = NonNullable<ApplicationSnapshot['check']>;
type Entry = FrozenCheck['result']['conflicts'][number];
type Summary = FrozenCheck['result']['summary'];
type Verdict = CheckResult['verdict'];

export interface Compared<T> {
  frozen: T;
  live: T;
  changed: boolean;
}

export interface AreaRow extends Compared<number | null> {
  /** 'input', 'deductible', 'net' or a collection id */
  key: string;
  /** a collection's entry counts (null for the totals); wells and pipelines are compared by count only (no area) */
  count: { frozen: number | null; live: number | null } | null;
  /** false for points and lines (wells, pipelines): their summary area is no reading */
  areal: boolean;
}

export interface FindingRow {
  key: string;
  collection: string;
  id: string;
  name: string | null;
  change: 'added' | 'removed' | 'changed' | 'same';
  frozen: { outcome: string; area_km2: number } | null;
  live: { outcome: string; area_km2: number } | null;
}

export interface CheckComparison {
  verdict: Compared<Verdict['code']>;
  frozenVerdict: Verdict;
  /** true: the snapshot kept no verdict (taken before it was kept); `frozenVerdict` is today's reading of its entries */
  frozenVerdictDerived: boolean;
  regime: Compared<string>;
  areas: AreaRow[];
  findings: FindingRow[];
  /** findings added + removed + changed */
  changes: number;
}

const areaDiffers = (a: number | null, b: number | null) => (a === null || b === null ? a !== b : Math.abs(a - b) > AREA_TOLERANCE_KM2);
const keyOf = (c: Pick<Entry, 'collection' | 'id'>) => `${c.collection}:${c.id}`;

/** Collections of points and lines: their summary has a count, no area. */
export const NOT_AREAL: ReadonlySet<string> = new Set(['wells', 'pipelines']);

/** A collection's summary (null: not in that summary). */
function collectionOf(s: Summary, key: string): { count: number; area_km2: number } | null {
  const v = s[key];
  return v && typeof v === 'object' && typeof v.area_km2 === 'number' ? v : null;
}
const collectionsOf = (s: Summary) =>
  Object.entries(s)
    .filter(([, v]) => v && typeof v === 'object')
    .map(([k]) => k);

/** The frozen check beside the live one. */
export function compareChecks(
  frozen: FrozenCheck,
  live: Pick<CheckResult, 'input' | 'regime' | 'conflicts' | 'summary' | 'verdict'>,
): CheckComparison {
  const fr = frozen.result;
  // checks that could not run (count 0, e.g. containment without a block) depend on the inputs, not on the register:
  // the same inputs could not run them at submission either
  const unchecked = () =>
    live.verdict.reasons.filter((r) => r.count === 0 && r.message).map((r) => ({ outcome: r.outcome, message: r.message as Message }));
  const frozenVerdict = (fr.verdict ?? checkVerdict(fr.conflicts, fr.summary, unchecked())) as Verdict;
  const areas: AreaRow[] = [];
  const total = (key: string, f: number, l: number) =>
    areas.push({ key, frozen: f, live: l, changed: areaDiffers(f, l), count: null, areal: true });
  total('input', frozen.inputs.area_km2, live.input.area_km2);
  for (const k of [...new Set([...collectionsOf(fr.summary), ...collectionsOf(live.summary)])]) {
    const f = collectionOf(fr.summary, k);
    const l = collectionOf(live.summary, k);
    const areal = !NOT_AREAL.has(k);
    const count = { frozen: f?.count ?? null, live: l?.count ?? null };
    const fa = f ? f.area_km2 : null;
    const la = l ? l.area_km2 : null;
    areas.push({
      key: k,
      frozen: fa,
      live: la,
      count,
      areal,
      changed: (count.frozen ?? 0) !== (count.live ?? 0) || (areal && areaDiffers(fa ?? 0, la ?? 0)),
    });
  }
  total('deductible', fr.summary.deductible_area_km2, live.summary.deductible_area_km2);
  total('net', fr.summary.net_area_km2, live.summary.net_area_km2);

  const liveBy = new Map(live.conflicts.map((c) => [keyOf(c), c]));
  const frozenBy = new Map(fr.conflicts.map((c) => [keyOf(c), c]));
  const findings: FindingRow[] = [];
  for (const [key, f] of frozenBy) {
    const l = liveBy.get(key);
    const changed = l && (l.outcome !== f.outcome || areaDiffers(l.overlap_area_km2, f.overlap_area_km2));
    findings.push({
      key,
      collection: f.collection,
      id: f.id,
      name: f.name,
      change: !l ? 'removed' : changed ? 'changed' : 'same',
      frozen: { outcome: f.outcome, area_km2: f.overlap_area_km2 },
      live: l ? { outcome: l.outcome, area_km2: l.overlap_area_km2 } : null,
    });
  }
  for (const [key, l] of liveBy)
    if (!frozenBy.has(key))
      findings.push({
        key,
        collection: l.collection,
        id: l.id,
        name: l.name,
        change: 'added',
        frozen: null,
        live: { outcome: l.outcome, area_km2: l.overlap_area_km2 },
      });
  // what changed first (added, removed, changed), then the rest in the frozen order
  const rank = { added: 0, removed: 1, changed: 2, same: 3 } as const;
  findings.sort((a, b) => rank[a.change] - rank[b.change]);
  return {
    verdict: { frozen: frozenVerdict.code, live: live.verdict.code, changed: frozenVerdict.code !== live.verdict.code },
    frozenVerdict,
    frozenVerdictDerived: !fr.verdict,
    regime: { frozen: frozen.regime, live: live.regime, changed: frozen.regime !== live.regime },
    areas,
    findings,
    changes: findings.filter((f) => f.change !== 'same').length,
  };
}

type Assessed = NonNullable<StoredAssessment['assessment']>;

export interface AssessmentRow extends Compared<string | number | null> {
  key: 'decision' | 'regime' | 'reduction_km2' | 'remaining_km2' | 'new_valid_to';
  area: boolean;
}

/** The register assessment frozen at submission beside today's (extension applications). */
export function compareAssessments(frozen: Assessed | null, live: Assessed | null): AssessmentRow[] {
  const pick = (a: Assessed | null, k: AssessmentRow['key']) => (a ? (a[k] ?? null) : null);
  const rows: AssessmentRow[] = [];
  for (const key of ['decision', 'regime', 'reduction_km2', 'remaining_km2', 'new_valid_to'] as const) {
    const f = pick(frozen, key);
    const l = pick(live, key);
    const area = key === 'reduction_km2' || key === 'remaining_km2';
    const changed = area && typeof f === 'number' && typeof l === 'number' ? areaDiffers(f, l) : f !== l;
    rows.push({ key, frozen: f, live: l, changed, area });
  }
  return rows;
}

/**
 * The overall verdict of a check from its entries and summary: pure, no I/O, shared by the engine, the report and the
 * page (the regulator's comparison re-derives an old snapshot's verdict with it). Kept apart from summary.ts, whose
 * unions run in PostGIS, so the browser bundle takes only this.
 */
import { say, type Message } from '../i18n/message';
import { CHECK_VERDICTS, codesOf, type VerdictCode } from '../vocab';
import { CONFLICT_SAY as M } from './messages';
import type { Outcome } from './outcomes';
import type { CheckVerdict, ConflictEntry, ConflictSummary, VerdictReason } from './types';

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

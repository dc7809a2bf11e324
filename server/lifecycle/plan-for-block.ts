/**
 * The relinquishment planner for a stored block, in one place: the planner route, the block dossier's
 * extension annex and the planner-candidate export all call this, so they show the same candidates.
 * What is deducted first is what the conflict engine deducts for the block's extension by its holder
 * (one source of truth); the area to relinquish is the request's or the register assessment's.
 */
import type { Queryable } from '../db';
import { AppError, notFound } from '../errors';
import { protectedAreaOutcome, redlineOutcome, type Subject } from '../conflicts/outcomes';
import { planRelinquishment, type PlanResult } from '../planner';
import { explainRegimeForDate } from '../rules';
import { ledgerFromRows, type OffsetRow } from './ledger';
import { assessStoredBlock, requiredFromAssessment, type InvestmentRow, type StoredBlock } from './stored-block';

export interface PlanForBlockOptions {
  /** the area to relinquish; absent → from the block's register assessment on `on` */
  required_km2?: number;
  max_candidates?: number;
  protected_counts_toward_required?: boolean;
  /** the day the assessment and the outcomes are judged (YYYY-MM-DD) */
  on: string;
}

export type PlanBasis = { source: 'request' } | ReturnType<typeof requiredFromAssessment>['basis'];

/** The block's register assessment on `on` (areas, investment ledger, offsets, dates). */
export async function assessBlock(db: Queryable, id: string, on: string) {
  const block = (await db.named<StoredBlock & Record<string, unknown>>('lifecycle_block', [id])).rows[0];
  if (!block) throw notFound('block', id);
  const inv = (await db.named<InvestmentRow>('lifecycle_investments', [id])).rows;
  const offsets = (await db.named<OffsetRow>('offsets_for_block', [id])).rows;
  return { block, result: assessStoredBlock(block, inv, ledgerFromRows(offsets), on), offsets };
}

export async function planForBlock(
  db: Queryable,
  id: string,
  o: PlanForBlockOptions,
): Promise<PlanResult & { block_id: string; basis: PlanBasis }> {
  const { block: blk, result } = await assessBlock(db, id, o.on);
  const { required_km2: required, basis } =
    o.required_km2 !== undefined ? { required_km2: o.required_km2, basis: { source: 'request' as const } } : requiredFromAssessment(result);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- planner_context returns GeoJSON objects built in SQL
  const ctx = (await db.named<any>('planner_context', [id])).rows[0];
  if (!ctx) throw notFound('block', id);
  const subject: Subject = {
    applicant: blk.holder,
    application: 'extension',
    mineral: blk.mineral,
    kind: blk.kind,
    regime: explainRegimeForDate(blk.valid_to ?? o.on, { province: 'shanxi', mineral: blk.mineral }).regime,
    as_of: o.on,
  };
  const deducted = [
    ...ctx.protected_areas.filter(
      (f: { category: string; zone: string | null }) => protectedAreaOutcome(subject, { category: f.category, zone: f.zone }).deductible,
    ),
    ...ctx.redlines.filter((f: { status: string }) => redlineOutcome(subject, { status: f.status }).deductible),
  ];
  const plan = planRelinquishment({
    block: ctx.block,
    required_km2: required,
    keep: { reserves: ctx.reserves, wells: ctx.wells, pipelines: ctx.pipelines },
    deduct_first: deducted,
    max_candidates: o.max_candidates,
    protected_counts_toward_required: o.protected_counts_toward_required,
  });
  if (!plan.candidates.length)
    throw new AppError(422, 'NO_PLAN', 'No deduction extent meets the required area', '找不到满足核减面积的范围', [
      { required_km2: required },
    ]);
  return { block_id: id, basis, ...plan };
}

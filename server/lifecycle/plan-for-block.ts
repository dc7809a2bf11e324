/**
 * The relinquishment planner for a stored block, in one place: the planner route, the block dossier's
 * extension annex and the planner-candidate export all call this, so they show the same candidates.
 * What is deducted first is what the conflict engine deducts for the block's extension by its holder
 * (one source of truth); the area to relinquish is the request's or the register assessment's.
 */
import type { Queryable } from '../db';
import { AppError, notFound } from '../errors';
import { say } from '../i18n/message';
import { protectedAreaOutcome, redlineOutcome, type ConflictReadings, type Subject } from '../conflicts/outcomes';
import { planRelinquishment, type PlanInput, type PlanResult } from '../planner';
import { explainRegimeForDate } from '../rules';
import { readingsApplied, type AssessmentReadings, type ReadingApplied } from '../rules/readings';
import { ledgerFromRows, type OffsetRow } from './ledger';
import { LIFECYCLE_SAY as M } from './messages';
import { assessStoredBlock, requiredFromAssessment, type InvestmentRow, type StoredBlock } from './stored-block';
import type { AssessmentOverrides } from './assessment-inputs';

export interface PlanForBlockOptions {
  /** the area to relinquish; absent → from the block's register assessment on `on` */
  required_km2?: number;
  max_candidates?: number;
  protected_counts_toward_required?: boolean;
  /** the day the assessment and the outcomes are judged (YYYY-MM-DD) */
  on: string;
  /** the assessment's named readings (used when the area comes from the assessment) */
  assessment_readings?: AssessmentReadings;
  /**
   * the conflict engine's named readings: they decide which protected areas and red lines are deducted first
   * (void_reading cannot: it is answered with a warning, VOID_READING_NOT_APPLIED)
   */
  conflict_readings?: Partial<ConflictReadings>;
}

export type PlanBasis = { source: 'request' } | ReturnType<typeof requiredFromAssessment>['basis'];

/** A row of planner_context.sql: the block and what lies in it, clipped, as GeoJSON. */
interface PlannerContext {
  block: PlanInput['block'];
  reserves: NonNullable<NonNullable<PlanInput['keep']>['reserves']>;
  wells: NonNullable<NonNullable<PlanInput['keep']>['wells']>;
  pipelines: NonNullable<NonNullable<PlanInput['keep']>['pipelines']>;
  protected_areas: (NonNullable<PlanInput['deduct_first']>[number] & { category: string; zone: string | null })[];
  redlines: (NonNullable<PlanInput['deduct_first']>[number] & { status: string })[];
}

/** The block's register row (lifecycle_block.sql), 404 when it is not in the register. */
export async function lifecycleBlock<T extends StoredBlock = StoredBlock & Record<string, unknown>>(db: Queryable, id: string): Promise<T> {
  const block = (await db.named<T>('lifecycle_block', [id])).rows[0];
  if (!block) throw notFound('block', id);
  return block;
}

/**
 * The block's register assessment on `on` (areas, investment ledger, offsets, dates) under the chosen readings,
 * with the user's overrides of its inputs when given (the answer then says it is not the register's verdict).
 */
export async function assessBlock(db: Queryable, id: string, on: string, chosen: AssessmentReadings = {}, overrides?: AssessmentOverrides) {
  const block = await lifecycleBlock(db, id);
  const inv = (await db.named<InvestmentRow>('lifecycle_investments', [id])).rows;
  const offsets = (await db.named<OffsetRow>('offsets_for_block', [id])).rows;
  return { block, result: assessStoredBlock(block, inv, ledgerFromRows(offsets), on, chosen, overrides), offsets };
}

export async function planForBlock(
  db: Queryable,
  id: string,
  o: PlanForBlockOptions,
): Promise<PlanResult & { block_id: string; basis: PlanBasis; readings_applied: ReadingApplied[] }> {
  // the assessment only when the request gives no area
  const assessed = o.required_km2 === undefined ? (await assessBlock(db, id, o.on, o.assessment_readings)).result : null;
  const { required_km2: required, basis } = assessed
    ? requiredFromAssessment(assessed)
    : { required_km2: o.required_km2!, basis: { source: 'request' as const } };
  const ctx = (await db.named<PlannerContext>('planner_context', [id])).rows[0];
  if (!ctx) throw notFound('block', id);
  const blk = await lifecycleBlock(db, id);
  // void_reading decides when another right stops barring; at an extension an overlap with another right is an
  // existing overlap, never deducted (OVL-EXT), so it cannot change what leaves the block: not applied, and said so.
  const { void_reading, ...readings } = o.conflict_readings ?? {};
  const subject: Subject = {
    applicant: blk.holder,
    application: 'extension',
    mineral: blk.mineral,
    kind: blk.kind,
    regime: explainRegimeForDate(blk.valid_to ?? o.on, { province: 'shanxi', mineral: blk.mineral }).regime,
    as_of: o.on,
    readings,
  };
  const deducted = [
    ...ctx.protected_areas.filter((f) => protectedAreaOutcome(subject, { category: f.category, zone: f.zone }).deductible),
    ...ctx.redlines.filter((f) => redlineOutcome(subject, { status: f.status }).deductible),
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
  const readings_applied = [
    ...readingsApplied(['protected_counts_toward_required', 'national_extension_protected', 'oil_gas_redline_extension'], {
      protected_counts_toward_required: o.protected_counts_toward_required,
      ...readings,
    }),
    ...(assessed?.readings_applied ?? []),
  ];
  const warnings =
    void_reading === undefined ? plan.warnings : [...plan.warnings, say(M, 'VOID_READING_NOT_APPLIED', { value: void_reading })];
  return { block_id: id, basis, ...plan, warnings, readings_applied };
}

/**
 * Licence lifecycle over HTTP (issue 5): extension assessments, stored-block assessments, deadlines,
 * offsets and the relinquishment planner. Wiring only: named queries → pure rules / planner → JSON.
 */
import type { Db } from '../db';
import { AppError, notFound, unprocessable } from '../errors';
import { implement } from '../http/contract-route';
import { assessStoredBlock, requiredFromAssessment, type InvestmentRow, type StoredBlock } from '../lifecycle/stored-block';
import { deadlinesWithin } from '../lifecycle/deadlines-list';
import { ledgerFromRows, type OffsetRow } from '../lifecycle/ledger';
import { planRelinquishment, type PlanInput } from '../planner';
import {
  applyOffset,
  assessExtension,
  checkOffsetSource,
  COVID_WINDOW,
  covidInvestmentReduction,
  covidTermExtension,
  explainRegimeForDate,
  isoDate,
  type OffsetBlockInfo,
} from '../rules';
import { isOilGas, protectedAreaOutcome, redlineOutcome, type Subject } from '../conflicts/outcomes';

const today = () => isoDate(new Date());

async function loadBlock(db: Db, id: string): Promise<StoredBlock & Record<string, unknown>> {
  const row = (await db.named<StoredBlock & Record<string, unknown>>('lifecycle_block', [id])).rows[0];
  if (!row) throw notFound('block', id);
  return row;
}

async function assessmentOf(db: Db, id: string, on: string) {
  const block = await loadBlock(db, id);
  const inv = (await db.named<InvestmentRow>('lifecycle_investments', [id])).rows;
  const offsets = (await db.named<OffsetRow>('offsets_for_block', [id])).rows;
  return { block, result: assessStoredBlock(block, inv, ledgerFromRows(offsets), on), offsets };
}

/** A row of planner_context.sql: the block and what lies in it, clipped, as GeoJSON. */
interface PlannerContext {
  block: PlanInput['block'];
  reserves: NonNullable<NonNullable<PlanInput['keep']>['reserves']>;
  wells: NonNullable<NonNullable<PlanInput['keep']>['wells']>;
  pipelines: NonNullable<NonNullable<PlanInput['keep']>['pipelines']>;
  protected_areas: (NonNullable<PlanInput['deduct_first']>[number] & { category: string; zone: string | null })[];
  redlines: (NonNullable<PlanInput['deduct_first']>[number] & { status: string })[];
}

export function lifecycleRoutes({ db }: { db: Db }) {
  return implement({
    assessExtension: { handler: ({ body }) => ({ status: 200, body: assessExtension(body) }) },

    assessCovid: {
      handler: ({ body }) => ({
        status: 200,
        body: {
          window: COVID_WINDOW,
          term_extension: covidTermExtension({ valid_from: body.valid_from, valid_to: body.valid_to }),
          investment_reduction: covidInvestmentReduction(body),
        },
      }),
    },

    blockAssessment: {
      handler: async ({ params, query }) => {
        const { result, offsets } = await assessmentOf(db, params.id, query.on ?? today());
        return { status: 200, body: { ...result, offsets } };
      },
    },

    deadlines: {
      handler: async ({ query }) => {
        const days = Number.parseInt(query.within, 10);
        const on = query.on ?? today();
        const rows = (await db.named<Parameters<typeof deadlinesWithin>[0][number]>('deadline_blocks')).rows;
        return { status: 200, body: { on, within_days: days, items: deadlinesWithin(rows, on, days) } };
      },
    },

    blockOffsets: {
      handler: async ({ params }) => {
        await loadBlock(db, params.id);
        return { status: 200, body: { items: (await db.named<OffsetRow>('offsets_for_block', [params.id])).rows } };
      },
    },

    createOffset: {
      handler: async ({ body: p }) => {
        const { area_km2: area, offset_date: date } = p;
        const from = await loadBlock(db, p.from_block);
        const to = await loadBlock(db, p.to_block);
        // Eligibility (R-RED-10 / 7号 七 / 6号 七) under the receiving block's regime — its extension is where the cut is due.
        const regime = explainRegimeForDate(to.valid_to ?? date, { province: 'shanxi', mineral: to.mineral }).regime;
        const info = (b: typeof from): OffsetBlockInfo => ({
          block_id: b.id,
          holder: b.holder ?? `(no holder recorded: ${b.id})`,
          kind: b.kind,
          province: 'shanxi',
          mineral: b.mineral,
          basin: (b.basin as string | null) ?? undefined,
          oil_gas: isOilGas(b.mineral),
          valid_to: b.valid_to ?? undefined,
          granted_date: b.first_registration_date ?? undefined,
        });
        const check = checkOffsetSource(regime, info(from), info(to), date);
        if (!check.allowed) {
          throw new AppError(
            422,
            'OFFSET_NOT_ALLOWED',
            `Offset refused under ${regime}: ${check.reasons.map((m) => m.message).join('; ')}`,
            `不予抵扣（${regime}）：${check.reasons.map((m) => m.message_zh).join('；')}`,
            check.reasons.map((m) => ({ field: 'from_block', code: m.code, message: m.message, message_zh: m.message_zh })),
          );
        }
        // The receiver's due reduction (same area, “同等面积”): what its assessment requires less what it already received.
        const due = (await assessmentOf(db, to.id, date)).result;
        const dueKm2 =
          due.assessment?.decision === 'extend' ? (due.offset_credit?.due_reduction_km2 ?? due.assessment.reduction_km2) : null;
        if (dueKm2 !== null && area > dueKm2 + 1e-6) {
          throw unprocessable(
            'OFFSET_EXCEEDS_DUE',
            `The receiving block ${to.id} has ${dueKm2} km² of reduction still due; an offset of ${area} km² exceeds it`,
            `受让区块 ${to.id} 尚需核减 ${dueKm2} km²，抵扣 ${area} km² 超出应核减面积`,
            [{ field: 'area_km2', due_km2: dueKm2 }],
          );
        }
        const current = (from.licensed_area_km2 as number | null) ?? from.area_km2;
        const ledger = ledgerFromRows((await db.named<OffsetRow>('offsets_for_block', [from.id])).rows);
        let applied;
        try {
          applied = applyOffset(
            ledger,
            { from_block: from.id, to_block: to.id, area_km2: area, date },
            { current_area_km2: current, proven_area_km2: from.proven_km2 },
          );
        } catch (e) {
          if (e instanceof RangeError) throw unprocessable('INVALID_OFFSET', e.message, `抵扣无效：${e.message}`, [{ field: 'area_km2' }]);
          throw e;
        }
        // One transaction: the giving block's licensed area (area-only change registration, history kept by trigger),
        // the ledger row, and the receiver's credit. The guard in SQL keeps a concurrent offset from overdrawing the block.
        const id = await db.transaction(async (tx) => {
          const upd = await tx.named<{ id: string; licensed_area_km2: number }>('blocks_set_licensed_area', [
            from.id,
            area,
            from.proven_km2,
          ]);
          if (!upd.rows[0]) {
            throw unprocessable(
              'INVALID_OFFSET',
              `Block ${from.id} no longer has ${area} km² outside proven reserves`,
              `区块 ${from.id} 探明储量范围以外的面积已不足 ${area} km²`,
              [{ field: 'area_km2' }],
            );
          }
          return (await tx.named<{ id: string }>('offsets_insert', [from.id, to.id, area, date, current, p.note ?? null, regime, area]))
            .rows[0].id;
        });
        const { ledger: _ledger, ...result } = applied;
        return {
          status: 201,
          headers: { Location: `/api/blocks/${encodeURIComponent(from.id)}/offsets` },
          body: {
            id,
            regime,
            ...result,
            receiver: {
              block_id: to.id,
              credit_km2: area,
              due_before_km2: dueKm2,
              due_after_km2: dueKm2 === null ? null : Math.max(0, dueKm2 - area),
            },
            checks: { steps: check.steps, readings: check.readings },
          },
        };
      },
    },

    relinquishmentPlans: {
      handler: async ({ params, body }) => {
        const id = params.id;
        const { required_km2: required, basis } =
          body.required_km2 !== undefined
            ? { required_km2: body.required_km2, basis: { source: 'request' as const } }
            : requiredFromAssessment((await assessmentOf(db, id, today())).result);
        const ctx = (await db.named<PlannerContext>('planner_context', [id])).rows[0];
        if (!ctx) throw notFound('block', id);
        // One source of truth for what is deducted: the conflict engine's outcome for this block's extension.
        const blk = await loadBlock(db, id);
        const subject: Subject = {
          applicant: blk.holder,
          application: 'extension',
          mineral: blk.mineral,
          kind: blk.kind,
          regime: explainRegimeForDate(blk.valid_to ?? today(), { province: 'shanxi', mineral: blk.mineral }).regime,
          as_of: today(),
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
          max_candidates: body.max_candidates,
          protected_counts_toward_required: body.protected_counts_toward_required,
        });
        if (!plan.candidates.length)
          throw new AppError(422, 'NO_PLAN', 'No deduction extent meets the required area', '找不到满足核减面积的范围', [
            { required_km2: required },
          ]);
        return { status: 200, body: { block_id: id, basis, ...plan } };
      },
    },
  });
}

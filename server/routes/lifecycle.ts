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
import { applyOffset, assessExtension, COVID_WINDOW, covidInvestmentReduction, covidTermExtension, isoDate } from '../rules';

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
  protected_areas: NonNullable<PlanInput['deduct_first']>;
  redlines: NonNullable<PlanInput['deduct_first']>;
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
        const from = await loadBlock(db, p.from_block);
        await loadBlock(db, p.to_block);
        const ledger = ledgerFromRows((await db.named<OffsetRow>('offsets_for_block', [from.id])).rows);
        let applied;
        try {
          applied = applyOffset(
            ledger,
            { from_block: from.id, to_block: p.to_block, area_km2: p.area_km2, date: p.offset_date },
            { current_area_km2: from.area_km2, proven_area_km2: from.proven_km2 },
          );
        } catch (e) {
          if (e instanceof RangeError) throw unprocessable('INVALID_OFFSET', e.message, `抵扣无效：${e.message}`, [{ field: 'area_km2' }]);
          throw e;
        }
        const id = await db.transaction(
          async (tx) =>
            (
              await tx.named<{ id: string }>('offsets_insert', [
                from.id,
                p.to_block,
                p.area_km2,
                p.offset_date,
                from.area_km2,
                p.note ?? null,
              ])
            ).rows[0].id,
        );
        const { ledger: _ledger, ...result } = applied;
        return { status: 201, headers: { Location: `/api/blocks/${encodeURIComponent(from.id)}/offsets` }, body: { id, ...result } };
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
        const plan = planRelinquishment({
          block: ctx.block,
          required_km2: required,
          keep: { reserves: ctx.reserves, wells: ctx.wells, pipelines: ctx.pipelines },
          deduct_first: [...ctx.protected_areas, ...ctx.redlines],
          max_candidates: body.max_candidates,
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

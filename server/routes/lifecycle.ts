/**
 * Licence lifecycle over HTTP (issue 5): extension assessments, stored-block assessments, deadlines,
 * offsets and the relinquishment planner. Wiring only: named queries → pure rules / planner → JSON.
 */
import { Router } from 'express';
import { z } from 'zod';
import type { Db } from '../db';
import { AppError, notFound, unprocessable } from '../errors';
import { route } from '../http/async';
import { isoDay } from '../http/iso-day';
import { requireRole } from '../http/auth';
import { assertConfidential, assertMayWrite, canSeeConfidential } from '../auth/context';
import { redactAssessment } from '../auth/visibility';
import { unauthenticated } from '../auth/errors';
import { principalOf } from '../auth/principal';
import { fromZod } from '../http/error-middleware';
import { registerOpenApiPath } from '../http/openapi';
import { assessStoredBlock, requiredFromAssessment, type InvestmentRow, type StoredBlock } from '../lifecycle/stored-block';
import { deadlinesWithin } from '../lifecycle/deadlines-list';
import { ledgerFromRows, type OffsetRow } from '../lifecycle/ledger';
import { planRelinquishment } from '../planner';
import {
  applyOffset,
  assessExtension,
  checkOffsetSource,
  COVID_WINDOW,
  covidInvestmentReduction,
  covidTermExtension,
  explainRegimeForDate,
  extensionInputSchema,
  isoDate,
  type OffsetBlockInfo,
} from '../rules';
import { isOilGas, protectedAreaOutcome, redlineOutcome, type Subject } from '../conflicts/outcomes';

const today = () => isoDate(new Date());

type LoadedBlock = StoredBlock & { authority: string | null } & Record<string, unknown>;

async function loadBlock(db: Db, id: string): Promise<LoadedBlock> {
  const row = (await db.named<LoadedBlock>('lifecycle_block', [id])).rows[0];
  if (!row) throw notFound('block', id);
  return row;
}

async function assessmentOf(db: Db, id: string, on: string) {
  const block = await loadBlock(db, id);
  const inv = (await db.named<InvestmentRow>('lifecycle_investments', [id])).rows;
  const offsets = (await db.named<OffsetRow>('offsets_for_block', [id])).rows;
  return { block, result: assessStoredBlock(block, inv, ledgerFromRows(offsets), on), offsets };
}

const OnQuery = z.object({ on: isoDay.optional() });
const WithinQuery = z.object({
  within: z
    .string()
    .regex(/^\d{1,4}d?$/, 'a number of days, e.g. 90d')
    .default('90d'),
  on: isoDay.optional(),
});
const OffsetBody = z.object({
  from_block: z.string().min(1),
  to_block: z.string().min(1),
  area_km2: z.number().positive(),
  offset_date: isoDay,
  note: z.string().max(1000).optional(),
});
const CovidBody = z.object({
  valid_from: isoDay,
  valid_to: isoDay,
  area_km2: z.number().nonnegative(),
});
const PlanBody = z.object({
  required_km2: z.number().positive().optional(),
  max_candidates: z.number().int().min(1).max(3).optional(),
  /** Named reading (issue 11 item 5): protected areas deducted first count toward the required area. Default false. */
  protected_counts_toward_required: z.boolean().optional(),
});

export function lifecycleRouter({ db }: { db: Db; adminToken?: string }): Router {
  const r = Router();

  r.post(
    '/api/assessments/extension',
    route(async (req, res) => {
      const parsed = extensionInputSchema.safeParse(req.body ?? {});
      if (!parsed.success) throw fromZod(parsed.error, 'INVALID_ASSESSMENT_INPUT');
      res.json(assessExtension(parsed.data));
    }),
  );

  r.post(
    '/api/assessments/covid',
    route(async (req, res) => {
      const p = CovidBody.safeParse(req.body ?? {});
      if (!p.success) throw fromZod(p.error, 'INVALID_COVID_INPUT');
      res.json({
        window: COVID_WINDOW,
        term_extension: covidTermExtension({ valid_from: p.data.valid_from, valid_to: p.data.valid_to }),
        investment_reduction: covidInvestmentReduction(p.data),
      });
    }),
  );

  r.get(
    '/api/blocks/:id/assessment',
    route(async (req, res) => {
      const q = OnQuery.safeParse(req.query);
      if (!q.success) throw fromZod(q.error, 'INVALID_QUERY');
      const { block, result, offsets } = await assessmentOf(db, String(req.params.id), q.data.on ?? today());
      // investment ledger, the arithmetic on it and offsets: holder, overseeing regulators and admins only (issue 13)
      const full = { ...result, offsets };
      res.setHeader('Vary', 'Cookie, Authorization');
      res.json(canSeeConfidential(req, block) ? { ...full, withheld: null } : redactAssessment(full));
    }),
  );

  r.get(
    '/api/deadlines',
    route(async (req, res) => {
      const q = WithinQuery.safeParse(req.query);
      if (!q.success) throw fromZod(q.error, 'INVALID_QUERY');
      const days = Number.parseInt(q.data.within, 10);
      const on = q.data.on ?? today();
      const rows = (await db.named<Parameters<typeof deadlinesWithin>[0][number]>('deadline_blocks')).rows;
      res.json({ on, within_days: days, items: deadlinesWithin(rows, on, days) });
    }),
  );

  r.get(
    '/api/blocks/:id/offsets',
    route(async (req, res) => {
      const block = await loadBlock(db, String(req.params.id));
      assertConfidential(req, block);
      res.json({ items: (await db.named('offsets_for_block', [req.params.id])).rows });
    }),
  );

  r.post(
    '/api/offsets',
    requireRole('regulator', 'admin'),
    route(async (req, res) => {
      const p = OffsetBody.safeParse(req.body ?? {});
      if (!p.success) throw fromZod(p.error, 'INVALID_OFFSET');
      const { area_km2: area, offset_date: date } = p.data;
      const from = await loadBlock(db, p.data.from_block);
      const to = await loadBlock(db, p.data.to_block);
      // an offset changes the giving block's licensed area and credits the receiver: both must be the caller's to change
      assertMayWrite(req, from.authority, `block ${from.id}`);
      assertMayWrite(req, to.authority, `block ${to.id}`);
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
      const dueKm2 = due.assessment?.decision === 'extend' ? (due.offset_credit?.due_reduction_km2 ?? due.assessment.reduction_km2) : null;
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
        const upd = await tx.named<{ id: string; licensed_area_km2: number }>('blocks_set_licensed_area', [from.id, area, from.proven_km2]);
        if (!upd.rows[0]) {
          throw unprocessable(
            'INVALID_OFFSET',
            `Block ${from.id} no longer has ${area} km² outside proven reserves`,
            `区块 ${from.id} 探明储量范围以外的面积已不足 ${area} km²`,
            [{ field: 'area_km2' }],
          );
        }
        return (await tx.named<{ id: string }>('offsets_insert', [from.id, to.id, area, date, current, p.data.note ?? null, regime, area]))
          .rows[0].id;
      });
      res
        .status(201)
        .location(`/api/blocks/${encodeURIComponent(from.id)}/offsets`)
        .json({
          id,
          regime,
          ...applied,
          ledger: undefined,
          receiver: {
            block_id: to.id,
            credit_km2: area,
            due_before_km2: dueKm2,
            due_after_km2: dueKm2 === null ? null : Math.max(0, dueKm2 - area),
          },
          checks: { steps: check.steps, readings: check.readings },
        });
    }),
  );

  r.post(
    '/api/blocks/:id/relinquishment-plans',
    route(async (req, res) => {
      const p = PlanBody.safeParse(req.body ?? {});
      if (!p.success) throw fromZod(p.error, 'INVALID_PLAN_INPUT');
      const id = String(req.params.id);
      if (p.data.required_km2 === undefined) {
        // without required_km2 the plan reads the confidential assessment (investment shortfall): same rule as the ledger
        if (principalOf(req).role === 'public') throw unauthenticated();
        assertConfidential(req, await loadBlock(db, id));
      }
      const { required_km2: required, basis } =
        p.data.required_km2 !== undefined
          ? { required_km2: p.data.required_km2, basis: { source: 'request' } }
          : requiredFromAssessment((await assessmentOf(db, id, today())).result);
      const ctx = (await db.named<any>('planner_context', [id])).rows[0];
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
        ...ctx.protected_areas.filter(
          (f: { category: string; zone: string | null }) =>
            protectedAreaOutcome(subject, { category: f.category, zone: f.zone }).deductible,
        ),
        ...ctx.redlines.filter((f: { status: string }) => redlineOutcome(subject, { status: f.status }).deductible),
      ];
      const plan = planRelinquishment({
        block: ctx.block,
        required_km2: required,
        keep: { reserves: ctx.reserves, wells: ctx.wells, pipelines: ctx.pipelines },
        deduct_first: deducted,
        max_candidates: p.data.max_candidates,
        protected_counts_toward_required: p.data.protected_counts_toward_required,
      });
      if (!plan.candidates.length)
        throw new AppError(422, 'NO_PLAN', 'No deduction extent meets the required area', '找不到满足核减面积的范围', [
          { required_km2: required },
        ]);
      res.json({ block_id: id, basis, ...plan });
    }),
  );

  registerOpenApiPath('/api/assessments/extension', {
    post: {
      summary: 'Extension assessment (reduction, decision, steps with citations)',
      responses: { 200: { description: 'assessment' }, 422: { $ref: '#/components/responses/Error' } },
    },
  });
  registerOpenApiPath('/api/blocks/{id}/assessment', {
    get: {
      summary:
        'Assessment of a stored block (areas from geometry, proven from reserves, shortfall from the investment ledger, regime from dates), investment schedule, fees, deadlines',
      parameters: [
        { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
        { name: 'on', in: 'query', schema: { type: 'string', format: 'date' } },
      ],
      responses: { 200: { description: 'ok' }, 404: { $ref: '#/components/responses/Error' } },
    },
  });
  registerOpenApiPath('/api/assessments/covid', {
    post: {
      summary: 'COVID adjustment (R-COVID-1..3): affected days in 2020-01-25..2020-04-30, term extension and minimum-investment reduction',
      responses: { 200: { description: 'ok' }, 422: { $ref: '#/components/responses/Error' } },
    },
  });
  registerOpenApiPath('/api/deadlines', {
    get: {
      summary: 'Deadlines falling within N days',
      parameters: [
        { name: 'within', in: 'query', schema: { type: 'string', example: '90d' } },
        { name: 'on', in: 'query', schema: { type: 'string', format: 'date' } },
      ],
      responses: { 200: { description: 'ok' } },
    },
  });
  registerOpenApiPath('/api/offsets', {
    post: {
      summary: 'Record an offset (抵扣, R-RED-10): from_block gives area for to_block (a regulator overseeing both blocks, or an admin)',
      security: [{ bearer: [] }],
      responses: {
        201: { description: 'recorded' },
        401: { $ref: '#/components/responses/Error' },
        422: { $ref: '#/components/responses/Error' },
      },
    },
  });
  registerOpenApiPath('/api/blocks/{id}/offsets', {
    get: {
      summary: 'Offset ledger entries of a block (given and received)',
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
      responses: { 200: { description: 'ok' } },
    },
  });
  registerOpenApiPath('/api/blocks/{id}/relinquishment-plans', {
    post: {
      summary: 'Relinquishment planner: 1–3 candidate deduction polygons',
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
      responses: {
        200: { description: 'candidates' },
        404: { $ref: '#/components/responses/Error' },
        422: { $ref: '#/components/responses/Error' },
      },
    },
  });
  return r;
}

/** Licence lifecycle: extension and COVID assessments, stored-block assessment, deadlines, offsets, planner. */
import { z } from 'zod';
import { REGIME_IDS } from '../rules/regimes';
import { acquisitionMethodSchema, extensionInputSchema } from '../rules/schemas';
import { ASSESSMENT_INPUT_SOURCES, ASSESSMENT_INPUTS, codesOf } from '../vocab';
import { assessmentReadingsSchema, conflictReadingsSchema } from '../rules/readings';
import { defineRoute } from './define';
import { Areal, isoDay, Message, Step } from './common';

const blockId = z.object({ id: z.string().min(1).max(200) });

const extensionAssessmentFields = {
  regime: z.enum(REGIME_IDS),
  decision: z.enum(['extend', 'refuse']),
  reduction_ratio: z.number(),
  reduction_km2: z.number(),
  remaining_km2: z.number(),
  base_km2: z.number(),
  steps: z.array(Step),
  warnings: z.array(Message),
  readings: z.array(Message),
  refusal_reasons: z.array(Message),
  term_years: z.number(),
  new_valid_from: isoDay.nullable(),
  new_valid_to: isoDay.nullable(),
  option: z.string().optional().describe('which option this result is, when the holder has a choice (R-VAL-5)'),
};
/** A named reading as used: value, whether the request set it, and its warning (server/rules/readings.ts). */
const ReadingApplied = z
  .object({ name: z.string(), value: z.string(), default: z.string(), requested: z.boolean(), warning: Message })
  .meta({ id: 'ReadingApplied' });
export const ExtensionAssessment = z
  .object({
    ...extensionAssessmentFields,
    alternatives: z
      .array(z.object({ ...extensionAssessmentFields, option: z.string() }))
      .optional()
      .describe('the other option the holder may choose instead (R-VAL-5)'),
    readings_applied: z.array(ReadingApplied).optional().describe('the named readings used, echoed with their warnings'),
  })
  .meta({ id: 'ExtensionAssessment' });

export const CovidBody = z.object({ valid_from: isoDay, valid_to: isoDay, area_km2: z.number().nonnegative() });
export const CovidResult = z
  .object({
    window: z.object({ from: isoDay, to: isoDay }),
    term_extension: z.object({ affected_days: z.number(), new_valid_to: isoDay, steps: z.array(Step) }),
    investment_reduction: z.object({
      affected_days: z.number(),
      reduction_cny: z.number(),
      reduction_wan: z.number(),
      steps: z.array(Step),
    }),
  })
  .meta({ id: 'CovidResult' });

const Deadline = z
  .object({ date: isoDay, days_left: z.number().int(), passed: z.boolean(), rule: z.string(), citation: z.string(), description: Message })
  .meta({ id: 'Deadline' });

export const OffsetRow = z
  .object({
    id: z.string(),
    from_block: z.string(),
    to_block: z.string(),
    area_km2: z.number(),
    date: isoDay,
    from_block_area_before_km2: z.number().nullable().optional(),
    note: z.string().nullable().optional(),
    regime: z.enum(REGIME_IDS).nullable().optional().describe('the regime the offset was checked under'),
    receiver_credit_km2: z.number().nullable().optional(),
  })
  .meta({ id: 'OffsetRow' });

const km2 = z.number().finite().min(0);
const ratio01 = z.number().finite().min(0).max(1);

/**
 * Values a user puts in place of what the register gives, one per assessment input (server/vocab
 * ASSESSMENT_INPUTS). An answer that used any of them is marked (`override_notice`): it is not the register's verdict.
 */
export const AssessmentOverrides = z
  .strictObject({
    regime: z.enum(REGIME_IDS).optional(),
    licensed_area_km2: km2.optional(),
    first_registration_area_km2: km2.nullable().optional().describe('null: none on record'),
    proven_reserve_area_km2: km2.optional(),
    unfinished_ratio: ratio01.optional().describe('0..1'),
    extensions_used: z.number().int().min(0).max(10).optional(),
    valid_to: isoDay.optional(),
    application_date: isoDay.nullable().optional().describe('the day the extension application is (to be) filed; null: not checked'),
    proven_reserves_submitted_date: isoDay.nullable().optional().describe('null: no proven reserves submitted'),
    mining_registration_completed: z.boolean().optional(),
    acquisition_method: acquisitionMethodSchema.nullable().optional(),
    years_existing: z.number().finite().min(0).max(200).optional(),
    committed_completion_ratio: ratio01.nullable().optional(),
    contract_reduction_ratio: ratio01.nullable().optional(),
    contract_refusal_completion_below: ratio01.nullable().optional(),
  })
  .meta({ id: 'AssessmentOverrides' });

/** One input of the assessment: the value used, the register's value, and where the value used came from. */
export const AssessmentInputSource = z
  .object({
    name: z.enum(codesOf(ASSESSMENT_INPUTS)),
    value: z.union([z.number(), z.string(), z.boolean(), z.null()]).describe('the value the assessment used (null: none)'),
    register_value: z
      .union([z.number(), z.string(), z.boolean(), z.null()])
      .describe('what the register gives (null: nothing on record, or withheld from this caller)'),
    source: z.enum(codesOf(ASSESSMENT_INPUT_SOURCES)),
  })
  .meta({ id: 'AssessmentInputSource' });

export const StoredBlockAssessment = z
  .object({
    block: z.object({
      id: z.string(),
      name: z.string(),
      holder: z.string().nullable(),
      kind: z.string(),
      mineral: z.string(),
      status: z.string(),
    }),
    regime_reason: Message.nullable(),
    inputs: z.record(z.string(), z.unknown()).describe('the extension-assessment input derived from the register'),
    derived_steps: z.array(Step),
    assessment: ExtensionAssessment.nullable(),
    offset_credit: z
      .object({ credit_km2: z.number(), due_reduction_km2: z.number(), steps: z.array(Step) })
      .nullable()
      .describe('offsets received (本区块未核减): the credit against the assessed reduction and the reduction still due'),
    investment: z
      .object({
        rows: z.array(
          z.object({
            exploration_year: z.number().int(),
            start: isoDay,
            end: isoDay,
            months_old_standard: z.number(),
            months_new_standard: z.number(),
            old_rate_cny_per_km2_year: z.number(),
            new_rate_cny_per_km2_year: z.number(),
            amount_cny: z.number(),
          }),
        ),
        total_cny: z.number(),
        steps: z.array(Step),
        readings: z.array(Message),
        actual_cny: z.number(),
        unfinished_ratio: z.number(),
      })
      .nullable(),
    fees: z
      .object({
        exploration_year: z.number().int(),
        usage_fee_cny: z.number(),
        rows: z.array(z.object({ exploration_year: z.number().int(), amount_cny: z.number() })),
        total_to_date_cny: z.number(),
        steps: z.array(Step),
      })
      .nullable(),
    deadlines: z
      .object({
        expiry: Deadline,
        extension_application_deadline: Deadline.nullable(),
        extensions_allowed: z.number().nullable(),
        extensions_left: z.number().nullable(),
        proven_to_mining_deadline: Deadline.nullable(),
        report_then_produce_mining_deadline: Deadline.nullable(),
        mining_registration_deadline: Deadline.nullable(),
        steps: z.array(Step),
        warnings: z.array(Message),
        readings: z.array(Message),
      })
      .nullable(),
    warnings: z.array(Message),
    readings: z.array(Message),
    readings_applied: z.array(ReadingApplied).describe('the named readings used, echoed with their warnings'),
    input_sources: z
      .array(AssessmentInputSource)
      .describe('every input of the extension assessment with where its value came from: register, default or user override'),
    override_notice: Message.nullable().describe(
      'set when the answer used a user override: it includes overrides and is not the register’s verdict (null: the register’s own)',
    ),
    covid_approvals: z
      .object({
        term_extension_doc: z
          .string()
          .nullable()
          .describe('晋自然资函〔2020〕1333号 一 / 附件1: the 96-day term extension (考核期相应后延) on record; no investment reduced'),
        investment_reduction_doc: z
          .string()
          .nullable()
          .describe('晋自然资函〔2020〕1333号 二 / 附件2: the reduction of the minimum investment of the affected period on record'),
      })
      .describe('the two different approvals of the COVID letter (a public letter), each on record or null'),
    offsets: z.array(OffsetRow).nullable().describe('null when withheld'),
    withheld: Message.nullable().describe(
      'null: the caller sees everything; otherwise (not the holder, an overseeing regulator or an admin) the investment ledger, the shortfall arithmetic on it (assessment, offset_credit) and the offset ledger are null, and this says so (issue 13)',
    ),
  })
  .meta({ id: 'StoredBlockAssessment' });

export const DueItem = z
  .object({
    block_id: z.string(),
    name: z.string(),
    licence_no: z.string().nullable(),
    holder: z.string().nullable(),
    kind: z.string(),
    mineral: z.string(),
    deadline: z.enum(['expiry', 'extension_application', 'mining_registration']),
    due: Deadline,
  })
  .meta({ id: 'DueItem' });
export const Deadlines = z.object({ on: isoDay, within_days: z.number().int(), items: z.array(DueItem) }).meta({ id: 'Deadlines' });

export const OffsetBody = z.object({
  from_block: z.string().min(1),
  to_block: z.string().min(1),
  area_km2: z.number().positive(),
  offset_date: isoDay,
  note: z.string().max(1000).optional(),
});
export const OffsetRecorded = z
  .object({
    id: z.string(),
    entry: z.object({ id: z.string(), from_block: z.string(), to_block: z.string(), area_km2: z.number(), date: isoDay }),
    from_block_new_area_km2: z.number().nullable(),
    disclosure: z.object({ to_block: z.string(), from_block: z.string() }),
    steps: z.array(Step),
    warnings: z.array(Message),
    regime: z.enum(REGIME_IDS).describe('the receiving block’s regime, under which eligibility was checked'),
    receiver: z.object({
      block_id: z.string(),
      credit_km2: z.number(),
      due_before_km2: z
        .number()
        .describe(
          'the receiving block’s reduction still due before this offset (its extension is granted: 422 OFFSET_RECEIVER_NOT_DUE otherwise)',
        ),
      due_after_km2: z.number(),
    }),
    checks: z.object({ steps: z.array(Step), readings: z.array(Message) }).describe('eligibility of the source block (R-RED-10)'),
  })
  .meta({ id: 'OffsetRecorded' });

export const PlanBody = z
  .object({
    required_km2: z.number().positive().optional(),
    max_candidates: z.number().int().min(1).max(3).optional(),
    protected_counts_toward_required: z
      .boolean()
      .optional()
      .describe('named reading (issue 11 item 5): protected areas deducted first count toward the required area; default false'),
  })
  .extend(conflictReadingsSchema.shape)
  .extend({
    void_reading: conflictReadingsSchema.shape.void_reading.describe(
      'accepted for symmetry with the conflict engine but without effect here: at an extension an overlap with another right is never deducted (OVL-EXT), so the answer carries the warning VOID_READING_NOT_APPLIED and leaves it out of readings_applied',
    ),
  })
  .extend(assessmentReadingsSchema.shape);

export const PlanCandidate = z
  .object({
    id: z.enum(['A', 'B', 'C']),
    strategy: z.string().describe('protected-first, west-strip … corner-se'),
    geometry: Areal.describe('the area to give up (deducted protected areas included)'),
    area_km2: z.number(),
    counted_km2: z
      .number()
      .describe('what counts toward the required reduction (less protected areas unless the reading counts them, less proven reserves)'),
    retained: Areal.describe('what the holder keeps'),
    retained_area_km2: z.number(),
    corners: z.array(z.object({ n: z.number().int(), lon: z.number(), lat: z.number(), part: z.number().int(), ring: z.number().int() })),
    touches: z.object({
      reserves_km2: z.number(),
      producing_wells: z.number(),
      wells: z.number(),
      pipelines_km: z.number(),
      protected_km2: z.number(),
    }),
    contiguous_retained: z.boolean(),
    straight_edges: z.number().int(),
    cut_lines: z.array(z.object({ lon: z.number().optional(), lat: z.number().optional() })),
    reasons: z.array(Message).describe('why this extent, each sentence in both languages'),
    score: z.number(),
  })
  .meta({ id: 'PlanCandidate' });

export const Plans = z
  .object({
    block_id: z.string(),
    basis: z.union([
      z.object({ source: z.literal('request') }),
      z.object({ source: z.literal('assessment'), regime: z.string(), steps: z.array(Step) }),
    ]),
    required_km2: z.number(),
    block_area_km2: z.number(),
    protected_km2: z.number(),
    candidates: z.array(PlanCandidate),
    warnings: z.array(Message),
    readings_applied: z.array(ReadingApplied).describe('the named readings used, echoed with their warnings'),
  })
  .meta({ id: 'Plans' });

const lifecycle = ['Licence lifecycle'] as const;

export const lifecycleRoutes = {
  assessExtension: defineRoute({
    method: 'post',
    path: '/api/assessments/extension',
    summary: 'Extension assessment: reduction, decision, new term, every step with its article',
    tags: lifecycle,
    body: { types: ['application/json'], schema: extensionInputSchema },
    badInput: 'INVALID_ASSESSMENT_INPUT',
    responses: { 200: { description: 'the assessment', json: ExtensionAssessment } },
    errors: { 422: ['INVALID_ASSESSMENT_INPUT'] },
  }),
  assessCovid: defineRoute({
    method: 'post',
    path: '/api/assessments/covid',
    summary: 'COVID adjustment (R-COVID-1..3): affected days in 2020-01-25..2020-04-30, term extension and minimum-investment reduction',
    tags: lifecycle,
    body: { types: ['application/json'], schema: CovidBody },
    badInput: 'INVALID_COVID_INPUT',
    responses: { 200: { description: 'term extension and investment reduction', json: CovidResult } },
    errors: { 422: ['INVALID_COVID_INPUT'] },
  }),
  blockAssessment: defineRoute({
    method: 'get',
    path: '/api/blocks/:id/assessment',
    summary:
      'Assessment of a stored block: areas from geometry, proven from reserves, shortfall from the investment ledger, regime from dates; investment schedule, fees, deadlines',
    tags: lifecycle,
    params: blockId,
    query: assessmentReadingsSchema.extend({ on: isoDay.optional().describe('assess as of this day (default today)') }),
    badInput: 'INVALID_QUERY',
    responses: { 200: { description: 'the assessment with its offsets', json: StoredBlockAssessment } },
    errors: { 404: ['NOT_FOUND'], 422: ['INVALID_QUERY'] },
  }),
  blockAssessmentWithOverrides: defineRoute({
    method: 'post',
    path: '/api/blocks/:id/assessment',
    summary:
      'Assessment of a stored block as GET answers it, with user overrides of its inputs: every input says whether it came from the register, is a default or was overridden',
    description:
      'With no overrides the answer is the register’s own (the same verdict as GET). With any, `override_notice` says the verdict includes overrides and is not the register’s. Confidential inputs stay withheld from callers who may not see them (as in GET).',
    tags: lifecycle,
    params: blockId,
    body: {
      types: ['application/json'],
      schema: z.strictObject({
        ...assessmentReadingsSchema.shape,
        on: isoDay.optional().describe('assess as of this day (default today)'),
        overrides: AssessmentOverrides.optional(),
      }),
    },
    badInput: 'INVALID_ASSESSMENT_INPUT',
    responses: { 200: { description: 'the assessment with its inputs’ sources', json: StoredBlockAssessment } },
    errors: { 404: ['NOT_FOUND'], 422: ['INVALID_ASSESSMENT_INPUT', 'NO_ASSESSMENT'] },
  }),
  deadlines: defineRoute({
    method: 'get',
    path: '/api/deadlines',
    summary: 'Deadlines (expiry, last day to apply for extension, mining registration) falling within N days',
    tags: lifecycle,
    query: z.object({
      within: z
        .string()
        .regex(/^\d{1,4}d?$/, 'a number of days, e.g. 90d')
        .default('90d'),
      on: isoDay.optional(),
    }),
    badInput: 'INVALID_QUERY',
    responses: { 200: { description: 'due items, soonest first', json: Deadlines } },
    errors: { 422: ['INVALID_QUERY'] },
  }),
  blockOffsets: defineRoute({
    method: 'get',
    path: '/api/blocks/:id/offsets',
    summary: 'Offset ledger entries of a block (given and received)',
    tags: lifecycle,
    params: blockId,
    description: 'Confidential: the holder, the regulators overseeing the block and administrators only.',
    responses: { 200: { description: 'ledger entries', json: z.object({ items: z.array(OffsetRow) }).meta({ id: 'OffsetList' }) } },
    errors: { 401: ['UNAUTHENTICATED'], 403: ['FORBIDDEN'], 404: ['NOT_FOUND'] },
  }),
  createOffset: defineRoute({
    method: 'post',
    path: '/api/offsets',
    summary: 'Record an offset (抵扣, R-RED-10): from_block gives area for to_block (a regulator overseeing both blocks, or an admin)',
    tags: lifecycle,
    auth: 'regulator',
    body: { types: ['application/json'], schema: OffsetBody },
    badInput: 'INVALID_OFFSET',
    responses: { 201: { description: 'recorded; Location header', json: OffsetRecorded } },
    errors: {
      401: ['UNAUTHENTICATED'],
      403: ['FORBIDDEN', 'CSRF_FAILED', 'TOKEN_READ_ONLY'],
      404: ['NOT_FOUND'],
      422: ['INVALID_OFFSET', 'OFFSET_NOT_ALLOWED', 'OFFSET_RECEIVER_NOT_DUE', 'OFFSET_EXCEEDS_DUE'],
    },
  }),
  relinquishmentPlans: defineRoute({
    method: 'post',
    path: '/api/blocks/:id/relinquishment-plans',
    summary: 'Relinquishment planner: 1–3 candidate extents to give up, each with what is retained',
    tags: lifecycle,
    params: blockId,
    body: { types: ['application/json'], schema: PlanBody },
    badInput: 'INVALID_PLAN_INPUT',
    description:
      'Without `required_km2` the plan reads the confidential assessment: the holder, the regulators overseeing the block and administrators only (401/403).',
    responses: { 200: { description: 'candidates and warnings', json: Plans } },
    errors: {
      401: ['UNAUTHENTICATED'],
      403: ['FORBIDDEN'],
      404: ['NOT_FOUND'],
      422: ['INVALID_PLAN_INPUT', 'NO_PLAN', 'NO_ASSESSMENT', 'NOTHING_TO_RELINQUISH', 'PLANNER_INVALID_INPUT', 'PLANNER_NOTHING_RETAINED'],
    },
  }),
};

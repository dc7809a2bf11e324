/** Applications with a lifecycle (issue 14 item 1): draft → submitted → accepted → approved | refused | withdrawn. */
import { z } from 'zod';
import { APPLICATION_ACTIONS, APPLICATION_KINDS, APPLICATION_STATES, codesOf } from '../vocab';
import { MINERALS } from '../features/collections';
import { REGIME_IDS } from '../rules/regimes';
import { defineRoute } from './define';
import { Areal, isoDay, Link, Message, Step } from './common';
import { CheckVerdict, Conflict, ConflictSummary, Subject } from './checks';
import { StoredBlockAssessment } from './lifecycle';

const KINDS = codesOf(APPLICATION_KINDS);
const STATES = codesOf(APPLICATION_STATES);
const ACTIONS = codesOf(APPLICATION_ACTIONS);
const TRANSITIONS = ['submit', 'accept', 'approve', 'refuse', 'withdraw'] as const;

const text = (max: number) => z.string().trim().min(1).max(max);
const appId = z.object({ id: z.string().min(1).max(40) });

export const NewApplicationBody = z
  .object({
    kind: z.enum(KINDS),
    block_id: text(200).optional().describe('the right concerned (every kind but new_exploration and new_mining)'),
    applicant: text(200)
      .optional()
      .describe('holder organisation as the register names it; for a right on record it must be its holder (default)'),
    authority: text(200).optional().describe('new rights: the authority that decides (default by mineral: Shanxi CBM → 山西省自然资源厅)'),
    mineral: z.enum(MINERALS).optional().describe('new rights (default cbm); a right on record keeps its own'),
    title: text(300).optional(),
    geometry: Areal.optional().describe(
      'CGCS2000 lon/lat: the area applied for (new rights), the retained polygon the applicant chose (extension, change: applied to the block on approval), the proposed mining area (conversion)',
    ),
    note: text(4000).optional(),
    reason: text(2000).optional().describe('why the application is made (kept in its step list)'),
    document_no: text(200).optional().describe('document number (文号) of the application letter'),
  })
  .meta({ id: 'NewApplication' });

export const DraftEditBody = z
  .object({
    title: text(300).nullable().optional(),
    geometry: Areal.nullable().optional(),
    note: text(4000).nullable().optional(),
    mineral: z.enum(MINERALS).nullable().optional(),
    reason: text(2000).optional(),
  })
  .meta({ id: 'ApplicationDraftEdit' });

export const TransitionBody = z
  .object({
    action: z
      .enum(TRANSITIONS)
      .describe('submit, withdraw: the applicant side; accept, approve, refuse: the regulator overseeing its authority'),
    reason: text(2000).describe('why (kept in the step list and the audit trail)'),
    document_no: text(200).optional().describe('document number (文号) of the step, e.g. the approval'),
    block_if_match: z
      .string()
      .max(100)
      .optional()
      .describe(
        "approve: the block's ETag the decider has reviewed (If-Match of the register write); default the block version frozen at submission — 412 when the block has changed since",
      ),
  })
  .meta({ id: 'ApplicationTransition' });

export const ApplicationStep = z
  .object({
    id: z.string(),
    action: z.enum(ACTIONS),
    from_state: z.enum(STATES).nullable(),
    to_state: z.enum(STATES),
    actor: z.string(),
    role: z.string(),
    reason: z.string().nullable(),
    document_no: z.string().nullable(),
    effect: z
      .object({
        block_id: z.string().optional(),
        block_version_before: z.string().optional(),
        block_version_after: z.string().optional(),
        created_block_id: z.string().optional().describe('conversion: the mining right registered'),
        messages: z.array(Message),
      })
      .nullable()
      .describe('what the step changed in the register (approval)'),
    at: z.string().describe('ISO 8601 UTC'),
  })
  .meta({ id: 'ApplicationStep' });

const ConversionFinding = z.object({
  code: z.enum(['AREA_OUTSIDE_BLOCK', 'WELLS_OUTSIDE', 'PIPELINES_OUTSIDE']),
  rule: z.string().describe('R-CONV-1 within the block, R-CONV-2 wells, R-CONV-3 gathering pipelines'),
  citation: z.string(),
  source: z.string().describe('seed lines, 000:Lnnnn / 001:Lnnnn'),
  message: Message,
  outside_km2: z.number().optional().describe('AREA_OUTSIDE_BLOCK: area of the proposal outside the block, km² (ellipsoidal)'),
  well_ids: z.array(z.string()).optional().describe('WELLS_OUTSIDE: the wells relied on left outside'),
  pipelines: z.array(z.object({ id: z.string(), outside_km: z.number() })).optional(),
  outside_km: z.number().optional().describe('PIPELINES_OUTSIDE: gathering length inside the block left outside, km (ellipsoidal)'),
});

export const ConversionCheck = z
  .object({
    block_id: z.string(),
    passes: z.boolean().describe('no finding'),
    findings: z.array(ConversionFinding).describe('what the proposed mining area leaves outside, each with its article'),
    block_km2: z.number(),
    proposal_km2: z.number(),
    outside_km2: z.number(),
    wells: z.object({
      relied_on: z.number().int(),
      covered: z.number().int(),
      outside: z.array(z.string()),
      not_relied_on: z.array(z.string()).describe('abandoned or plugged'),
    }),
    pipelines: z.object({
      gathering_in_block_km: z.number(),
      gathering_outside_km: z.number(),
      trunk_excepted: z.array(z.string()).describe('export (trunk) pipelines: 外输管线除外'),
    }),
    exploration_right: z.object({
      action: z.enum(['reduce', 'cancel']),
      remaining_km2: z.number(),
      threshold_km2: z.number().describe('below this remainder the exploration right is cancelled'),
      message: Message,
    }),
    steps: z.array(Step),
    notes: z.array(Message),
  })
  .meta({ id: 'ConversionCheck' });

export const ConversionCheckBody = z
  .object({ geometry: Areal.describe('the proposed mining area, CGCS2000 lon/lat') })
  .meta({ id: 'ConversionCheckRequest' });

export const ConversionCheckAnswer = z
  .object({
    block_id: z.string(),
    check: ConversionCheck,
    remaining: Areal.nullable().describe('the exploration block minus the proposal: what the exploration right keeps on approval'),
  })
  .meta({ id: 'ConversionCheckAnswer' });

const Deadline = z.object({
  in_time: z.boolean(),
  valid_to: isoDay,
  last_day: isoDay,
  filed_on: isoDay,
  days_before_expiry: z.number().int(),
  days_late: z.number().int(),
  rule: z.string(),
  citation: z.string(),
  source: z.string().describe('seed line, 000:Lnnnn'),
  step: Step,
});

const RegimeVersion = z.object({
  id: z.enum(REGIME_IDS),
  sources: z.array(z.object({ doc: z.string(), in_force_from: isoDay, in_force_to: isoDay.nullable() })),
});

export const ApplicationSnapshot = z
  .object({
    application_id: z.string(),
    taken_at: z.string().describe('ISO 8601 UTC'),
    on: isoDay.describe('the day (China time) the rules were applied'),
    block: z
      .object({
        id: z.string(),
        name: z.string(),
        version: z.string().describe('the block version the application was judged on (its ETag "v<version>")'),
        holder: z.string().nullable(),
        authority: z.string().nullable(),
        kind: z.string(),
        mineral: z.string(),
        status: z.string(),
        valid_from: isoDay.nullable(),
        valid_to: isoDay.nullable(),
        extensions_used: z.number().int(),
        area_km2: z.number(),
      })
      .nullable(),
    deadline: Deadline.nullable().describe('extension: applied ≥ 30 days before expiry (273号令 第十五条, 000:L3364)'),
    check: z
      .object({
        inputs: z.object({
          subject: Subject,
          block_id: z.string().nullable(),
          extent: z.enum(['application', 'register']),
          area_km2: z.number(),
          geometry: Areal,
        }),
        regime: z.enum(REGIME_IDS),
        result: z.object({
          conflicts: z.array(Conflict),
          summary: ConflictSummary,
          verdict: CheckVerdict.optional().describe(
            'the overall verdict exactly as the check answered it at submission (absent in snapshots taken before it was kept)',
          ),
          warnings: z.array(Message),
        }),
      })
      .nullable()
      .describe('the conflict check of the applied extent (null for a cancellation)'),
    assessment: StoredBlockAssessment.nullable().describe('extension: the register assessment of the block on the day of submission'),
    retained: z
      .object({
        block_area_km2: z.number(),
        retained_km2: z.number(),
        outside_km2: z.number(),
        remaining_km2: z.number().nullable().describe('what the assessment leaves after the reduction (plus offsets received)'),
      })
      .nullable(),
    conversion: ConversionCheck.nullable()
      .optional()
      .describe('conversion: the conversion check of the proposed mining area on the day of submission (R-CONV-1..5)'),
    notes: z.array(Message),
    warnings: z.array(Message),
    rule_versions: z.object({
      service: z.string(),
      regime: RegimeVersion.nullable(),
      assessment_regime: RegimeVersion.nullable(),
      schema_migration: z.string().nullable(),
    }),
    data_version: z.object({
      layers: z.record(z.string(), z.string()).describe('every layer’s data version (013) when the snapshot was taken'),
      register_as_at: z.string().nullable(),
    }),
  })
  .meta({ id: 'ApplicationSnapshot' });

const applicationFields = {
  id: z.string(),
  kind: z.enum(KINDS),
  state: z.enum(STATES),
  block_id: z.string().nullable(),
  applicant: z.string(),
  authority: z.string(),
  mineral: z.string().nullable(),
  title: z.string().nullable(),
  geometry: Areal.nullable(),
  note: z.string().nullable(),
  snapshot_sha256: z.string().nullable().describe('SHA-256 of the snapshot’s exact JSON text as frozen'),
  version: z.string().describe('the application’s version (ETag "v<version>")'),
  created_by: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
  submitted_at: z.string().nullable(),
  decided_at: z.string().nullable(),
};

export const Application = z
  .object({
    ...applicationFields,
    snapshot: ApplicationSnapshot.nullable().describe('frozen at submission, never recomputed'),
    steps: z.array(ApplicationStep),
  })
  .meta({ id: 'Application' });

export const ApplicationPage = z
  .object({
    items: z.array(z.object(applicationFields)),
    authority: z.string().nullable().describe('the authority whose subtree was listed (regulators: their own unless named)'),
    numberMatched: z.number().int().optional(),
    numberReturned: z.number().int(),
    links: z.array(Link),
  })
  .meta({ id: 'ApplicationPage' });

const tags = ['Applications'] as const;
const ETAG = { ETag: 'the application’s version, for If-Match' };
const WRITE_403 = ['FORBIDDEN', 'CSRF_FAILED', 'TOKEN_READ_ONLY'];

export const applicationRoutes = {
  createApplication: defineRoute({
    method: 'post',
    path: '/api/applications',
    summary: 'Open an application (draft): a holder for its own right or a new one, a regulator of the authority, or an admin',
    tags,
    auth: 'account',
    body: { types: ['application/json'], schema: NewApplicationBody },
    badInput: 'INVALID_APPLICATION',
    responses: { 201: { description: 'the draft; Location and ETag headers', json: Application, headers: ETAG } },
    errors: {
      401: ['UNAUTHENTICATED'],
      403: WRITE_403,
      422: [
        'INVALID_APPLICATION',
        'BLOCK_REQUIRED',
        'BLOCK_NOT_ALLOWED',
        'BLOCK_NOT_FOUND',
        'CONVERSION_NEEDS_EXPLORATION',
        'APPLICANT_NOT_HOLDER',
        'APPLICANT_REQUIRED',
        'UNKNOWN_AUTHORITY',
        'GEOMETRY_REQUIRED',
        'GEOMETRY_NOT_ALLOWED',
        'RETAINED_OUTSIDE_BLOCK',
        'GEOMETRY_WRONG_TYPE',
        'GEOMETRY_SELF_INTERSECTION',
      ],
    },
  }),
  listApplications: defineRoute({
    method: 'get',
    path: '/api/applications',
    summary: "A regulator's queue (its authority and every one under it, or a named authority it oversees), a holder's own list",
    tags,
    auth: 'account',
    query: z.object({
      state: z.enum(STATES).optional(),
      authority: text(200).optional().describe('list this authority and every authority under it (regulators: one they oversee)'),
      kind: z.enum(KINDS).optional(),
      block_id: text(200).optional(),
      limit: z.coerce.number().int().min(1).max(1000).default(50),
      offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
    }),
    badInput: 'INVALID_QUERY',
    responses: { 200: { description: 'applications, newest first (without snapshots)', json: ApplicationPage } },
    errors: { 401: ['UNAUTHENTICATED'], 403: ['FORBIDDEN'], 422: ['INVALID_QUERY'] },
  }),
  getApplication: defineRoute({
    method: 'get',
    path: '/api/applications/:id',
    summary: 'One application with its frozen snapshot and its step list',
    tags,
    auth: 'account',
    params: appId,
    badInput: 'INVALID_QUERY',
    responses: { 200: { description: 'the application', json: Application, headers: ETAG } },
    errors: { 401: ['UNAUTHENTICATED'], 403: ['FORBIDDEN'], 404: ['NOT_FOUND'], 422: ['INVALID_QUERY'] },
  }),
  editApplication: defineRoute({
    method: 'patch',
    path: '/api/applications/:id',
    summary: 'Edit a draft (the applicant side; If-Match with the application’s ETag)',
    tags,
    auth: 'account',
    params: appId,
    headers: { 'If-Match': { description: 'the application’s ETag from GET', required: true } },
    body: { types: ['application/json', 'application/merge-patch+json'], schema: DraftEditBody },
    badInput: 'INVALID_APPLICATION',
    responses: { 200: { description: 'the edited draft', json: Application, headers: ETAG } },
    errors: {
      401: ['UNAUTHENTICATED'],
      403: WRITE_403,
      404: ['NOT_FOUND'],
      409: ['NOT_A_DRAFT', 'CHANGED_MEANWHILE'],
      412: ['PRECONDITION_FAILED'],
      422: ['INVALID_APPLICATION', 'GEOMETRY_REQUIRED', 'GEOMETRY_NOT_ALLOWED', 'RETAINED_OUTSIDE_BLOCK', 'GEOMETRY_WRONG_TYPE'],
      428: ['PRECONDITION_REQUIRED'],
    },
  }),
  applicationTransition: defineRoute({
    method: 'post',
    path: '/api/applications/:id/transitions',
    summary:
      'One step: submit (freezes the snapshot; extension ≥ 30 days before expiry), accept, approve (applies the register effect), refuse, withdraw',
    description:
      'Approval of an extension or change replaces the block’s geometry by the retained polygon of the application (and, for an extension the assessment grants, starts the new term); approval of a cancellation ends the right (status cancelled, term ending that day); of a retention, status retained — through the register’s own write path (If-Match, history, audit).',
    tags,
    auth: 'account',
    params: appId,
    headers: { 'If-Match': { description: 'optional: the application’s ETag; 412 when it has changed since' } },
    body: { types: ['application/json'], schema: TransitionBody },
    badInput: 'INVALID_TRANSITION',
    responses: { 200: { description: 'the application after the step', json: Application, headers: ETAG } },
    errors: {
      401: ['UNAUTHENTICATED'],
      403: WRITE_403,
      404: ['NOT_FOUND'],
      409: ['ILLEGAL_TRANSITION', 'CHANGED_MEANWHILE', 'RIGHT_SEIZED', 'RIGHT_MORTGAGED'],
      412: ['PRECONDITION_FAILED'],
      422: [
        'INVALID_TRANSITION',
        'EXTENSION_APPLICATION_LATE',
        'EXTENSION_NO_EXPIRY',
        'BLOCK_NOT_FOUND',
        'RETAINED_OUTSIDE_BLOCK',
        'INVALID_PROPERTY',
      ],
      428: ['PRECONDITION_REQUIRED'],
    },
  }),
  conversionCheck: defineRoute({
    method: 'post',
    path: '/api/blocks/:id/conversion-check',
    summary:
      'Conversion exploration → mining (转采): does the proposed mining area lie within the exploration block and cover its wells and gathering pipelines?',
    description:
      'Lists what the proposal leaves outside — wells by id, gathering-pipeline length in km (export/trunk pipelines excepted), the area of the proposal outside the block (ellipsoidal km²) — each finding with its article (自然资规〔2023〕4号 二（三）2, 二（四）4; 273号令 第二十一条), and what approval would do to the exploration right (reduced to the remainder, or cancelled below the threshold). The holder of the block, a regulator overseeing its authority, or an administrator.',
    tags,
    auth: 'account',
    params: appId,
    body: { types: ['application/json'], schema: ConversionCheckBody },
    badInput: 'INVALID_CONVERSION_CHECK',
    responses: { 200: { description: 'the check', json: ConversionCheckAnswer } },
    errors: {
      401: ['UNAUTHENTICATED'],
      403: WRITE_403,
      404: ['NOT_FOUND'],
      422: [
        'INVALID_CONVERSION_CHECK',
        'CONVERSION_NEEDS_EXPLORATION',
        'GEOMETRY_WRONG_TYPE',
        'GEOMETRY_SELF_INTERSECTION',
        'GEOMETRY_OUTSIDE_CHINA',
      ],
    },
  }),
};

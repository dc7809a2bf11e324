/** Conflict checks: an uploaded or drawn block, a stored block, and the whole register against one collection. */
import { z } from 'zod';
import { APPLICATIONS, OUTCOMES } from '../conflicts/outcomes';
import { CONFLICT_COLLECTIONS } from '../conflicts/types';
import { MINERALS } from '../features/collections';
import { FORMATS } from '../parse/types';
import { REGIME_IDS } from '../rules/regimes';
import { AGREEMENT_KINDS, CHECK_VERDICTS, codesOf, RIGHT_FLAG_KINDS, SEVERITIES } from '../vocab';
import { defineRoute } from './define';
import { Areal, asAt, errorsOf, Geometry, isoDay, Link, Message, optInt, optText, WORK_ERRORS } from './common';
import { ParseResult, ParseWarning } from './files';
import { CheckReportQuery, StoredCheck } from './reports';

/** Parameters of a check: query, form fields, or top-level members of the JSON body. */
export const CheckParams = z.object({
  applicant: optText().describe('holder name of the applicant (same-holder overlaps are allowed)'),
  application: z.enum(APPLICATIONS).default('new_exploration'),
  mineral: z.enum(MINERALS).optional().describe('default cbm (or the block’s)'),
  block_id: optText().describe('the block being extended or changed, or the exploration block of a mining application'),
  regime: z.enum(REGIME_IDS).optional(),
  as_of: isoDay.optional().describe('the date outcomes are judged on; default today (UTC+8), or the day of as_at'),
  as_at: asAt
    .optional()
    .describe(
      'the register as it stood at this date or instant: every layer (blocks, reserves, protected areas, red lines, wells, pipelines, boundaries) and the named block_id are read from their history; default: as it stands',
    ),
  format: optText().describe('file format hint'),
  zone: optInt.describe('Gauss-Krüger zone hint'),
  crs: optInt.describe('EPSG code hint'),
});
export const BlockCheckParams = CheckParams.pick({ applicant: true, mineral: true, regime: true, as_of: true, as_at: true }).extend({
  application: z.enum(APPLICATIONS).default('extension'),
});
export const RegisterQuery = z.object({
  collection: z.enum(CONFLICT_COLLECTIONS),
  limit: z.coerce.number().int().min(1).optional().describe('page size; default 100 (CSV: PAGE_LIMIT_MAX)'),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  format: z.enum(['json', 'csv']).default('json'),
  as_of: isoDay.optional(),
  regime: z.enum(REGIME_IDS).optional(),
  as_at: z
    .unknown()
    .optional()
    .describe('not supported here: the whole-register list is computed from today’s register only (422 AS_AT_NOT_SUPPORTED)'),
});

export const Basis = z
  .object({ rule: z.string(), citation: z.string(), text: z.string(), note: Message.optional().describe('how the rule was applied here') })
  .meta({ id: 'Basis' });

export const Subject = z
  .object({
    applicant: z.string().nullable(),
    application: z.enum(APPLICATIONS),
    mineral: z.string(),
    kind: z.enum(['exploration', 'mining']),
    regime: z.enum(REGIME_IDS),
    as_of: isoDay,
  })
  .meta({ id: 'Subject' });

export const AgreementRef = z
  .object({
    id: z.string(),
    kind: z.enum(codesOf(AGREEMENT_KINDS)),
    document_no: z.string(),
    signed_on: isoDay,
    valid_from: isoDay,
    valid_to: isoDay.nullable(),
    terms: z.array(z.string()).describe('codes of AGREEMENT_TERMS (server/vocab), e.g. gas_before_coal = 先采气、后采煤'),
    area_km2: z.number().describe('the area the agreement covers, km², ellipsoidal'),
  })
  .meta({ id: 'AgreementRef' });

export const CommitmentRef = z
  .object({
    id: z.string(),
    document_no: z.string(),
    signed_on: isoDay,
    valid_from: isoDay,
    valid_to: isoDay.nullable(),
    terms: z.array(z.string()).describe('codes of COMMITMENT_TERMS (server/vocab)'),
    area_km2: z.number().describe('the area the commitment covers, km², ellipsoidal'),
  })
  .meta({ id: 'CommitmentRef' });

export const RightFlagRef = z
  .object({
    id: z.string(),
    kind: z.enum(codesOf(RIGHT_FLAG_KINDS)),
    document_no: z.string(),
    authority: z.string(),
    start_on: isoDay,
    end_on: isoDay.nullable(),
  })
  .meta({ id: 'RightFlagRef' });

const WellLocationClass = z.enum(['ecologically_sensitive', 'coal_district', 'coal_unmined']);

const conflictFields = {
  collection: z.enum([...CONFLICT_COLLECTIONS, 'boundaries']),
  id: z.string(),
  name: z.string().nullable(),
  category: z.string().nullable(),
  zone: z.string().nullable(),
  status: z.string().nullable(),
  holder: z.string().nullable(),
  mineral: z.string().nullable(),
  overlap_area_km2: z.number().describe('ellipsoidal, km², unrounded'),
  share_of_input: z.number(),
  share_of_feature: z.number().nullable(),
  outcome: z.enum(OUTCOMES),
  deductible: z.boolean(),
  basis: z.array(Basis),
  check: z.enum(['containment', 'provincial_border']).optional(),
  block_id: z.string().nullable().optional(),
  length_km: z.number().optional().describe('pipelines: crossing length inside the input and the protected areas crossed, km, ellipsoidal'),
  length_in_input_km: z.number().optional().describe('pipelines: length of the pipeline inside the input, km, ellipsoidal'),
  crosses: z.array(z.string()).optional(),
  disposal: z
    .object({
      status_class: z.enum(['inactive', 'abandoned']),
      location_class: WellLocationClass,
      location_classes: z.array(WellLocationClass),
      rule: z.string(),
      citation: z.string(),
      deadline: isoDay
        .nullable()
        .describe(
          'R-WELL-2 (DB14/T 2053—2020 4.4): last day to dispose of a well abandoned or long-inactive before 2020-09-10; null: none computable (see basis)',
        ),
      deadline_passed: z.boolean().nullable(),
    })
    .optional(),
  agreement: z
    .object({
      part: z
        .enum(['covered', 'remaining'])
        .describe('covered: the area agreements on file cover (agreement_on_file); remaining: the rest'),
      overlap_km2: z.number().describe('the whole overlap with this right, km² (= covered + remaining)'),
      covered_km2: z.number(),
      remaining_km2: z.number(),
      documents: z.array(AgreementRef),
    })
    .optional()
    .describe('blocks: the overlap split by agreements on file between the checked block and this right (issue 14 item 5)'),
  flags: z.array(RightFlagRef).optional().describe('blocks: register status flags in force on this right (查封, 抵押)'),
  commitment: z
    .object({
      part: z
        .enum(['covered', 'remaining'])
        .describe('covered: the area commitments on file cover (commitment_on_file); remaining: the rest'),
      overlap_km2: z.number().describe('the whole overlap with this red line, km² (= covered + remaining)'),
      covered_km2: z.number(),
      remaining_km2: z.number(),
      documents: z.array(CommitmentRef),
    })
    .optional()
    .describe(
      'red lines: the overlap with a proposed red line split by written commitments on file of the checked block (PA-5, 000 L6185)',
    ),
};

export const Conflict = z.object({ ...conflictFields, geometry: Geometry.nullable() }).meta({ id: 'Conflict' });

export const CollectionSummary = z.object({ count: z.number().int(), area_km2: z.number() });
export const ConflictSummary = z
  .object({ deductible_area_km2: z.number(), net_area_km2: z.number() })
  .catchall(z.union([CollectionSummary, z.number()]))
  .describe(
    'per collection (and `containment`): count and the area of the union of its overlaps; deductible_area_km2 is the union of deductible overlaps; net = input − deductible',
  )
  .meta({ id: 'ConflictSummary' });

export const CheckVerdict = z
  .object({
    code: z.enum(codesOf(CHECK_VERDICTS)).describe('worst class among the findings (server/vocab CHECK_VERDICTS, zh/en names there)'),
    severity: z.enum(codesOf(SEVERITIES)),
    message: Message,
    reasons: z.array(
      z.object({
        verdict: z.enum(codesOf(CHECK_VERDICTS)),
        outcome: z.enum(OUTCOMES),
        count: z.number().int().describe('entries with this outcome; 0 for a check that could not run'),
        area_km2: z.number().describe('sum of their overlap areas (not a union: see summary)'),
        length_km: z.number().optional().describe('pipelines: summed crossing length'),
        message: Message.optional().describe('a check that could not run: why'),
      }),
    ),
  })
  .describe('the overall verdict, a preliminary reading of the register (not an administrative decision), worst class first')
  .meta({ id: 'CheckVerdict' });

export const CheckInputDescription = ParseResult.extend({
  format: z.union([z.enum(FORMATS), z.literal('register')]),
  block_id: z.string().optional(),
  name: z.string().optional(),
  geometry: Areal,
  warnings: z.array(ParseWarning),
}).meta({ id: 'CheckInput' });

export const CheckResult = z
  .object({
    input: CheckInputDescription,
    subject: Subject,
    conflicts: z.array(Conflict),
    summary: ConflictSummary,
    verdict: CheckVerdict,
    regime: z.enum(REGIME_IDS),
    as_at: z
      .string()
      .nullable()
      .optional()
      .describe('the register’s date or instant the check read (as given in as_at); null: the register as it stands'),
  })
  .meta({ id: 'CheckResult' });

export const RegisterRow = z
  .object({
    ...conflictFields,
    subject: z.object({
      id: z.string(),
      name: z.string().nullable(),
      holder: z.string().nullable(),
      kind: z.enum(['exploration', 'mining']),
      mineral: z.string(),
      status: z.string(),
      area_km2: z.number(),
    }),
  })
  .meta({ id: 'RegisterRow' });

export const RegisterPage = z
  .object({
    collection: z.enum(CONFLICT_COLLECTIONS),
    numberMatched: z.number().int(),
    numberReturned: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
    rows: z.array(RegisterRow),
    links: z.array(Link),
  })
  .meta({ id: 'RegisterPage' });

const checks = ['Conflict checks'] as const;

export const checkRoutes = {
  check: defineRoute({
    method: 'post',
    path: '/api/checks',
    summary:
      'Conflict check: every overlap of the input with rights, reserves, protected areas, red lines, wells and pipelines, its ellipsoidal area and rule outcome',
    description:
      'Body: multipart `file` (with format/zone/crs hints) or a GeoJSON Feature/geometry as JSON; parameters as query, form fields or top-level JSON members. summary.<collection> counts each collection’s union once; deductible_area_km2 is the union of deductible overlaps; net_area_km2 = input − deductible.',
    tags: checks,
    query: CheckParams.extend(CheckReportQuery.shape),
    body: {
      types: ['application/json', 'application/geo+json', 'multipart/form-data'],
      schema: z.union([Areal, z.object({ type: z.literal('Feature'), geometry: Areal }).loose(), z.object({ geometry: Areal }).loose()]),
      validate: false,
    },
    badInput: 'CHECK_BAD_PARAMETER',
    responses: {
      200: {
        description:
          'input, subject, conflicts, summary, regime (Server-Timing: sql, check); with format=pdf the check report PDF, stored and signed (X-Check-Id, X-Certificate-Id; server/routes/reports.ts)',
        json: CheckResult,
        binary: ['application/pdf'],
      },
      201: {
        description: 'with store=true: the stored, signed check (Location, X-Check-Id, X-Certificate-Id; server/routes/reports.ts)',
        json: StoredCheck,
      },
    },
    errors: errorsOf(
      {
        400: ['CHECK_NO_INPUT', 'UPLOAD_REJECTED', 'PARSE_*'],
        404: ['NOT_FOUND'],
        413: ['UPLOAD_TOO_LARGE', 'PARSE_*'],
        422: ['CHECK_BAD_PARAMETER', 'CHECK_BLOCK_NOT_FOUND', 'CHECK_NO_GEOMETRY', 'GEOMETRY_*', 'PARSE_*'],
        503: ['REPORT_RENDERER_UNAVAILABLE', 'REPORT_TIMEOUT', 'REPORT_BUSY'],
      },
      WORK_ERRORS,
    ),
  }),
  blockConflicts: defineRoute({
    method: 'get',
    path: '/api/blocks/:id/conflicts',
    summary: 'Conflicts of a stored block (application defaults to extension by its holder, for its mineral)',
    tags: checks,
    params: z.object({ id: z.string().min(1).max(200) }),
    query: BlockCheckParams,
    badInput: 'CHECK_BAD_PARAMETER',
    responses: { 200: { description: 'input, subject, conflicts, summary, regime', json: CheckResult } },
    errors: { 404: ['NOT_FOUND'], 422: ['CHECK_BAD_PARAMETER'] },
  }),
  conflictsRegister: defineRoute({
    method: 'get',
    path: '/api/conflicts',
    summary:
      'The register: every block × the features of one collection it conflicts with, paged; CSV (UTF-8 BOM, Chinese headers) with format=csv',
    tags: checks,
    query: RegisterQuery,
    badInput: 'CHECK_BAD_PARAMETER',
    responses: {
      200: {
        description: 'a page of rows with self/next/alternate links (every parameter kept), or the CSV',
        json: RegisterPage,
        binary: ['text/csv'],
      },
    },
    errors: { 422: ['CHECK_BAD_PARAMETER', 'AS_AT_NOT_SUPPORTED'] },
  }),
};

/**
 * Annual exploration investment and the abnormal list (issue 14 item 3): a holder files a year's figure with its
 * itemised costs, the service checks it against the year's minimum and keeps it in the one ledger the extension
 * assessment reads; regulators list the candidates for the abnormal list (异常名录) and publish it.
 */
import { z } from 'zod';
import { ABNORMAL_REASONS, INVESTMENT_ITEMS, codesOf } from '../vocab';
import { defineRoute } from './define';
import { Message, Step, isoDay } from './common';

const ITEMS = codesOf(INVESTMENT_ITEMS);
const cny = z.number().finite().min(0).max(1e13);
const text = (max: number) => z.string().trim().min(1).max(max);
const blockId = z.object({ id: z.string().min(1).max(200) });
const mmdd = z
  .string()
  .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/)
  .describe(
    'filing deadline of year Y’s figure, month-day of Y + 1 (default 03-31; not in the seeds, see server/rules/annual-investment.ts)',
  );

export const InvestmentReportBody = z
  .object({
    year: z.number().int().min(1980).max(2200).describe('calendar year the figure is for'),
    breakdown: z
      .partialRecord(z.enum(ITEMS), cny)
      .describe('itemised costs, CNY (核算报告 各项投入费用明细, 273号令 第十七条); physical work + research count toward the 85 %'),
    amount_cny: cny.optional().describe('the year’s total, CNY; when given it must equal the sum of the breakdown'),
    note: text(4000).optional(),
    document_no: text(200).optional().describe('number of the accounting or audit report'),
  })
  .meta({ id: 'InvestmentReportBody' });

export const InvestmentReport = z
  .object({
    id: z.string(),
    block_id: z.string(),
    year: z.number().int(),
    revision: z.number().int().describe('1 for the first filing of the year; a resubmission is the next revision, the earlier ones kept'),
    amount_cny: z.number(),
    physical_and_research_cny: z.number(),
    breakdown: z.record(z.string(), z.number()),
    note: z.string().nullable(),
    document_no: z.string().nullable(),
    submitted_by: z.string(),
    role: z.string(),
    submitted_at: z.string().describe('ISO 8601 UTC'),
    synthetic: z.boolean(),
  })
  .meta({ id: 'InvestmentReport' });

export const AnnualCheck = z
  .object({
    year: z.number().int(),
    minimum_cny: z.number().describe('the year’s minimum: 273号令 第十六条 tiers × licensed area, or the contract’s standard'),
    reported_cny: z.number(),
    meets_minimum: z.boolean(),
    shortfall_cny: z.number(),
    shortfall_ratio: z.number().describe('(minimum − reported) / minimum, 0..1'),
    composition: z.object({ ok: z.boolean(), share: z.number() }).nullable().describe('R-INV-5: physical work + research ≥ 85 %'),
    steps: z.array(Step),
    warnings: z.array(Message),
    readings: z.array(Message),
  })
  .meta({ id: 'AnnualInvestmentCheck' });

const InvestmentYear = z.object({
  year: z.number().int(),
  amount_cny: z.number().nullable().describe('the ledger’s figure (null: none on record)'),
  source: z.enum(['report', 'register']).nullable().describe('report: filed through this service; register: imported with the register'),
  report_id: z.string().nullable(),
  first_filed_on: isoDay.nullable(),
  deadline: isoDay,
  minimum_cny: z.number(),
  meets_minimum: z.boolean().nullable(),
  shortfall_ratio: z.number().nullable(),
  steps: z.array(Step),
});

const TermShortfall = z
  .object({
    valid_from: isoDay,
    valid_to: isoDay,
    required_cny: z.number(),
    actual_cny: z.number(),
    unfinished_ratio: z.number(),
  })
  .nullable()
  .describe(
    'the running shortfall of the current term: the extension assessment’s own figures (GET /api/blocks/{id}/assessment, investment), read from the same ledger',
  );

export const BlockInvestment = z
  .object({
    block_id: z.string(),
    name: z.string(),
    holder: z.string().nullable(),
    authority: z.string().nullable(),
    applies: z.boolean().describe('273号令 第十六条 applies: a CBM exploration right'),
    deadline_mmdd: z.string(),
    years: z.array(InvestmentYear).describe('every calendar year from first registration to the last one closed, newest first'),
    reports: z.array(InvestmentReport).describe('every filing, newest year and revision first'),
    term: TermShortfall,
    notes: z.array(Message),
  })
  .meta({ id: 'BlockInvestment' });

export const InvestmentFiled = z
  .object({ report: InvestmentReport, check: AnnualCheck.nullable(), term: TermShortfall, notes: z.array(Message) })
  .meta({ id: 'InvestmentFiled' });

const Citation = z.object({ doc: z.string(), source: z.string().describe('seed line, 000:Lnnnn') });

export const AbnormalReason = z
  .object({
    code: z.string().describe(`one of server/vocab ABNORMAL_REASONS: ${codesOf(ABNORMAL_REASONS).join(', ')}`),
    params: z.record(z.string(), z.unknown()),
    message: z.string(),
    message_zh: z.string(),
    citations: z.array(Citation),
    source: z.string().describe('which record gave the reason (investment, …)'),
  })
  .meta({ id: 'AbnormalReason' });

export const AbnormalEntry = z
  .object({
    holder: z.string(),
    block_id: z.string(),
    block_name: z.string(),
    authority: z.string().nullable(),
    reasons: z.array(AbnormalReason),
  })
  .meta({ id: 'AbnormalEntry' });

export const AbnormalPublication = z
  .object({
    id: z.string(),
    year: z.number().int(),
    authority: z.string(),
    deadline: isoDay,
    entries: z.array(AbnormalEntry).describe('as published (the public form: no confidential figures)'),
    entries_sha256: z.string(),
    document_no: z.string().nullable(),
    note: z.string().nullable(),
    published_by: z.string(),
    published_at: z.string(),
  })
  .meta({ id: 'AbnormalPublication' });

export const AbnormalList = z
  .object({
    status: z.enum(['candidates', 'published', 'not_published']),
    year: z.number().int().nullable(),
    authority: z.string().nullable(),
    deadline: isoDay.nullable(),
    on: isoDay.describe('the day (China) the list was judged'),
    holders: z.number().int().describe('distinct holders listed'),
    entries: z.array(AbnormalEntry),
    publication: AbnormalPublication.omit({ entries: true }).nullable().describe('the latest publication of the year'),
  })
  .meta({ id: 'AbnormalList' });

export const PublishBody = z
  .object({
    year: z.number().int().min(1980).max(2200),
    authority: text(200).optional().describe('the authority whose list (and every one under it); default the regulator’s own'),
    deadline_mmdd: mmdd.optional(),
    document_no: text(200).optional(),
    note: text(4000).optional(),
  })
  .meta({ id: 'AbnormalListPublish' });

const tags = ['Investment'] as const;
const WRITE_403 = ['FORBIDDEN', 'CSRF_FAILED', 'TOKEN_READ_ONLY'];

export const investmentRoutes = {
  fileInvestmentReport: defineRoute({
    method: 'post',
    path: '/api/blocks/:id/investment-reports',
    summary: "File a year's exploration investment with its itemised costs (the block's holder, a regulator overseeing it, an admin)",
    description:
      'The figure becomes the ledger’s for the year (the one the extension assessment reads); a resubmission is a new revision, the earlier ones kept. Answers the year’s check against its minimum and the term’s running shortfall.',
    tags,
    auth: 'account',
    params: blockId,
    body: { types: ['application/json'], schema: InvestmentReportBody },
    badInput: 'INVALID_INVESTMENT_REPORT',
    responses: { 201: { description: 'the filing, the year’s check, the term’s shortfall', json: InvestmentFiled } },
    errors: {
      401: ['UNAUTHENTICATED'],
      403: WRITE_403,
      404: ['NOT_FOUND'],
      422: [
        'INVALID_INVESTMENT_REPORT',
        'NOT_EXPLORATION',
        'BREAKDOWN_EMPTY',
        'BREAKDOWN_MISMATCH',
        'YEAR_NOT_CLOSED',
        'YEAR_BEFORE_REGISTRATION',
      ],
    },
  }),
  blockInvestment: defineRoute({
    method: 'get',
    path: '/api/blocks/:id/investment',
    summary: "A block's annual investment: each year against its minimum, every filing, the term's running shortfall",
    tags,
    auth: 'account',
    params: blockId,
    query: z.object({ deadline_mmdd: mmdd.optional() }),
    badInput: 'INVALID_QUERY',
    responses: {
      200: { description: 'the block’s annual investment (confidential: holder, overseeing regulators, admins)', json: BlockInvestment },
    },
    errors: { 401: ['UNAUTHENTICATED'], 403: ['FORBIDDEN'], 404: ['NOT_FOUND'], 422: ['INVALID_QUERY'] },
  }),
  abnormalList: defineRoute({
    method: 'get',
    path: '/api/abnormal-list',
    summary: 'The abnormal list (异常名录): regulators see the live candidates with figures; everyone else the latest published list',
    description:
      'Candidates: CBM exploration rights whose year’s figure is below the minimum, not filed by the deadline or filed late (273号令 第四十三、四十四条), and every other reason source (server/abnormal/reasons.ts).',
    tags,
    query: z.object({
      year: z.coerce.number().int().min(1980).max(2200).optional().describe('default: the latest year whose filing deadline has passed'),
      authority: text(200).optional(),
      deadline_mmdd: mmdd.optional(),
      view: z.enum(['candidates', 'published']).optional().describe('regulators: published to read the published list instead'),
    }),
    badInput: 'INVALID_QUERY',
    responses: { 200: { description: 'the list', json: AbnormalList } },
    errors: { 403: ['FORBIDDEN'], 422: ['INVALID_QUERY', 'UNKNOWN_AUTHORITY'] },
  }),
  publishAbnormalList: defineRoute({
    method: 'post',
    path: '/api/abnormal-list/publications',
    summary: 'Publish the abnormal list of a year (a regulator of the authority, or an admin): the candidates frozen in their public form',
    tags,
    auth: 'regulator',
    body: { types: ['application/json'], schema: PublishBody },
    badInput: 'INVALID_PUBLICATION',
    responses: { 201: { description: 'the publication', json: AbnormalPublication } },
    errors: { 401: ['UNAUTHENTICATED'], 403: WRITE_403, 422: ['INVALID_PUBLICATION', 'UNKNOWN_AUTHORITY', 'YEAR_NOT_DUE'] },
  }),
};

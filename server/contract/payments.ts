/** Payments (issue 14 item 4): obligations, payments, late fees, the calendar of what falls due and a block's statement. */
import { z } from 'zod';
import { OBLIGATION_KINDS, OBLIGATION_STATUSES, PAYMENT_PARTS, codesOf } from '../vocab';
import { defineRoute } from './define';
import { isoDay, Message, Step } from './common';

const text = (max: number) => z.string().trim().min(1).max(max);
const blockId = z.object({ id: z.string().min(1).max(200) });

/** An amount in 元 as the client sends it: a decimal string (exact) or a JSON number, at most two decimals. */
const Yuan = z
  .union([
    z.string().regex(/^\s*\d{1,13}(\.\d{1,2})?\s*$/, 'an amount in CNY with at most two decimals, e.g. "73977.60"'),
    z.number().nonnegative(),
  ])
  .describe('元, at most two decimals; a decimal string keeps it exact');

/** An amount as the service sends it: exact integer 分 and the same in 元 as a decimal string. */
export const Money = z
  .object({ fen: z.number().int().describe('分 (0.01 元), exact'), yuan: z.string().describe('元, two decimals, e.g. "73977.60"') })
  .meta({ id: 'Money' });

export const PaymentRecord = z
  .object({
    id: z.string(),
    obligation_id: z.string().optional(),
    part: z.enum(codesOf(PAYMENT_PARTS)),
    paid_on: isoDay,
    amount: Money,
    receipt_no: z.string().nullable(),
    note: z.string().nullable(),
    recorded_by: z.string(),
    recorded_at: z.string().describe('ISO 8601 UTC'),
  })
  .meta({ id: 'PaymentRecord' });

export const Obligation = z
  .object({
    id: z.string().describe('<block id>:<key>'),
    block_id: z.string(),
    key: z.string().describe('stable within the block: income-1, income-rest, expl-fee-6, mining-fee-2021-11-02'),
    kind: z.enum(codesOf(OBLIGATION_KINDS)),
    period_from: isoDay.nullable(),
    period_to: isoDay.nullable(),
    due_date: isoDay.nullable().describe('the last day to pay; null: not yet due on a date (the rest of a listing’s 出让收益 before 转采)'),
    amount: Money,
    rule: z.string(),
    citation: z.string(),
    source: z.string().describe('seed lines, 000:Lnnnn'),
    description: Message,
    steps: z.array(Step).describe('the arithmetic it was issued with'),
    status: z.enum(codesOf(OBLIGATION_STATUSES)),
    paid: Money.describe('principal paid by the as-at day'),
    outstanding: Money.describe('principal unpaid at the end of the as-at day'),
    days_late: z.number().int(),
    late_fee: z.object({
      accrued: Money.describe('Σ unpaid × 0.2 % × days, before the cap'),
      owed: Money.describe('at most the principal in arrears at the due date (财综〔2023〕10号 第三十三条, 001:L20903)'),
      paid: Money,
      outstanding: Money,
      capped: z.boolean(),
      segments: z.array(z.object({ from: isoDay, to: isoDay, days: z.number().int(), unpaid: Money })),
      steps: z.array(Step),
      readings: z.array(Message).describe('the day count and the cap as read, and the usage-fee analogy'),
    }),
    payments: z.array(PaymentRecord),
  })
  .meta({ id: 'Obligation' });

export const PaymentStatement = z
  .object({
    block: z.object({
      id: z.string(),
      name: z.string(),
      holder: z.string().nullable(),
      authority: z.string().nullable(),
      kind: z.string(),
      mineral: z.string(),
    }),
    on: isoDay.describe('balances and late fees as at the end of this day'),
    terms: z
      .object({
        contract_doc: z.string().nullable(),
        usage_fee_due_md: z.string().nullable(),
        income_total: Money.nullable(),
        income_first_ratio: z.number().nullable(),
        income_first_due: isoDay.nullable(),
      })
      .nullable()
      .describe('the contract’s payment terms on record'),
    obligations: z.array(Obligation),
    unissued: z
      .array(
        z.object({
          key: z.string(),
          kind: z.enum(codesOf(OBLIGATION_KINDS)),
          due_date: isoDay.nullable(),
          amount: Money,
          rule: z.string(),
          citation: z.string(),
          source: z.string(),
          description: Message,
        }),
      )
      .describe('what the register and contract give that is not issued yet'),
    totals: z.object({
      amount: Money,
      paid: Money,
      outstanding: Money,
      overdue: Money,
      late_fee_owed: Money,
      late_fee_outstanding: Money,
      balance: Money.describe('principal and late fee still owed'),
    }),
    notes: z.array(Message),
    warnings: z.array(Message),
  })
  .meta({ id: 'PaymentStatement' });

export const TermsBody = z
  .object({
    contract_doc: text(300).nullable().optional(),
    usage_fee_due_md: z
      .string()
      .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'MM-DD')
      .nullable()
      .optional()
      .describe('the contract’s 每年__月__日前 for usage fees (000:L4432); default the licence’s month and day (000:L4312)'),
    income_total_yuan: Yuan.nullable().optional().describe('出让收益 by amount (a listing’s winning bid)'),
    income_first_ratio: z
      .number()
      .min(0)
      .max(1)
      .nullable()
      .optional()
      .describe('share in the first instalment (default 0.2; a listing ≥ 0.2)'),
    income_first_due: isoDay.nullable().optional().describe('30 days from the payment notice (001:L20716–L20718)'),
    income_instalments: z
      .array(z.object({ due_date: isoDay, amount_yuan: Yuan }))
      .max(100)
      .nullable()
      .optional()
      .describe('the contract’s dated instalments after the first; none: annually over the mining term, pending before 转采'),
  })
  .meta({ id: 'PaymentTerms' });

export const IssueBody = z
  .object({
    terms: TermsBody.optional().describe('record (replace) the contract’s payment terms first'),
    reason: text(2000).optional(),
  })
  .meta({ id: 'IssueObligations' });

export const PaymentBody = z
  .object({
    obligation_id: text(300),
    part: z.enum(codesOf(PAYMENT_PARTS)).default('principal'),
    paid_on: isoDay.describe('the day paid (not after today)'),
    amount_yuan: Yuan,
    receipt_no: text(200).optional().describe('缴款凭证号'),
    note: text(2000).optional(),
  })
  .meta({ id: 'NewPayment' });

export const DueCalendar = z
  .object({
    on: isoDay,
    within_days: z.number().int(),
    until: isoDay,
    authority: z.string().nullable().describe('the authority whose subtree was listed (regulators: their own unless named)'),
    items: z.array(
      Obligation.extend({
        block: z.object({ id: z.string(), name: z.string(), holder: z.string().nullable(), authority: z.string().nullable() }),
      }),
    ),
    totals: z.object({ due_within: Money, overdue: Money, late_fee_outstanding: Money }),
  })
  .meta({ id: 'DueCalendar' });

const tags = ['Payments'] as const;
const WRITE_403 = ['FORBIDDEN', 'CSRF_FAILED', 'TOKEN_READ_ONLY'];

export const paymentRoutes = {
  blockPayments: defineRoute({
    method: 'get',
    path: '/api/blocks/:id/payments',
    summary: "A block's statement: obligations, payments, balance and late fees as at a date (its holder, overseeing regulators, admins)",
    tags,
    auth: 'account',
    params: blockId,
    query: z.object({ on: isoDay.optional().describe('as at the end of this day (default today, China time)') }),
    badInput: 'INVALID_QUERY',
    responses: { 200: { description: 'the statement', json: PaymentStatement } },
    errors: { 401: ['UNAUTHENTICATED'], 403: ['FORBIDDEN'], 404: ['NOT_FOUND'], 422: ['INVALID_QUERY'] },
  }),
  issueObligations: defineRoute({
    method: 'post',
    path: '/api/blocks/:id/payments/obligations',
    summary: "Issue a block's obligations from its register data and contract terms (a regulator overseeing it, an admin)",
    description:
      '出让收益 instalments (273号令 第三十二条: a listing pays at least 20 % first, the rest annually during the mining term), exploration-right usage fees (第三十三条（一）: years 1–5 free, then 100 CNY/km² rising by 100 a year, at most 500) and mining-right usage fees (第三十三条（二）: 1,000 CNY/km² a year), each with its due date. What is already issued is kept as issued.',
    tags,
    auth: 'regulator',
    params: blockId,
    body: { types: ['application/json'], schema: IssueBody },
    badInput: 'INVALID_PAYMENT_TERMS',
    responses: {
      200: {
        description: 'the keys issued now (none when all were on record) and the statement after',
        json: z.object({ created: z.array(z.string()), statement: PaymentStatement }).meta({ id: 'IssuedObligations' }),
      },
    },
    errors: {
      401: ['UNAUTHENTICATED'],
      403: WRITE_403,
      404: ['NOT_FOUND'],
      422: ['INVALID_PAYMENT_TERMS', 'INVALID_AMOUNT', 'FIRST_BELOW_MIN', 'FIRST_DUE_REQUIRED', 'INSTALMENTS_SUM'],
    },
  }),
  recordPayment: defineRoute({
    method: 'post',
    path: '/api/payments',
    summary: 'Record a payment against an obligation’s principal or late fee (a regulator overseeing the block, an admin)',
    tags,
    auth: 'regulator',
    body: { types: ['application/json'], schema: PaymentBody },
    badInput: 'INVALID_PAYMENT',
    responses: {
      201: {
        description: 'the payment and the obligation after it',
        json: z.object({ payment: PaymentRecord, obligation: Obligation }).meta({ id: 'RecordedPayment' }),
      },
    },
    errors: {
      401: ['UNAUTHENTICATED'],
      403: WRITE_403,
      422: ['INVALID_PAYMENT', 'INVALID_AMOUNT', 'OBLIGATION_NOT_FOUND', 'OVERPAYMENT', 'PAID_IN_FUTURE'],
    },
  }),
  paymentsDue: defineRoute({
    method: 'get',
    path: '/api/payments/due',
    summary:
      "What falls due within N days and what is overdue, unpaid (a regulator's authority and those under it, a holder's own rights, admins all)",
    tags,
    auth: 'account',
    query: z.object({
      within: z.coerce.number().int().min(0).max(3660).default(30).describe('days from `on`'),
      on: isoDay.optional().describe('as at the end of this day (default today, China time)'),
      authority: text(200).optional().describe('list this authority and every one under it (regulators: one they oversee)'),
    }),
    badInput: 'INVALID_QUERY',
    responses: { 200: { description: 'obligations unpaid, due by `until`, oldest due first', json: DueCalendar } },
    errors: { 401: ['UNAUTHENTICATED'], 403: ['FORBIDDEN'], 422: ['INVALID_QUERY'] },
  }),
};

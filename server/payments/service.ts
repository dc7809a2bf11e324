/**
 * Payments (issue 14 item 4): issue a block's obligations from its register data and contract terms (the pure schedule
 * of server/rules/payments.ts), record payments against them, and read a block's statement and the calendar of what
 * falls due, with late fees as at a date. Every write and its audit row commit together. The routes (router.ts) only
 * parse, authenticate and answer; who may do what is decided here from the principal and the block's scope.
 */
import type { Db, Queryable } from '../db/types';
import { appendAudit } from '../audit/audit';
import type { Principal } from '../auth/principal';
import { mayWriteAuthority, maySeeConfidential, oversees, type AuthorityTree } from '../auth/scope';
import { AUTH_SAY, forbidden } from '../auth/errors';
import { todayInChina } from '../conflicts/subject';
import { notFound } from '../errors';
import { say, type Message } from '../i18n/message';
import { addDays, compareDates, type IsoDate } from '../rules/dates';
import { money, parseYuan, yuan } from '../rules/money';
import {
  LISTING_FIRST_MIN_RATIO,
  obligationBalance,
  obligationSchedule,
  type ObligationKind,
  type PaymentTerms,
  type RecordedPayment,
  type ScheduleInput,
  type ScheduledObligation,
} from '../rules/payments';
import type { Step } from '../rules/steps';
import { PAYMENT_SAY as M, refuse422 } from './messages';

/** Who acts. */
export interface Actor {
  principal: Principal;
  tree: AuthorityTree;
  request_id: string | null;
}

/** A row of payments_block.sql. */
interface BlockRow {
  id: string;
  name: string;
  holder: string | null;
  authority: string | null;
  kind: 'exploration' | 'mining';
  mineral: string;
  status: string;
  acquisition_method: string | null;
  first_registration_date: string | null;
  valid_from: string | null;
  valid_to: string | null;
  area_km2: number;
  has_terms: boolean;
  contract_doc: string | null;
  usage_fee_due_md: string | null;
  income_total_fen: number | null;
  income_first_ratio: number | null;
  income_first_due: string | null;
  income_instalments: { due_date: string; amount_fen: number }[] | null;
}

/** A row of payment_obligations_list.sql. */
export interface ObligationRow {
  id: string;
  block_id: string;
  key: string;
  kind: ObligationKind;
  period_from: string | null;
  period_to: string | null;
  due_date: string | null;
  amount_fen: number;
  rule: string;
  citation: string;
  source: string;
  basis: { description: Message; steps: Step[] };
  block_name: string;
  holder: string | null;
  authority: string | null;
  payments: (RecordedPayment & {
    id: string;
    receipt_no: string | null;
    note: string | null;
    recorded_by: string;
    recorded_at: string;
  })[];
}

/** The contract's terms as the API takes them (amounts in 元, exact decimals). */
export interface TermsInput {
  contract_doc?: string | null;
  usage_fee_due_md?: string | null;
  income_total_yuan?: string | number | null;
  income_first_ratio?: number | null;
  income_first_due?: string | null;
  income_instalments?: { due_date: string; amount_yuan: string | number }[] | null;
}

const obligationId = (block: string, key: string) => `${block}:${key}`;

async function blockRow(q: Queryable, id: string): Promise<BlockRow> {
  const row = (await q.named<BlockRow>('payments_block', [id])).rows[0];
  if (!row) throw notFound('block', id);
  return row;
}

const termsOf = (b: BlockRow): PaymentTerms | null =>
  b.has_terms
    ? {
        contract_doc: b.contract_doc,
        usage_fee_due_md: b.usage_fee_due_md,
        income_total_fen: b.income_total_fen,
        income_first_ratio: b.income_first_ratio,
        income_first_due: b.income_first_due,
        income_instalments: b.income_instalments,
      }
    : null;

const scheduleInput = (b: BlockRow, terms: PaymentTerms | null): ScheduleInput => ({
  kind: b.kind,
  mineral: b.mineral,
  acquisition_method: b.acquisition_method,
  first_registration_date: b.first_registration_date,
  valid_from: b.valid_from,
  valid_to: b.valid_to,
  area_km2: b.area_km2,
  terms,
});

/** 401/403 unless the caller may read the block's payments: its holder, a regulator overseeing it, an admin. */
function assertMayRead(who: Actor, b: { id: string; holder: string | null; authority: string | null }) {
  if (!maySeeConfidential(who.tree, who.principal, b)) throw forbidden(say(M, 'FORBIDDEN_PAYMENTS', { block: b.id }));
}

/** 403 unless the caller may write for the block's authority (a regulator overseeing it, an admin). */
function assertMayWrite(who: Actor, b: { id: string; authority: string | null }) {
  const p = who.principal;
  if (!mayWriteAuthority(who.tree, p, b.authority))
    throw forbidden(say(AUTH_SAY, 'FORBIDDEN_AUTHORITY', { authority: p.authority ?? '—', target: `${b.id}（${b.authority ?? '—'}）` }));
}

/** The API's terms → the rules' terms (分), with each refusal pointing at its field. */
function parseTerms(t: TermsInput, b: BlockRow): PaymentTerms {
  const amount = (v: string | number, field: string) => {
    const fen = parseYuan(v);
    if (fen === null) throw refuse422(say(M, 'INVALID_AMOUNT', { field }), [{ field }]);
    return fen;
  };
  const total =
    t.income_total_yuan === undefined || t.income_total_yuan === null ? null : amount(t.income_total_yuan, 'terms.income_total_yuan');
  const ratio = t.income_first_ratio ?? null;
  const instalments = t.income_instalments?.map((r, i) => ({
    due_date: r.due_date,
    amount_fen: amount(r.amount_yuan, `terms.income_instalments[${i}].amount_yuan`),
  }));
  if (total) {
    if (!t.income_first_due) throw refuse422(say(M, 'FIRST_DUE_REQUIRED'), [{ field: 'terms.income_first_due' }]);
    const r = ratio ?? LISTING_FIRST_MIN_RATIO;
    if (b.acquisition_method === 'listing' && r < LISTING_FIRST_MIN_RATIO)
      throw refuse422(say(M, 'FIRST_BELOW_MIN', { ratio: `${Number((r * 100).toFixed(4))}%` }), [{ field: 'terms.income_first_ratio' }]);
    if (instalments?.length) {
      const rest = total - Math.round(total * r);
      const sum = instalments.reduce((a, x) => a + x.amount_fen, 0);
      if (sum !== rest)
        throw refuse422(say(M, 'INSTALMENTS_SUM', { sum: yuan(sum), rest: yuan(rest) }), [{ field: 'terms.income_instalments' }]);
    }
  }
  return {
    contract_doc: t.contract_doc ?? null,
    usage_fee_due_md: t.usage_fee_due_md ?? null,
    income_total_fen: total,
    income_first_ratio: ratio,
    income_first_due: t.income_first_due ?? null,
    income_instalments: instalments?.length ? instalments : null,
  };
}

const obligationRecord = (block: string, o: ScheduledObligation, synthetic: boolean) => ({
  id: obligationId(block, o.key),
  block_id: block,
  key: o.key,
  kind: o.kind,
  period_from: o.period_from,
  period_to: o.period_to,
  due_date: o.due_date,
  amount_fen: o.amount_fen,
  rule: o.rule,
  citation: o.citation,
  source: o.source,
  basis: { description: o.description, steps: o.steps },
  synthetic,
});

/**
 * Issue a block's obligations (POST /api/blocks/{id}/payments/obligations): record the contract's terms when given,
 * compute the schedule, insert what is not yet on record (issued amounts are never rewritten; a difference is said).
 * One audit row for the terms (when given) and one for the obligations issued, in the same transaction.
 */
export async function issueObligations(
  db: Db,
  who: Actor,
  blockId: string,
  body: { terms?: TermsInput; reason?: string },
  opts: { synthetic?: boolean } = {},
) {
  const b = await blockRow(db, blockId);
  assertMayWrite(who, b);
  const terms = body.terms ? parseTerms(body.terms, b) : termsOf(b);
  const schedule = obligationSchedule(scheduleInput(b, terms));
  const synthetic = opts.synthetic ?? false;
  const created = await db.transaction(async (tx) => {
    if (body.terms) {
      const t = terms!;
      const r = (
        await tx.named<{ before: unknown; after: unknown }>('payment_terms_upsert', [JSON.stringify({ block_id: b.id, ...t, synthetic })])
      ).rows[0];
      await appendAudit(tx, {
        principal: who.principal,
        operation: r.before ? 'update' : 'create',
        collection: 'payment_terms',
        item_id: b.id,
        before: r.before,
        after: { ...(r.after as object), reason: body.reason ?? null },
        request_id: who.request_id,
      });
    }
    const records = schedule.obligations.map((o) => obligationRecord(b.id, o, synthetic));
    const keys = (
      await tx.named<{ key: string }>('payment_obligations_insert', [JSON.stringify(records), who.principal.username])
    ).rows.map((r) => r.key);
    if (keys.length)
      await appendAudit(tx, {
        principal: who.principal,
        operation: 'issue',
        collection: 'payment_obligations',
        item_id: b.id,
        before: null,
        after: {
          obligations: records
            .filter((r) => keys.includes(r.key))
            .map((r) => ({ id: r.id, kind: r.kind, due_date: r.due_date, amount_fen: r.amount_fen })),
          reason: body.reason ?? null,
        },
        request_id: who.request_id,
      });
    return keys;
  });
  return { created, statement: await statementOf(db, b, todayInChina()) };
}

/** One obligation as the API answers it, as at `on`. */
export function obligationLine(r: ObligationRow, on: IsoDate) {
  const bal = obligationBalance(r, r.payments, on);
  return {
    id: r.id,
    block_id: r.block_id,
    key: r.key,
    kind: r.kind,
    period_from: r.period_from,
    period_to: r.period_to,
    due_date: r.due_date,
    amount: money(r.amount_fen),
    rule: r.rule,
    citation: r.citation,
    source: r.source,
    description: r.basis.description,
    steps: r.basis.steps,
    status: bal.status,
    paid: money(bal.paid_fen),
    outstanding: money(bal.outstanding_fen),
    days_late: bal.late.days_late,
    late_fee: {
      accrued: money(bal.late.accrued_fen),
      owed: money(bal.late.late_fee_fen),
      paid: money(bal.late_fee_paid_fen),
      outstanding: money(bal.late_fee_outstanding_fen),
      capped: bal.late.capped,
      segments: bal.late.segments.map((s) => ({ from: s.from, to: s.to, days: s.days, unpaid: money(s.unpaid_fen) })),
      steps: bal.late.steps,
      readings: bal.late.readings,
    },
    payments: r.payments.map((p) => ({
      id: p.id,
      part: p.part,
      paid_on: p.paid_on,
      amount: money(p.amount_fen),
      receipt_no: p.receipt_no,
      note: p.note,
      recorded_by: p.recorded_by,
      recorded_at: p.recorded_at,
    })),
  };
}
export type ObligationLine = ReturnType<typeof obligationLine>;

function totalsOf(lines: ObligationLine[]) {
  const sum = (f: (l: ObligationLine) => number) => money(lines.reduce((a, l) => a + f(l), 0));
  return {
    amount: sum((l) => l.amount.fen),
    paid: sum((l) => l.paid.fen),
    outstanding: sum((l) => l.outstanding.fen),
    overdue: sum((l) => (l.status === 'overdue' ? l.outstanding.fen : 0)),
    late_fee_owed: sum((l) => l.late_fee.owed.fen),
    late_fee_outstanding: sum((l) => l.late_fee.outstanding.fen),
    balance: sum((l) => l.outstanding.fen + l.late_fee.outstanding.fen),
  };
}

async function statementOf(db: Queryable, b: BlockRow, on: IsoDate) {
  const rows = (await db.named<ObligationRow>('payment_obligations_list', [b.id, null, null, null, null, on])).rows;
  const lines = rows.map((r) => obligationLine(r, on));
  const schedule = obligationSchedule(scheduleInput(b, termsOf(b)));
  const issued = new Map(rows.map((r) => [r.key, r]));
  const unissued = schedule.obligations.filter((o) => !issued.has(o.key));
  const notes = [...schedule.notes];
  if (unissued.length) notes.push(say(M, 'NOT_ISSUED', { n: unissued.length }));
  for (const o of schedule.obligations) {
    const r = issued.get(o.key);
    if (r && r.amount_fen !== o.amount_fen)
      notes.push(say(M, 'ISSUED_DIFFERS', { key: o.key, issued: yuan(r.amount_fen), computed: yuan(o.amount_fen) }));
  }
  return {
    block: { id: b.id, name: b.name, holder: b.holder, authority: b.authority, kind: b.kind, mineral: b.mineral },
    on,
    terms: termsOf(b) && {
      contract_doc: b.contract_doc,
      usage_fee_due_md: b.usage_fee_due_md,
      income_total: b.income_total_fen === null ? null : money(b.income_total_fen),
      income_first_ratio: b.income_first_ratio,
      income_first_due: b.income_first_due,
    },
    obligations: lines,
    unissued: unissued.map((o) => ({
      key: o.key,
      kind: o.kind,
      due_date: o.due_date,
      amount: money(o.amount_fen),
      rule: o.rule,
      citation: o.citation,
      source: o.source,
      description: o.description,
    })),
    totals: totalsOf(lines),
    notes,
    warnings: schedule.warnings,
  };
}

/** GET /api/blocks/{id}/payments: the block's statement as at `on` (default today, China time). */
export async function blockStatement(db: Queryable, who: Actor, blockId: string, on?: IsoDate) {
  const b = await blockRow(db, blockId);
  assertMayRead(who, b);
  return statementOf(db, b, on ?? todayInChina());
}

export interface PaymentInput {
  obligation_id: string;
  part?: 'principal' | 'late_fee';
  paid_on: string;
  amount_yuan: string | number;
  receipt_no?: string;
  note?: string;
}

/**
 * POST /api/payments: a regulator overseeing the block (or an admin) records a payment against an obligation's principal
 * or its late fee; at most what is still owed on the day paid. Audited with the payment it records.
 */
export async function recordPayment(db: Db, who: Actor, body: PaymentInput, opts: { synthetic?: boolean } = {}) {
  const amount = parseYuan(body.amount_yuan);
  if (amount === null || amount === 0) throw refuse422(say(M, 'INVALID_AMOUNT', { field: 'amount_yuan' }), [{ field: 'amount_yuan' }]);
  const today = todayInChina();
  if (compareDates(body.paid_on, today) > 0)
    throw refuse422(say(M, 'PAID_IN_FUTURE', { paid_on: body.paid_on, today }), [{ field: 'paid_on' }]);
  const part = body.part ?? 'principal';
  const out = await db.transaction(async (tx) => {
    const o = (
      await tx.named<{
        id: string;
        block_id: string;
        kind: ObligationKind;
        amount_fen: number;
        due_date: string | null;
        holder: string | null;
        authority: string | null;
      }>('payment_obligation_lock', [body.obligation_id])
    ).rows[0];
    if (!o) throw refuse422(say(M, 'OBLIGATION_NOT_FOUND', { id: body.obligation_id }), [{ field: 'obligation_id' }]);
    assertMayWrite(who, { id: o.block_id, authority: o.authority });
    const pays = (await tx.named<RecordedPayment>('payments_for_obligation', [o.id])).rows;
    // what is owed on the day paid, counting every payment on record (also later ones, entered out of order)
    const bal = obligationBalance(o, pays, body.paid_on);
    const later = pays.filter((p) => p.part === part && compareDates(p.paid_on, body.paid_on) > 0).reduce((a, p) => a + p.amount_fen, 0);
    const owed = (part === 'principal' ? bal.outstanding_fen : bal.late_fee_outstanding_fen) - later;
    if (amount > owed)
      throw refuse422(
        say(M, 'OVERPAYMENT', { id: o.id, part, amount: yuan(amount), outstanding: yuan(Math.max(0, owed)), on: body.paid_on }),
        [{ field: 'amount_yuan', outstanding_yuan: yuan(Math.max(0, owed)) }],
      );
    const p = who.principal;
    const row = (
      await tx.named<Record<string, unknown> & { id: string }>('payments_insert', [
        o.id,
        part,
        body.paid_on,
        amount,
        body.receipt_no ?? null,
        body.note ?? null,
        p.username,
        p.user_id,
        opts.synthetic ?? false,
      ])
    ).rows[0];
    await appendAudit(tx, {
      principal: p,
      operation: 'create',
      collection: 'payments',
      item_id: row.id,
      before: null,
      after: { ...row, block_id: o.block_id },
      request_id: who.request_id,
    });
    return { row, block_id: o.block_id };
  });
  const line = (await db.named<ObligationRow>('payment_obligations_list', [out.block_id, null, null, null, null, today])).rows.find(
    (r) => r.id === body.obligation_id,
  )!;
  const r = out.row as {
    id: string;
    obligation_id: string;
    part: 'principal' | 'late_fee';
    paid_on: string;
    amount_fen: number;
    receipt_no: string | null;
    note: string | null;
    recorded_by: string;
    recorded_at: string;
  };
  return {
    payment: {
      id: r.id,
      obligation_id: r.obligation_id,
      part: r.part,
      paid_on: r.paid_on,
      amount: money(r.amount_fen),
      receipt_no: r.receipt_no,
      note: r.note,
      recorded_by: r.recorded_by,
      recorded_at: r.recorded_at,
    },
    obligation: obligationLine(line, today),
  };
}

/**
 * GET /api/payments/due?within=N: what falls due in the next N days and what is overdue, unpaid, as at `on`: a regulator's
 * authority and those under it (or a named one it oversees), a holder's own rights, everything (or a named authority) for
 * an admin.
 */
export async function dueCalendar(db: Queryable, who: Actor, q: { within: number; on?: IsoDate; authority?: string }) {
  const p = who.principal;
  const on = q.on ?? todayInChina();
  const until = addDays(on, q.within);
  let authority: string | null = q.authority ?? null;
  let holders: string[] | null = null;
  if (p.role === 'regulator') {
    authority ??= p.authority;
    if (!oversees(who.tree, p.authority, authority))
      throw forbidden(say(AUTH_SAY, 'FORBIDDEN_AUTHORITY', { authority: p.authority ?? '—', target: authority ?? '—' }));
  } else if (p.role === 'holder') holders = p.holders;
  const rows = (await db.named<ObligationRow>('payment_obligations_list', [null, until, authority, holders, null, on])).rows;
  const items = rows.map((r) => ({
    ...obligationLine(r, on),
    block: { id: r.block_id, name: r.block_name, holder: r.holder, authority: r.authority },
  }));
  return {
    on,
    within_days: q.within,
    until,
    authority,
    items,
    totals: {
      due_within: money(items.filter((i) => i.status === 'due').reduce((a, i) => a + i.outstanding.fen, 0)),
      overdue: money(items.filter((i) => i.status === 'overdue').reduce((a, i) => a + i.outstanding.fen, 0)),
      late_fee_outstanding: money(items.reduce((a, i) => a + i.late_fee.outstanding.fen, 0)),
    },
  };
}

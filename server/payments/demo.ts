/**
 * Demo payments (data/demo/payments.json, synthetic): record the contract terms given, issue the obligations of the
 * blocks listed (computed by the same schedule as POST /api/blocks/{id}/payments/obligations), then record the payments
 * ("full": the whole principal; "rest": what is still unpaid; "late_fee": the late fee owed on the day paid).
 * Part of the demo load's transaction; demo rows are marked synthetic and, like the other demo layers, not audited.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Queryable } from '../db/types';
import { parseYuan } from '../rules/money';
import { obligationBalance, obligationSchedule, type RecordedPayment } from '../rules/payments';

interface DemoFile {
  terms: ({ block_id: string; income_total_yuan?: string | null } & Record<string, unknown>)[];
  issue: string[];
  payments: {
    obligation_id: string;
    part?: 'principal' | 'late_fee';
    paid_on: string;
    amount_yuan: string;
    receipt_no?: string;
    note?: string;
  }[];
}

const fen = (v: string, what: string) => {
  const f = parseYuan(v);
  if (f === null) throw new Error(`demo payments: bad amount ${v} (${what})`);
  return f;
};

export async function loadDemoPayments(tx: Queryable, path: string): Promise<Record<string, number>> {
  if (!existsSync(path)) return {};
  const d = JSON.parse(readFileSync(path, 'utf8')) as DemoFile;
  for (const t of d.terms) {
    const { income_total_yuan, ...rest } = t;
    const row = { ...rest, income_total_fen: income_total_yuan ? fen(income_total_yuan, t.block_id) : null, synthetic: true };
    await tx.named('payment_terms_upsert', [JSON.stringify(row)]);
  }
  let obligations = 0;
  for (const id of d.issue) {
    const b = (await tx.named<Record<string, any>>('payments_block', [id])).rows[0]; // eslint-disable-line @typescript-eslint/no-explicit-any
    if (!b) throw new Error(`demo payments: no block ${id}`);
    const s = obligationSchedule({ ...b, terms: b.has_terms ? b : null } as never);
    const records = s.obligations.map((o) => ({
      ...o,
      id: `${id}:${o.key}`,
      block_id: id,
      basis: { description: o.description, steps: o.steps },
      synthetic: true,
    }));
    obligations += (await tx.named('payment_obligations_insert', [JSON.stringify(records), 'demo'])).rows.length;
  }
  for (const p of d.payments) {
    const o = (await tx.named<{ kind: never; amount_fen: number; due_date: string | null }>('payment_obligation_lock', [p.obligation_id]))
      .rows[0];
    if (!o) throw new Error(`demo payments: no obligation ${p.obligation_id}`);
    const pays = (await tx.named<RecordedPayment>('payments_for_obligation', [p.obligation_id])).rows;
    const bal = obligationBalance(o, pays, p.paid_on);
    const amount =
      p.amount_yuan === 'full'
        ? o.amount_fen
        : p.amount_yuan === 'rest'
          ? bal.outstanding_fen
          : p.amount_yuan === 'late_fee'
            ? bal.late_fee_outstanding_fen
            : fen(p.amount_yuan, p.obligation_id);
    await tx.named('payments_insert', [
      p.obligation_id,
      p.part ?? 'principal',
      p.paid_on,
      amount,
      p.receipt_no ?? null,
      p.note ?? null,
      'demo',
      null,
      true,
    ]);
  }
  return { payment_obligations: obligations, payments: d.payments.length };
}

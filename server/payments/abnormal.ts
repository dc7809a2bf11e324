/**
 * Unpaid usage fees as candidates for the 异常名录 (issue 14 items 3–4): the contract template says a usage fee not paid
 * in time owes a late fee and is managed in the abnormal list (探矿权出让合同 第六条, 000:L4432; R-FEE-4). This module
 * gives the abnormal list (GET /api/abnormal-list, built elsewhere) one entry per usage-fee obligation whose principal
 * is unpaid after its due date, with its reason as a sentence and its citation. Named query: payment_obligations_list
 * (kinds = the two usage fees, due on or before the day before `on`, principal not paid in full by `on`).
 */
import type { Queryable } from '../db/types';
import { say, type Message } from '../i18n/message';
import { addDays, type IsoDate } from '../rules/dates';
import { money, type Money } from '../rules/money';
import { obligationBalance, type ObligationKind } from '../rules/payments';
import { PAYMENT_SAY as M } from './messages';
import type { ObligationRow } from './service';

export interface OverdueUsageFee {
  block_id: string;
  block_name: string;
  holder: string | null;
  authority: string | null;
  obligation_id: string;
  kind: ObligationKind;
  due_date: IsoDate;
  days_overdue: number;
  outstanding: Money;
  /** the late fee owed on it as at `on` (R-LATE-1), less what was paid of it */
  late_fee_outstanding: Money;
  /** {code: 'USAGE_FEE_OVERDUE', params, message, message_zh} */
  reason: Message;
  citation: string;
  /** seed lines: the contract clause and the fee rule */
  source: string;
}

export const USAGE_FEE_ABNORMAL_CITATION = '煤层气探矿权出让合同（延续）范本 第六条（晋自然资发〔2020〕15号）；273号令 第三十三条';

/**
 * Usage fees unpaid after their due date as at `on` (end of that day, China time), per obligation, ordered by due date;
 * scope: an authority's subtree and/or holders (null: all), as the caller may see them.
 */
export async function overdueUsageFees(
  db: Queryable,
  on: IsoDate,
  scope: { authority?: string | null; holders?: string[] | null } = {},
): Promise<OverdueUsageFee[]> {
  const rows = (
    await db.named<ObligationRow>('payment_obligations_list', [
      null,
      addDays(on, -1),
      scope.authority ?? null,
      scope.holders ?? null,
      ['exploration_usage_fee', 'mining_usage_fee'],
      on,
    ])
  ).rows;
  return rows.flatMap((r) => {
    const bal = obligationBalance(r, r.payments, on);
    if (bal.status !== 'overdue' || !r.due_date) return [];
    const days = bal.late.days_late;
    return [
      {
        block_id: r.block_id,
        block_name: r.block_name,
        holder: r.holder,
        authority: r.authority,
        obligation_id: r.id,
        kind: r.kind,
        due_date: r.due_date,
        days_overdue: days,
        outstanding: money(bal.outstanding_fen),
        late_fee_outstanding: money(bal.late_fee_outstanding_fen),
        reason: say(M, 'USAGE_FEE_OVERDUE', {
          block: r.block_name,
          kind: r.kind,
          due_date: r.due_date,
          outstanding: money(bal.outstanding_fen).yuan,
          days,
        }),
        citation: USAGE_FEE_ABNORMAL_CITATION,
        source: `000:L4432; ${r.source}`,
      },
    ];
  });
}

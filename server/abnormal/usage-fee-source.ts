/**
 * Abnormal-list reasons from the payments record (issue 14 item 4): a usage fee of the list's year or earlier still
 * unpaid after its due date on the day the list is judged — the contract template 第六条 “未及时缴纳的…纳入异常名录管理”
 * (000:L4432). The obligations and their balances are server/payments (overdueUsageFees); this only shapes them as
 * the list's reasons. `figures: false` (the published form) leaves out the amounts.
 */
import type { Queryable } from '../db/types';
import { overdueUsageFees } from '../payments/abnormal';
import { say } from '../i18n/message';
import { PAYMENT_SAY } from '../payments/messages';
import type { ReasonSource, SourcedReason } from './reasons';

export const usageFeeSource: ReasonSource = {
  name: 'payments',
  async collect(db: Queryable, q) {
    const fees = await overdueUsageFees(db, q.on, { authority: q.authority });
    const out: SourcedReason[] = [];
    for (const f of fees) {
      if (Number(f.due_date.slice(0, 4)) > q.year) continue;
      const reason = q.figures
        ? f.reason
        : say(PAYMENT_SAY, 'USAGE_FEE_OVERDUE', { block: f.block_name, kind: f.kind, due_date: f.due_date });
      out.push({
        holder: f.holder ?? '—',
        block_id: f.block_id,
        block_name: f.block_name,
        authority: f.authority,
        reason: { ...reason, citations: [{ doc: f.citation, source: f.source }], source: 'payments' },
      });
    }
    return out;
  },
};

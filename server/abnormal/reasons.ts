/**
 * The abnormal list (异常名录, 273号令 第四十四条) is the union of reasons from several records: this module is the one
 * place that collects them. A reason source answers, for a year and an authority's subtree, the (holder, block,
 * reason) rows it finds; `collectAbnormalReasons` runs every source of `REASON_SOURCES` and groups the rows into one
 * entry per holder and block.
 *
 * Sources: the investment ledger (./investment-source.ts) and unpaid usage fees (./usage-fee-source.ts, contract template
 * 第六条, 000:L4432). To add one: write a `ReasonSource` whose reasons are Messages with citations (codes added to
 * server/vocab ABNORMAL_REASONS) and append it to REASON_SOURCES. `figures: false` asks for the published form (no confidential amounts).
 */
import type { Queryable } from '../db/types';
import type { AbnormalReason } from '../rules/annual-investment';
import { investmentSource } from './investment-source';
import { usageFeeSource } from './usage-fee-source';

export interface ReasonQuery {
  year: number;
  /** list the rights issued by this authority and every authority under it (null: all) */
  authority: string | null;
  /** the investment filing deadline of the year (YYYY-MM-DD) */
  deadline: string;
  /** the day (China) the list is judged */
  on: string;
  /** true: the regulators' form with the figures; false: the published (public) form */
  figures: boolean;
}

export interface SourcedReason {
  holder: string;
  block_id: string;
  block_name: string;
  authority: string | null;
  reason: AbnormalReason & { source: string };
}

export interface ReasonSource {
  /** names the record the reasons come from (the `source` of each reason) */
  name: string;
  collect(db: Queryable, q: ReasonQuery): Promise<SourcedReason[]>;
}

/** Every source of abnormal-list reasons. */
export const REASON_SOURCES: ReasonSource[] = [investmentSource, usageFeeSource];

export interface AbnormalEntry {
  holder: string;
  block_id: string;
  block_name: string;
  authority: string | null;
  reasons: (AbnormalReason & { source: string })[];
}

/** Group sourced reasons into entries, one per holder and block, ordered by holder then block (pure). */
export function groupReasons(rows: SourcedReason[]): AbnormalEntry[] {
  const byKey = new Map<string, AbnormalEntry>();
  for (const r of rows) {
    const key = `${r.holder}\u0000${r.block_id}`;
    let e = byKey.get(key);
    if (!e) byKey.set(key, (e = { holder: r.holder, block_id: r.block_id, block_name: r.block_name, authority: r.authority, reasons: [] }));
    e.reasons.push(r.reason);
  }
  return [...byKey.values()].sort((a, b) =>
    a.holder === b.holder ? a.block_id.localeCompare(b.block_id) : a.holder.localeCompare(b.holder),
  );
}

/** The abnormal-list candidates of a year: every source's reasons, grouped. */
export async function collectAbnormalReasons(
  db: Queryable,
  q: ReasonQuery,
  sources: ReasonSource[] = REASON_SOURCES,
): Promise<AbnormalEntry[]> {
  const rows: SourcedReason[] = [];
  for (const s of sources) rows.push(...(await s.collect(db, q)));
  return groupReasons(rows);
}

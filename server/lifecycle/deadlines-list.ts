import { blockDeadlines, explainRegimeForDate, type BlockDatesInput, type Deadline, type RegimeId } from '../rules';

export interface DeadlineBlockRow {
  id: string;
  name: string;
  licence_no: string | null;
  holder: string | null;
  kind: 'exploration' | 'mining';
  mineral: string;
  status: string;
  first_registration_date: string;
  valid_from: string;
  valid_to: string;
  extensions_used: number;
  proven_submitted_date: string | null;
}

/**
 * The block's own regime, from its expiry and mineral (the register is Shanxi's): CBM → shanxi-cbm-2020,
 * other minerals → national-2019 / national-2023 by date (RULES.md §1). Never a default for every block.
 */
export function blockRegime(b: Pick<DeadlineBlockRow, 'valid_to' | 'mineral'>): RegimeId {
  return explainRegimeForDate(b.valid_to, { province: 'shanxi', mineral: b.mineral }).regime;
}

/** The register's dates as the deadline rules take them (R-VAL-*, R-RTP-3). */
export function deadlineInput(
  b: Pick<DeadlineBlockRow, 'kind' | 'valid_from' | 'valid_to' | 'first_registration_date' | 'extensions_used' | 'proven_submitted_date'>,
  regime: BlockDatesInput['regime'],
): BlockDatesInput {
  return {
    kind: b.kind,
    valid_from: b.valid_from,
    valid_to: b.valid_to,
    first_registration_date: b.first_registration_date,
    extensions_used: b.extensions_used,
    proven_reserves_submitted_date: b.proven_submitted_date ?? undefined,
    regime,
  };
}

export interface DueItem {
  block_id: string;
  name: string;
  licence_no: string | null;
  holder: string | null;
  kind: string;
  mineral: string;
  deadline: 'expiry' | 'extension_application' | 'mining_registration';
  /** The regime the deadline was computed under (the block's own). */
  regime: RegimeId;
  due: Deadline;
}

/**
 * Every deadline (expiry, last day to apply for extension, mining registration) of the given blocks
 * that falls between `on` and `on + days` inclusive, soonest first. Pure.
 */
export function deadlinesWithin(rows: DeadlineBlockRow[], on: string, days: number): DueItem[] {
  const out: DueItem[] = [];
  for (const b of rows) {
    const regime = blockRegime(b);
    const d = blockDeadlines(deadlineInput(b, regime), on);
    const head = { block_id: b.id, name: b.name, licence_no: b.licence_no, holder: b.holder, kind: b.kind, mineral: b.mineral, regime };
    const candidates: [DueItem['deadline'], Deadline | null][] = [
      ['expiry', d.expiry],
      ['extension_application', d.extension_application_deadline],
      ['mining_registration', d.mining_registration_deadline],
    ];
    for (const [kind, due] of candidates) {
      if (due && due.days_left >= 0 && due.days_left <= days) out.push({ ...head, deadline: kind, due });
    }
  }
  return out.sort((a, b) => a.due.days_left - b.due.days_left);
}

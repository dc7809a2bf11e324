import type { OffsetLedger } from '../rules';

/** A row of `offsets_for_block`. */
export interface OffsetRow {
  id: string;
  from_block: string;
  to_block: string;
  area_km2: number;
  date: string;
}

/** The rules' immutable offset ledger from stored rows. */
export function ledgerFromRows(rows: OffsetRow[]): OffsetLedger {
  return {
    entries: rows.map((r) => ({ id: r.id, from_block: r.from_block, to_block: r.to_block, area_km2: Number(r.area_km2), date: r.date })),
  };
}

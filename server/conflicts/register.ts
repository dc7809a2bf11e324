/**
 * The whole register against one collection: every block × the features of that collection it
 * conflicts with, one page read by key from the pair tables (conflicts_register_<table>.sql, migration 023), after
 * the pair queue is drained (pairs.ts) so the page is the register as it stands. Each block is the subject of its rows:
 * an extension by its own holder, for its own mineral (RULES.md §4–§5).
 */
import type { Queryable } from '../db/types';
import { addYears, type IsoDate } from '../rules/dates';
import type { RegimeId } from '../rules/regimes';
import { assertPlausible, guarded } from './guard';
import {
  blockEntry,
  pipelineEntry,
  protectedAreaEntry,
  redlineEntry,
  reserveEntry,
  wellEntry,
  type BlockRow,
  type PipelineRow,
  type ProtectedAreaRow,
  type RedlineRow,
  type ReserveRow,
  type WellRow,
} from './entries';
import type { Subject } from './outcomes';
import { drainConflictPairs } from './pairs';
import { defaultRegime } from './subject';
import type { ConflictCollection, ConflictEntry } from './types';

export interface RegisterSubject {
  id: string;
  name: string | null;
  holder: string | null;
  kind: 'exploration' | 'mining';
  mineral: string;
  status: string;
  area_km2: number;
}
export interface RegisterRow extends Omit<ConflictEntry, 'geometry'> {
  subject: RegisterSubject;
}
export interface RegisterPage {
  matched: number;
  rows: RegisterRow[];
}

const TABLE: Record<ConflictCollection, string> = {
  blocks: 'blocks',
  reserves: 'reserves',
  'protected-areas': 'protected_areas',
  redlines: 'redlines',
  wells: 'wells',
  pipelines: 'pipelines',
};

/** The subject block's columns every register query returns (`subject_*`), with the page's total. */
interface SubjectColumns {
  matched: number;
  subject_id: string;
  subject_name: string | null;
  subject_holder: string | null;
  subject_kind: RegisterSubject['kind'];
  subject_mineral: string;
  subject_status: string;
  subject_area_km2: number | string;
}
/** One register row: the subject's columns and the found feature's, as the collection's check query has them. */
type Row = SubjectColumns & (BlockRow | ReserveRow | ProtectedAreaRow | RedlineRow | WellRow | PipelineRow);

function subjectOf(r: Row, asOf: IsoDate, regime?: RegimeId): { sub: RegisterSubject; s: Subject } {
  const sub: RegisterSubject = {
    id: r.subject_id,
    name: r.subject_name,
    holder: r.subject_holder,
    kind: r.subject_kind,
    mineral: r.subject_mineral,
    status: r.subject_status,
    area_km2: Number(r.subject_area_km2),
  };
  const s: Subject = {
    applicant: sub.holder,
    application: 'extension',
    mineral: sub.mineral,
    kind: sub.kind,
    regime: regime ?? defaultRegime(sub.mineral),
    as_of: asOf,
  };
  return { sub, s };
}

function toEntry(collection: ConflictCollection, s: Subject, r: Row, km2: number): ConflictEntry | null {
  switch (collection) {
    case 'blocks':
      return blockEntry(s, r as BlockRow, km2);
    case 'reserves':
      return reserveEntry(s, r as ReserveRow, km2);
    case 'protected-areas':
      return protectedAreaEntry(s, r as ProtectedAreaRow, km2);
    case 'redlines':
      return redlineEntry(s, r as RedlineRow, km2);
    case 'wells':
      return wellEntry(s, r as WellRow, km2);
    case 'pipelines':
      return pipelineEntry(r as PipelineRow, km2);
  }
}

export async function registerPage(
  db: Queryable,
  collection: ConflictCollection,
  opts: { limit: number; offset: number; asOf: IsoDate; regime?: RegimeId },
): Promise<RegisterPage> {
  await drainConflictPairs(db);
  const params: unknown[] = [opts.limit, opts.offset];
  if (collection === 'wells') params.push(addYears(opts.asOf, -1));
  const name = `conflicts_register_${TABLE[collection]}`;
  const { rows } = await guarded(name, db.named<Row>(name, params));
  const out: RegisterRow[] = [];
  for (const r of rows) {
    const { sub, s } = subjectOf(r, opts.asOf, opts.regime);
    const e = toEntry(collection, s, r, sub.area_km2);
    if (!e) continue;
    const { geometry: _g, ...rest } = e;
    // each row is a check of its subject block: the same bounds (guard.ts)
    assertPlausible([rest], null, sub.area_km2);
    out.push({ subject: sub, ...rest });
  }
  return { matched: rows.length ? Number(rows[0].matched) : 0, rows: out };
}

/**
 * The whole-register pair tables (migration 023, sql/functions/conflict_pairs.sql) are kept by a queue: a write of a
 * layer only notes the changed feature; the changed features' subject blocks are recomputed here, in bounded chunks
 * (each one statement, well inside the statement timeout), until nothing is left. GET /api/conflicts calls this before
 * it reads a page, so the page is the register as it stands; the service also starts it once at start-up and the demo
 * loader after loading, so a page rarely finds work left.
 */
import type { Queryable } from '../db/types';
import { databaseError, guarded } from './guard';
import { PIPELINE_CROSSING_CATEGORIES } from './outcomes';

/** Drain the pair queue; returns how many calls it took (1: it was up to date, or one chunk did it). */
export async function drainConflictPairs(db: Queryable): Promise<number> {
  const categories = [...PIPELINE_CROSSING_CATEGORIES];
  for (let chunks = 1; ; chunks++) {
    const { rows } = await guarded('conflict_pairs_drain', db.named<{ remaining: number }>('conflict_pairs_drain', [categories]));
    // no row is an engine failure, never "nothing left" (guard.ts)
    if (rows.length !== 1) throw databaseError('conflict_pairs_drain', new Error('no row'));
    if (Number(rows[0].remaining) === 0) return chunks;
  }
}

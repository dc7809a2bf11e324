/** A right's register status flags in force today (China time), as the block's item and the map carry them (issue 14 item 6). */
import type { Queryable } from '../db/types';
import type { RightFlagRef } from '../conflicts/types';
import { todayInChina } from '../conflicts/subject';

export async function flagsInForce(db: Queryable, blockId: string): Promise<RightFlagRef[]> {
  const rows = (await db.named<RightFlagRef & { block_id: string }>('right_flags_active', [[blockId], todayInChina(), null])).rows;
  return rows.map(({ block_id: _b, ...f }) => f);
}

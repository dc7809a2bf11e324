/**
 * The register "as at" an instant (issue 13): a check reads every layer from its history (012) when the request
 * names `as_at`. The instant is resolved once by the database, exactly as the items API's `as_at` cast reads it
 * (a day is its first instant in the session's time zone), so a check and the items as at the same value agree,
 * and the answer (and a stored check's record) can say which instant was read.
 */
import type { Queryable } from '../db/types';

/** `as_at` as an ISO 8601 UTC instant to the microsecond, or null when the request names none (the register as it stands). */
export async function registerInstant(db: Queryable, asAt: string | null | undefined): Promise<string | null> {
  if (!asAt) return null;
  return (await db.named<{ at: string }>('register_instant', [asAt])).rows[0].at;
}

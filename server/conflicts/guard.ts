/**
 * No silent empty answer (issue 9). A check that misses a licence is the worst thing this service can
 * do, so the conflict service trusts neither engine blindly:
 *  - a query that fails or times out is a 503 (`DATABASE_ERROR` / `QUERY_TIMEOUT`), never an empty layer;
 *  - an answer that cannot be true (an overlap larger than the input or than the feature, a share
 *    above 1, a negative or non-finite area, a union larger than its parts or smaller than its largest
 *    part) is a 500 `ENGINE_INCONSISTENT`.
 * Both leave with the one error shape, and the error middleware logs every 5xx with its cause.
 * Pure except for the error it builds; the checks are in one place, here.
 */
import { AppError } from '../errors';
import { defineMessages, say } from '../i18n/message';
import type { ConflictEntry, ConflictSummary, CollectionSummary } from './types';

const SAY = defineMessages({
  DATABASE_ERROR: {
    en: (p: { query: string }) =>
      `The database could not answer (${p.query}); no result is given rather than an incomplete one. Please try again or report it`,
    zh: (p: { query: string }) => `数据库未能完成查询（${p.query}）；为避免给出不完整的结果，本次不返回结果。请重试或报告此问题`,
  },
  QUERY_TIMEOUT: {
    en: (p: { query: string }) =>
      `The database query took too long and was cancelled (${p.query}); no result is given rather than an incomplete one`,
    zh: (p: { query: string }) => `数据库查询超时已取消（${p.query}）；为避免给出不完整的结果，本次不返回结果`,
  },
  ENGINE_INCONSISTENT: {
    en: (p: { count: number; first: string }) =>
      `The database returned ${p.count} impossible value(s) (first: ${p.first}); no result is given rather than a wrong one. Please report it`,
    zh: (p: { count: number; first: string }) =>
      `数据库返回了 ${p.count} 个不可能的数值（首个：${p.first}）；为避免给出错误结果，本次不返回结果。请报告此问题`,
  },
});

/**
 * Slack for "larger than" comparisons between two areas measured differently: the input's area is
 * GeographicLib's, an overlap's is PostGIS geography's, and an overlay puts crossing points on long edges
 * whose geodesic then differs from the input's (~2e-4 of a 20 km east–west edge's block). A real failure
 * is off by far more (an empty layer, a doubled area, NaN).
 */
export const REL_SLACK = 1e-3;
/** km²: areas below this are at the "touching is not overlapping" threshold scale. */
export const ABS_SLACK_KM2 = 1e-6;

export interface Implausibility {
  collection: string;
  id: string | null;
  field: string;
  value: number;
  /** the bound it broke, when there is one */
  limit?: number;
}

const isArea = (e: Pick<ConflictEntry, 'collection'>) => e.collection !== 'wells' && e.collection !== 'pipelines';
const above = (v: number, bound: number) => v > bound * (1 + REL_SLACK) + ABS_SLACK_KM2;

/** Every impossible value in a check's answer (empty when the answer is possible). */
export function implausibilities(
  conflicts: Omit<ConflictEntry, 'geometry'>[],
  summary: ConflictSummary | null,
  inputKm2: number,
): Implausibility[] {
  const out: Implausibility[] = [];
  const bad = (collection: string, id: string | null, field: string, value: number, limit?: number) =>
    out.push({ collection, id, field, value, ...(limit === undefined ? {} : { limit }) });
  if (!Number.isFinite(inputKm2) || inputKm2 <= 0) bad('input', null, 'area_km2', inputKm2);
  for (const e of conflicts) {
    const a = e.overlap_area_km2;
    if (!Number.isFinite(a) || a < 0) bad(e.collection, e.id, 'overlap_area_km2', a);
    else if (isArea(e) && above(a, inputKm2)) bad(e.collection, e.id, 'overlap_area_km2', a, inputKm2);
    if (!Number.isFinite(e.share_of_input) || e.share_of_input < 0 || e.share_of_input > 1 + REL_SLACK)
      bad(e.collection, e.id, 'share_of_input', e.share_of_input, 1);
    const sf = e.share_of_feature;
    if (sf !== null && (!Number.isFinite(sf) || sf < 0 || sf > 1 + REL_SLACK)) bad(e.collection, e.id, 'share_of_feature', sf, 1);
    if (e.length_km !== undefined && (!Number.isFinite(e.length_km) || e.length_km < 0)) bad(e.collection, e.id, 'length_km', e.length_km);
    if (
      e.length_in_input_km !== undefined &&
      (!Number.isFinite(e.length_in_input_km) || e.length_in_input_km < 0 || e.length_in_input_km < (e.length_km ?? 0) * (1 - 1e-6) - 1e-6)
    )
      bad(e.collection, e.id, 'length_in_input_km', e.length_in_input_km);
  }
  if (summary) {
    const byKey = new Map<string, Omit<ConflictEntry, 'geometry'>[]>();
    for (const e of conflicts) {
      const k = e.check ? 'containment' : e.collection;
      byKey.set(k, [...(byKey.get(k) ?? []), e]);
    }
    for (const [key, v] of Object.entries(summary)) {
      if (typeof v === 'number') {
        if (!Number.isFinite(v) || v < 0) bad('summary', null, key, v);
        else if (above(v, inputKm2)) bad('summary', null, key, v, inputKm2);
        continue;
      }
      const s = v as CollectionSummary;
      if (!Number.isFinite(s.area_km2) || s.area_km2 < 0) {
        bad('summary', key, 'area_km2', s.area_km2);
        continue;
      }
      const members = (byKey.get(key) ?? [])
        .filter(isArea)
        .map((e) => e.overlap_area_km2)
        .filter((a) => Number.isFinite(a) && a > 0);
      if (!members.length) continue;
      const sum = members.reduce((x, y) => x + y, 0);
      const max = Math.max(...members);
      if (above(s.area_km2, inputKm2)) bad('summary', key, 'area_km2', s.area_km2, inputKm2);
      if (above(s.area_km2, sum)) bad('summary', key, 'area_km2', s.area_km2, sum);
      if (above(max, s.area_km2)) bad('summary', key, 'area_km2 (below its largest overlap)', s.area_km2, max);
    }
  }
  return out;
}

const describe = (i: Implausibility) =>
  `${i.collection}${i.id ? ` ${i.id}` : ''} ${i.field} = ${i.value}${i.limit === undefined ? '' : ` (limit ${i.limit})`}`;

/** The 500 for an impossible answer; `details` names each value at fault. */
export function inconsistent(found: Implausibility[]): AppError {
  const m = say(SAY, 'ENGINE_INCONSISTENT', { count: found.length, first: describe(found[0]) });
  return new AppError(
    500,
    m.code,
    m.message,
    m.message_zh,
    found.slice(0, 20).map((i) => ({ ...i })),
  );
}

/** Throw ENGINE_INCONSISTENT unless the answer is possible. */
export function assertPlausible(conflicts: Omit<ConflictEntry, 'geometry'>[], summary: ConflictSummary | null, inputKm2: number): void {
  const found = implausibilities(conflicts, summary, inputKm2);
  if (found.length) throw inconsistent(found);
}

/** A failed query as the 503 the caller gets; the original error travels as `cause` for the log. */
export function databaseError(query: string, e: unknown): AppError {
  if (e instanceof AppError) return e;
  const timeout = (e as { code?: string } | null)?.code === '57014';
  const m = say(SAY, timeout ? 'QUERY_TIMEOUT' : 'DATABASE_ERROR', { query });
  const err = new AppError(503, m.code, m.message, m.message_zh, [{ query }]);
  Object.defineProperty(err, 'cause', { value: e, enumerable: false });
  return err;
}

/** Run one named query of the check; its failure is the check's failure, never an empty layer. */
export function guarded<T>(query: string, p: Promise<T>): Promise<T> {
  return p.catch((e: unknown) => {
    throw databaseError(query, e);
  });
}

/**
 * The one write path of a register item's new version (OGC API – Features Part 4 PUT/PATCH, and the register effect of
 * an approved application, issue 14): the item replaced at the version the writer started from (If-Match; the version
 * check is in the SQL statement), its previous version kept by the history trigger (012), and its audit row in the same
 * transaction.
 */
import type { Queryable } from '../db/types';
import type { AuditEntry } from '../audit/audit';
import { appendAudit } from '../audit/audit';
import { fromZod } from '../http/error-middleware';
import type { CollectionDef } from './collections';
import type { RowFeature } from './feature-out';
import { publicProperties } from './versions';
import { say } from '../i18n/message';
import { errorOf, FEATURE_SAY } from './messages';

/** A row of right_flags_write_guard.sql: a seizure in force on the block, and the area a new geometry leaves out. */
interface SeizureRow {
  id: string;
  document_no: string;
  authority: string;
  lost_km2: number;
}

/** Below this (km², 1 m²) a new geometry leaves nothing out: vertex noise, not a reduction. */
const REDUCTION_KM2 = 1e-6;

/**
 * A seized right (查封) is not transferred, reduced or cancelled until the seizure is released (自然资规〔2023〕4号
 * 二（五）3（6）: 人民法院、公安、监察等机关通知不得转让变更的，不予办理转让变更登记, 001 L9618; published with mortgages and
 * transfers, 矿业权登记信息管理办法 二十一, 000 L2267). 409 RIGHT_SEIZED naming the seizure and the change refused.
 */
export async function assertNotSeized(tx: Queryable, fid: string, feature: unknown, before: RowFeature): Promise<void> {
  const f = (feature ?? {}) as { geometry?: unknown; properties?: Record<string, unknown> };
  const rows = (await tx.named<SeizureRow>('right_flags_write_guard', [fid, f.geometry ? JSON.stringify(f.geometry) : null])).rows;
  if (!rows.length) return;
  const was = (before.properties ?? {}) as Record<string, unknown>;
  const now = f.properties ?? {};
  const lost = Math.max(...rows.map((r) => Number(r.lost_km2)));
  const change =
    (now.holder ?? null) !== (was.holder ?? null)
      ? 'holder_change'
      : now.status === 'cancelled' && was.status !== 'cancelled'
        ? 'cancellation'
        : lost > REDUCTION_KM2
          ? 'reduction'
          : null;
  if (!change) return;
  const r = rows[0];
  const m = say(FEATURE_SAY, 'RIGHT_SEIZED', {
    id: fid,
    change,
    document_no: r.document_no,
    authority: r.authority,
    lost_km2: lost.toFixed(4),
  });
  throw errorOf(409, m, [
    {
      field: change === 'reduction' ? 'geometry' : change === 'holder_change' ? 'properties.holder' : 'properties.status',
      reason: change,
      flag: r.id,
      document_no: r.document_no,
    },
  ]);
}

/** A row of right_flags_mortgage_guard.sql: a mortgage in force that no consent on file lets go to the new holder. */
interface MortgageRow {
  id: string;
  document_no: string;
  authority: string;
  beneficiary: string | null;
}

/**
 * A mortgaged mining right (抵押备案) is not transferred without the mortgagee's consent: 自然资规〔2023〕4号 二（五）3（3）
 * “采矿权处于抵押备案状态且未经抵押权人同意的，不予办理采矿权转让变更登记” (001 L9610). What the seeds say and no more:
 * the clause is about the transfer (a holder change) of a mining right — they name no such condition for an exploration
 * right's transfer (001 L9460-9481) nor for a reduction or cancellation of a mortgaged right, and 000 L2267 only has
 * mortgages published. 409 RIGHT_MORTGAGED naming the mortgage; the consent is recorded by POST /api/flags/{id}/consents.
 */
async function assertMortgageConsent(tx: Queryable, fid: string, feature: unknown, before: RowFeature): Promise<void> {
  const now = ((feature ?? {}) as { properties?: Record<string, unknown> }).properties ?? {};
  const was = (before.properties ?? {}) as Record<string, unknown>;
  if (was.kind !== 'mining' || (now.holder ?? null) === (was.holder ?? null)) return;
  const rows = (await tx.named<MortgageRow>('right_flags_mortgage_guard', [fid, now.holder ?? null])).rows;
  if (!rows.length) return;
  const r = rows[0];
  const m = say(FEATURE_SAY, 'RIGHT_MORTGAGED', { id: fid, document_no: r.document_no, beneficiary: r.beneficiary ?? r.authority });
  throw errorOf(409, m, [{ field: 'properties.holder', reason: 'holder_change', flag: r.id, document_no: r.document_no }]);
}

/** A property sent as null is a property not given (GET prints unset properties as null; PUT takes them back). */
export const withoutNulls = (p: unknown): Record<string, unknown> =>
  Object.fromEntries(Object.entries(p && typeof p === 'object' && !Array.isArray(p) ? p : {}).filter(([, v]) => v !== null));

/** The properties of a write, validated against the collection's schema (422 INVALID_PROPERTY with the field). */
export function parseProperties(c: CollectionDef, properties: unknown) {
  const parsed = c.properties.safeParse(withoutNulls(properties));
  if (!parsed.success) throw fromZod(parsed.error, 'INVALID_PROPERTY');
  return parsed.data as Record<string, unknown>;
}

/** The item as the audit trail keeps it (before/after of every write): a Feature with its version, no period. */
export function auditFeature(f: RowFeature) {
  return {
    type: 'Feature',
    id: f.properties?.id,
    version: String(f.properties?.version),
    geometry: f.geometry,
    properties: publicProperties(f.properties),
  };
}

export const versionOf = (f: RowFeature) => String(f.properties?.version);

/** The current row of an item (or none), read with `q` — the transaction of a write, or the pool. */
export const currentRow = async (q: Queryable, c: CollectionDef, fid: string) =>
  (await q.named<{ feature: RowFeature }>(`${c.table}_get`, [fid])).rows[0]?.feature;

/**
 * Replace item `fid` with `feature` if it is still at `version`, inside `tx`, and append its audit row ('update',
 * before and after as auditFeature). Returns the new row, or null when the item has changed since or is gone (the
 * caller answers 412 or 404).
 */
export async function updateAtVersion(
  tx: Queryable,
  c: CollectionDef,
  fid: string,
  feature: unknown,
  before: RowFeature,
  who: Pick<AuditEntry, 'principal' | 'request_id'>,
): Promise<RowFeature | null> {
  if (c.id === 'blocks') {
    await assertNotSeized(tx, fid, feature, before);
    await assertMortgageConsent(tx, fid, feature, before);
  }
  const out = await tx.named(`${c.table}_update`, [fid, JSON.stringify(feature), versionOf(before)]);
  if (!out.rows.length) return null;
  const row = (await currentRow(tx, c, fid))!;
  await appendAudit(tx, {
    ...who,
    operation: 'update',
    collection: c.id,
    item_id: fid,
    before: auditFeature(before),
    after: auditFeature(row),
  });
  return row;
}

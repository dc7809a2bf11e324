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

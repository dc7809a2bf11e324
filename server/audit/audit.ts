import type { Queryable } from '../db/types';
import type { Principal } from '../auth/principal';

/** One audited write: who, what, which item, the item before and after. */
export interface AuditEntry {
  principal: Principal;
  /** create | update | delete, or a domain verb (offset, sign_in, token_create, …) */
  operation: string;
  /** collection or table name: blocks, redlines, offsets, accounts, … */
  collection: string;
  item_id: string | null;
  before: unknown;
  after: unknown;
  /** the request id the log line carries (pino-http `req.id`), null outside a request */
  request_id: string | null;
}

/**
 * Append an audit row. Call it with the transaction (`db.transaction(tx => …)`) that makes the write itself,
 * so the write and its audit row commit together or not at all.
 */
export async function appendAudit(tx: Queryable, e: AuditEntry): Promise<{ id: string; at: string }> {
  const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));
  const r = await tx.named<{ id: string; at: string }>('audit_insert', [
    e.principal.username,
    e.principal.user_id,
    e.principal.role,
    e.principal.via,
    e.operation,
    e.collection,
    e.item_id,
    json(e.before),
    json(e.after),
    e.request_id,
  ]);
  return r.rows[0];
}

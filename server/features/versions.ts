/**
 * The change list of one item (`GET /collections/{c}/items/{id}/history`): its versions from the valid-time
 * history, newest first, each with who made it from the audit trail where one was recorded. A deletion is an
 * entry of its own (operation `delete`, no properties or geometry), starting when the deleted version ended;
 * an item deleted and created again under the same id shows both lives.
 */
export interface VersionRow {
  version: string;
  /** ISO 8601 UTC, microseconds */
  valid_from: string;
  valid_to: string | null;
  feature: { geometry: unknown; properties: Record<string, unknown> | null };
}

export interface AuditRow {
  at: Date | string;
  actor: string;
  role: string;
  operation: string;
  request_id: string | null;
  after_version: string | null;
  before_version: string | null;
}

export interface HistoryEntry {
  /** row version (ETag `"v<version>"`); null on a deletion entry */
  version: string | null;
  valid_from: string;
  valid_to: string | null;
  properties: Record<string, unknown> | null;
  geometry: unknown;
  /** account that made this version (audit trail); null where none was recorded (demo data, writes before 012) */
  actor: string | null;
  role: string | null;
  /** create | update | delete: from the audit trail, else from the shape of the history */
  operation: string;
  request_id: string | null;
}

/** Properties as the API serves them: no id, version or period columns. */
export function publicProperties(p: Record<string, unknown> | null): Record<string, unknown> {
  const { id: _id, sys_period: _p, version: _v, ...rest } = p ?? {};
  return rest;
}

export function buildHistory(versionsNewestFirst: VersionRow[], audit: AuditRow[]): HistoryEntry[] {
  const madeBy = new Map<string, AuditRow>();
  const deletedBy = new Map<string, AuditRow>();
  for (const a of audit) {
    if (a.operation === 'delete' && a.before_version) deletedBy.set(a.before_version, a);
    else if (a.after_version) madeBy.set(a.after_version, a);
  }
  const oldestFirst = [...versionsNewestFirst].reverse();
  const out: HistoryEntry[] = [];
  oldestFirst.forEach((v, i) => {
    const prev = oldestFirst[i - 1];
    const next = oldestFirst[i + 1];
    const a = madeBy.get(v.version);
    // a version that starts where the previous one ended replaced it; any other began a new life of the id
    const continues = !!prev && prev.valid_to === v.valid_from;
    out.push({
      version: v.version,
      valid_from: v.valid_from,
      valid_to: v.valid_to,
      properties: publicProperties(v.feature.properties),
      geometry: v.feature.geometry,
      actor: a?.actor ?? null,
      role: a?.role ?? null,
      operation: a?.operation ?? (continues ? 'update' : 'create'),
      request_id: a?.request_id ?? null,
    });
    // ended and not replaced at that instant: deleted then
    if (v.valid_to !== null && (!next || next.valid_from !== v.valid_to)) {
      const d = deletedBy.get(v.version);
      out.push({
        version: null,
        valid_from: v.valid_to,
        valid_to: next ? next.valid_from : null,
        properties: null,
        geometry: null,
        actor: d?.actor ?? null,
        role: d?.role ?? null,
        operation: 'delete',
        request_id: d?.request_id ?? null,
      });
    }
  });
  return out.reverse();
}

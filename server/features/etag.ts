/**
 * Strong entity tags for feature items (OGC API – Features Part 4, optimistic locking; RFC 9110 §8.8.3, §13.1.1).
 * An item's ETag is its row version (one database sequence, 012_history.sql) as `"v<version>"`: every insert and
 * every update draws a new number, so a tag names exactly one version of one item and is never reused.
 */
const TAG = /^"v(\d{1,19})"$/;

/** The ETag header value of a row version: `"v123"`. */
export const etagOf = (version: string | number | bigint): string => `"v${String(version)}"`;

export type IfMatch =
  /** no If-Match header: the write is refused with 428 */
  | { kind: 'missing' }
  /** `If-Match: *`: refused too (it would overwrite whatever is there — the lost update this header exists to stop) */
  | { kind: 'any' }
  /** one or more entity tags; `versions` are those of them that are this service's strong tags */
  | { kind: 'tags'; versions: string[]; raw: string };

/** Read an If-Match header (a comma-separated list of entity tags, or `*`). Weak tags (`W/"…"`) never match. */
export function parseIfMatch(header: string | undefined): IfMatch {
  if (header === undefined || header.trim() === '') return { kind: 'missing' };
  const raw = header.trim();
  if (raw === '*') return { kind: 'any' };
  const versions: string[] = [];
  // entity tags cannot contain a comma or a quote, so a split on commas is exact for well-formed lists
  for (const part of raw.split(',')) {
    const m = TAG.exec(part.trim());
    if (m) versions.push(String(BigInt(m[1])));
  }
  return { kind: 'tags', versions, raw };
}

/** Does the If-Match list name this version? (strong comparison) */
export const ifMatchHolds = (m: IfMatch, version: string): boolean => m.kind === 'tags' && m.versions.includes(String(version));

/**
 * Strong entity tags for feature items (OGC API – Features Part 4, optimistic locking; RFC 9110 §8.8.3, §13.1.1).
 * An item's ETag is its row version (one database sequence, 012_history.sql) as `"v<version>"`: every insert and
 * every update draws a new number, so a tag names exactly one version of one item and is never reused.
 * A block's item also carries its register flags in force (查封, 抵押; issue 14 item 6), which are not part of its row
 * version: while it has any, its tag is `"v<version>-f<digest>"`, the digest naming the flags shown, so the tag changes
 * when a flag is recorded, released, starts or ends, and a write based on the item as read before is refused (412).
 */
import { createHash } from 'node:crypto';

const TAG = /^"v(\d{1,19})(?:-f([0-9a-f]{12}))?"$/;

/** The ETag header value of a row version: `"v123"`, or `"v123-f<digest>"` with a flags digest (flagsDigest). */
export const etagOf = (version: string | number | bigint, flags?: string | null): string =>
  flags ? `"v${String(version)}-f${flags}"` : `"v${String(version)}"`;

/** The digest of the register flags an item shows (12 hex digits of SHA-256 of their JSON), or null when it shows none. */
export const flagsDigest = (flags: readonly unknown[]): string | null =>
  flags.length ? createHash('sha256').update(JSON.stringify(flags)).digest('hex').slice(0, 12) : null;

export type IfMatch =
  /** no If-Match header: the write is refused with 428 */
  | { kind: 'missing' }
  /** `If-Match: *`: refused too (it would overwrite whatever is there — the lost update this header exists to stop) */
  | { kind: 'any' }
  /**
   * one or more entity tags; `versions` are those of them that are this service's strong tags, `entries` the same with
   * their flags digest (null: none)
   */
  | { kind: 'tags'; versions: string[]; entries: { version: string; flags: string | null }[]; raw: string };

/** Read an If-Match header (a comma-separated list of entity tags, or `*`). Weak tags (`W/"…"`) never match. */
export function parseIfMatch(header: string | undefined): IfMatch {
  if (header === undefined || header.trim() === '') return { kind: 'missing' };
  const raw = header.trim();
  if (raw === '*') return { kind: 'any' };
  const entries: { version: string; flags: string | null }[] = [];
  // entity tags cannot contain a comma or a quote, so a split on commas is exact for well-formed lists
  for (const part of raw.split(',')) {
    const m = TAG.exec(part.trim());
    if (m) entries.push({ version: String(BigInt(m[1])), flags: m[2] ?? null });
  }
  return { kind: 'tags', versions: entries.map((e) => e.version), entries, raw };
}

/**
 * Does the If-Match list name this version? (strong comparison). With `flags` (a block's flags digest, null: none shown)
 * the tag must name that representation exactly: a tag taken before a flag changed no longer holds.
 */
export const ifMatchHolds = (m: IfMatch, version: string, flags?: string | null): boolean =>
  m.kind === 'tags' && m.entries.some((e) => e.version === String(version) && (flags === undefined || e.flags === flags));

/**
 * The register's change list (GET /api/changes) from the rows of sql/queries/register_changes.sql — pure, no I/O.
 * Each change is a GeoJSON Feature: the geometry it made (the one it ended, for a deletion) and, in its properties,
 * what happened, when, and the feature's properties before and after as the items API publishes them.
 */
import { toFeature, type RowFeature } from './feature-out';

export interface ChangeRow {
  matched: string | number;
  collection: string;
  id: string;
  operation: 'create' | 'update' | 'delete';
  /** ISO 8601 UTC, microseconds */
  at: string;
  version: string | null;
  after: RowFeature | null;
  before: RowFeature | null;
  geometry_changed: boolean;
}

/** When a version was on the register, not what it says: `at` tells it once, so they are left out of before/after. */
const BOOKKEEPING = new Set(['recorded_from', 'recorded_to']);

const published = (f: RowFeature | null) => {
  if (!f) return null;
  const out = toFeature(f);
  const properties = Object.fromEntries(Object.entries(out.properties).filter(([k]) => !BOOKKEEPING.has(k)));
  return { geometry: out.geometry, properties };
};

/** The properties whose value differs (a property present on one side only counts), sorted; values are JSON. */
export function changedProperties(before: Record<string, unknown> | null, after: Record<string, unknown> | null): string[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  return [...keys].filter((k) => JSON.stringify(before?.[k] ?? null) !== JSON.stringify(after?.[k] ?? null)).sort();
}

export function toChange(r: ChangeRow) {
  const after = published(r.after);
  const before = published(r.before);
  return {
    type: 'Feature' as const,
    id: `${r.collection}/${r.id}@${r.at}`,
    geometry: after?.geometry ?? before?.geometry ?? null,
    properties: {
      collection: r.collection,
      feature_id: r.id,
      operation: r.operation,
      at: r.at,
      version: r.version,
      changed: changedProperties(before?.properties ?? null, after?.properties ?? null),
      geometry_changed: r.geometry_changed,
      after: after?.properties ?? null,
      before: before?.properties ?? null,
    },
  };
}

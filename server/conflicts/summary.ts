/**
 * The summary of a check: per collection the count of entries and the area of the union of their
 * overlaps (a place covered by two features counts once), the union of every deductible overlap, and
 * the net area left after deducting it. Unions are computed by PostGIS (conflicts_union_areas.sql)
 * when a set has more than one polygon (the layer queries return their own collection's union already);
 * a single polygon's area is its own overlap area.
 */
import type { Queryable } from '../db/types';
import { CONFLICT_COLLECTIONS, type CollectionSummary, type ConflictEntry, type ConflictSummary } from './types';

const POLYGONAL = new Set(['Polygon', 'MultiPolygon']);

/** Union-area sets: one per collection (overlap entries) plus containment findings and the deductible set. */
export function summarySets(conflicts: ConflictEntry[]): Map<string, ConflictEntry[]> {
  const sets = new Map<string, ConflictEntry[]>();
  const add = (k: string, e: ConflictEntry) => sets.set(k, [...(sets.get(k) ?? []), e]);
  for (const c of CONFLICT_COLLECTIONS) sets.set(c, []);
  for (const e of conflicts) {
    add(e.check ? 'containment' : e.collection, e);
    if (e.deductible) add('deductible', e);
  }
  return sets;
}

/** `known`: union areas the layer queries already computed (their union_km2 column), by collection. */
export async function summarize(db: Queryable, conflicts: ConflictEntry[], inputKm2: number, known: Record<string, number> = {}): Promise<ConflictSummary> {
  const sets = summarySets(conflicts);
  const areas = new Map<string, number>(Object.entries(known));
  const toUnion: Record<string, unknown[]> = {};
  for (const [key, entries] of sets) {
    if (areas.has(key)) continue;
    const polys = entries.filter((e) => e.geometry && POLYGONAL.has(e.geometry.type) && e.overlap_area_km2 > 0);
    if (polys.length > 1) toUnion[key] = polys.map((e) => e.geometry);
    else areas.set(key, polys.length === 1 ? polys[0].overlap_area_km2 : 0);
  }
  if (Object.keys(toUnion).length) {
    const { rows } = await db.named<{ key: string; area_km2: number }>('conflicts_union_areas', [JSON.stringify(toUnion)]);
    for (const r of rows) areas.set(r.key, Number(r.area_km2));
  }
  const summary: Record<string, CollectionSummary | number> = {};
  for (const [key, entries] of sets) if (key !== 'deductible') summary[key] = { count: entries.length, area_km2: areas.get(key) ?? 0 };
  const deductible = areas.get('deductible') ?? 0;
  return { ...summary, deductible_area_km2: deductible, net_area_km2: Math.max(0, inputKm2 - deductible) } as ConflictSummary;
}

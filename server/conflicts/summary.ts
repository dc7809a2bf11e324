/**
 * The summary of a check: per collection the count of entries and the area of the union of their
 * overlaps (a place covered by two features counts once), the union of every deductible overlap, and
 * the net area left after deducting it. Unions are computed by PostGIS (conflicts_union_areas.sql)
 * when a set has more than one polygon (the layer queries return their own collection's union already);
 * a single polygon's area is its own overlap area.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import type { Queryable } from '../db/types';
import { stringifyWithRaw } from '../http/raw-json';
import { CONFLICT_COLLECTIONS, type CollectionSummary, type ConflictEntry, type ConflictSummary } from './types';

const POLYGONAL = new Set(['Polygon', 'MultiPolygon']);

type Box = [number, number, number, number];
function boxOf(g: Polygon | MultiPolygon): Box {
  const b: Box = [Infinity, Infinity, -Infinity, -Infinity];
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  for (const p of polys)
    for (const [x, y] of p[0]) {
      if (x < b[0]) b[0] = x;
      if (y < b[1]) b[1] = y;
      if (x > b[2]) b[2] = x;
      if (y > b[3]) b[3] = y;
    }
  return b;
}

/** True when no two interiors can meet (bounding boxes overlap at most along an edge): the union area is the sum. */
export function pairwiseApart(geoms: (Polygon | MultiPolygon)[]): boolean {
  const boxes = geoms.map(boxOf).sort((a, b) => a[0] - b[0]);
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length && boxes[j][0] < boxes[i][2]; j++)
      if (boxes[j][1] < boxes[i][3] && boxes[i][1] < boxes[j][3]) return false;
  return true;
}

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
export async function summarize(
  db: Queryable,
  conflicts: ConflictEntry[],
  inputKm2: number,
  known: Record<string, number> = {},
): Promise<ConflictSummary> {
  const sets = summarySets(conflicts);
  const areas = new Map<string, number>(Object.entries(known));
  const toUnion: Record<string, unknown[]> = {};
  for (const [key, entries] of sets) {
    if (areas.has(key)) continue;
    const polys = entries.filter((e) => e.geometry && POLYGONAL.has(e.geometry.type) && e.overlap_area_km2 > 0);
    const geoms = polys.map((e) => e.geometry as Polygon | MultiPolygon);
    if (polys.length > 1 && !pairwiseApart(geoms)) toUnion[key] = geoms;
    else
      areas.set(
        key,
        polys.reduce((a, e) => a + e.overlap_area_km2, 0),
      );
  }
  const keys = Object.keys(toUnion);
  if (keys.length) {
    // one (key, GeoJSON text) pair per geometry; overlap geometries kept as PostGIS's text (server/http/raw-json.ts
    // lazyGeoJson) go back as that text
    const setOf: string[] = [];
    const texts: string[] = [];
    for (const k of keys)
      for (const g of toUnion[k]) {
        setOf.push(k);
        texts.push(stringifyWithRaw(g));
      }
    const { rows } = await db.named<{ key: string; area_km2: number }>('conflicts_union_areas', [setOf, texts]);
    for (const r of rows) areas.set(r.key, Number(r.area_km2));
  }
  const summary: Record<string, CollectionSummary | number> = {};
  // a right split by an agreement on file (covered / remaining parts) counts once
  const count = (entries: ConflictEntry[]) => new Set(entries.map((e) => `${e.collection}:${e.id}`)).size;
  for (const [key, entries] of sets) if (key !== 'deductible') summary[key] = { count: count(entries), area_km2: areas.get(key) ?? 0 };
  const deductible = areas.get('deductible') ?? 0;
  return { ...summary, deductible_area_km2: deductible, net_area_km2: Math.max(0, inputKm2 - deductible) } as ConflictSummary;
}

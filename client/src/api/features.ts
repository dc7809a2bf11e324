import { getJson } from './http';
import type { BlockProps, Feature, FeatureCollection } from './contract';

/** OGC API – Features reads. */
export const itemsUrl = (collection: string, params: Record<string, string | number | undefined>) => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  return `/api/collections/${encodeURIComponent(collection)}/items?${q.toString()}`;
};

export function getFeature<P = Record<string, unknown>>(collection: string, id: string, signal?: AbortSignal) {
  return getJson<Feature<P>>(`/api/collections/${encodeURIComponent(collection)}/items/${encodeURIComponent(id)}`, signal);
}

export function searchBlocks(q: string, signal?: AbortSignal) {
  return getJson<FeatureCollection<BlockProps>>(itemsUrl('blocks', { q, limit: 20 }), signal);
}

export function blocksAsAt(date: string, bbox: [number, number, number, number], signal?: AbortSignal) {
  return getJson<FeatureCollection<BlockProps>>(
    itemsUrl('blocks', { as_at: date, bbox: bbox.map((v) => v.toFixed(6)).join(','), limit: 10000 }),
    signal,
  );
}

/** How many wells belong to a block (numberMatched of a one-item page). */
export async function wellCount(blockId: string, signal?: AbortSignal): Promise<number | undefined> {
  const fc = await getJson<FeatureCollection>(itemsUrl('wells', { block_id: blockId, limit: 1 }), signal);
  return fc.numberMatched;
}

/** Label points of the base map's cities (the boundaries carry label_lon/label_lat). */
export function boundaries(signal?: AbortSignal) {
  return getJson<FeatureCollection<{ name: string; level: string; label_lon?: number; label_lat?: number }>>(
    itemsUrl('boundaries', { limit: 200 }),
    signal,
  );
}

/** Vector tile URL template of a layer (absolute: the tile worker has no base URL). */

/** Register writes with optimistic locking (OGC API – Features Part 4): ETag on read, If-Match on write; a feature's history. */
import { send } from './http';
import type { Feature } from './contract';

const itemUrl = (collection: string, id: string) => `/collections/${encodeURIComponent(collection)}/items/${encodeURIComponent(id)}`;

export interface Versioned<P = Record<string, unknown>> {
  feature: Feature<P>;
  /** the strong ETag of the version read (null if the server sends none) */
  etag: string | null;
}

/** A feature and the ETag of the version read. */
export async function readVersioned<P = Record<string, unknown>>(
  collection: string,
  id: string,
  signal?: AbortSignal,
): Promise<Versioned<P>> {
  const r = await send<Feature<P>>('GET', itemUrl(collection, id), { signal });
  return { feature: r.data, etag: r.etag };
}

/** Replace a feature, on condition that it is still the version `etag` names (412 when someone else changed it first). */
export async function replaceFeature<P = Record<string, unknown>>(
  collection: string,
  id: string,
  feature: { type: 'Feature'; geometry: GeoJSON.Geometry; properties: Record<string, unknown> },
  etag: string | null,
): Promise<Versioned<P>> {
  const r = await send<Feature<P>>('PUT', itemUrl(collection, id), { body: feature, ifMatch: etag });
  return { feature: r.data, etag: r.etag };
}

export interface HistoryVersion {
  valid_from: string | null;
  valid_to: string | null;
  /** null on a deletion entry */
  properties: Record<string, unknown> | null;
  geometry?: GeoJSON.Geometry | null;
  actor?: string | null;
  operation?: string | null;
}

export interface History {
  id: string;
  collection: string;
  versions: HistoryVersion[];
}

export const featureHistory = async (collection: string, id: string, signal?: AbortSignal): Promise<History> =>
  (await send<History>('GET', `${itemUrl(collection, id)}/history`, { signal })).data;

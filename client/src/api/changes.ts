import { getJson } from './http';
import type { ChangeList } from './contract';

/**
 * The register's changes (created, changed, deleted) in a box after an instant, newest first (GET /api/changes). The
 * box is [minLon, minLat, maxLon, maxLat] (CRS84).
 */
export const changesIn = (bbox: readonly number[], since: string, limit: number, signal?: AbortSignal) =>
  getJson<ChangeList>(`/api/changes?since=${encodeURIComponent(since)}&bbox=${bbox.join(',')}&limit=${limit}`, signal);

import { getJson } from './http';

// The response item is the server's own type (type-only import: nothing of the server is bundled).
import type { DueItem } from '../../../server/lifecycle/deadlines-list';

export type { DueItem };

/** Deadlines (expiry, last day to apply for extension, mining registration) falling within `days` of today. */
export const dueWithin = (days: number, signal?: AbortSignal) =>
  getJson<{ on: string; within_days: number; items: DueItem[] }>(`/api/deadlines?within=${days}d`, signal);

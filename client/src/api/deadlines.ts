import { getJson } from './http';

import type { Deadlines, DueItem } from './contract';

export type { DueItem };

/** Deadlines (expiry, last day to apply for extension, mining registration) falling within `days` of today. */
export const dueWithin = (days: number, signal?: AbortSignal) => getJson<Deadlines>(`/api/deadlines?within=${days}d`, signal);

import { getJson } from './http';

export interface DueItem {
  block_id: string;
  name: string;
  licence_no: string | null;
  holder: string | null;
  kind: string;
  mineral: string;
  deadline: 'expiry' | 'extension_application' | 'mining_registration';
  due: { date: string; days_left: number; rule: string; citation: string; description: string };
}

/** Deadlines (expiry, last day to apply for extension, mining registration) falling within `days` of today. */
export const dueWithin = (days: number, signal?: AbortSignal) =>
  getJson<{ on: string; within_days: number; items: DueItem[] }>(`/api/deadlines?within=${days}d`, signal);

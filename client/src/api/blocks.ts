import { getJson, postJson } from './http';
import type { AssessmentOverrides, PlansResult, StoredAssessment } from './contract';

/** Per-block domain reads; any of these may answer 404 while being built (the page says "not available"). */
export const blockConflicts = (id: string, signal?: AbortSignal) =>
  getJson<unknown>(`/api/blocks/${encodeURIComponent(id)}/conflicts`, signal);
export const blockAssessment = (id: string, signal?: AbortSignal) =>
  getJson<unknown>(`/api/blocks/${encodeURIComponent(id)}/assessment`, signal);
/** The block's assessment with the user's overrides of its inputs (none: the register's own verdict). */
export const blockAssessmentWithOverrides = (id: string, overrides: AssessmentOverrides, signal?: AbortSignal) =>
  postJson<StoredAssessment>(`/api/blocks/${encodeURIComponent(id)}/assessment`, { overrides }, signal);
export const relinquishmentPlans = (id: string, body: { required_km2?: number }) =>
  postJson<PlansResult>(`/api/blocks/${encodeURIComponent(id)}/relinquishment-plans`, body);

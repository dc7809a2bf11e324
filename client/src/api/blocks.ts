import { getJson, postJson } from './http';
import type { ApplicationList, AssessmentOverrides, PlansResult, StoredAssessment } from './contract';

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

/**
 * The block's dossier PDF (GET /api/blocks/{id}/report.pdf): register entry, history, conflicts, assessment and the
 * extension annex (the planner's candidate for `required_km2`). A link, not a fetch: the session cookie goes with it,
 * so the investment figures appear exactly for the roles that may see them.
 */
export function blockReportUrl(id: string, q: { lang: 'zh' | 'en'; required_km2?: number; candidate?: string }): string {
  const p = new URLSearchParams({ lang: q.lang });
  if (q.required_km2 !== undefined) p.set('required_km2', String(q.required_km2));
  if (q.candidate) p.set('candidate', q.candidate);
  return `/api/blocks/${encodeURIComponent(id)}/report.pdf?${p}`;
}

/**
 * The block's extension and change applications that carry a retained polygon (GET /api/applications?block_id=, signed
 * in: the caller's own or those its authority oversees): each has an extension annex from that polygon
 * (GET /api/applications/{id}/annex, PDF/CSV/XLSX).
 */
export async function retainingApplications(blockId: string, signal?: AbortSignal) {
  const page = await getJson<ApplicationList>(`/api/applications?block_id=${encodeURIComponent(blockId)}&limit=50`, signal);
  return page.items.filter((a) => (a.kind === 'extension' || a.kind === 'change') && a.geometry !== null);
}
export const applicationAnnexHref = (id: string) => `/api/applications/${encodeURIComponent(id)}/annex`;

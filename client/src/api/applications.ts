/**
 * Applications (issue 14 items 1 and 7), annual investment and the abnormal list (item 3): typed fetch wrappers. The
 * shapes are the contract's (server/contract/applications.ts, investment.ts), type-only: nothing of the server is bundled.
 */
import type { contract } from '../../../server/contract';
import type { BodyInput, ResponseBody } from '../../../server/contract/define';
import { getJson, send } from './http';

type C = typeof contract;

export type Application = ResponseBody<C['getApplication']>;
export type ApplicationPage = ResponseBody<C['listApplications']>;
export type ApplicationSnapshot = NonNullable<Application['snapshot']>;
export type NewApplication = BodyInput<C['createApplication']>;
export type Transition = BodyInput<C['applicationTransition']>;
export type BlockInvestment = ResponseBody<C['blockInvestment']>;
export type AbnormalList = ResponseBody<C['abnormalList']>;

const query = (p: URLSearchParams) => (p.toString() ? `?${p}` : '');
const app = (id: string) => `/api/applications/${encodeURIComponent(id)}`;

/** A holder's own applications, a regulator's queue (its authority's subtree, or a named one it oversees), an admin's all. */
export function listApplications(
  q: { state?: Application['state']; authority?: string; kind?: Application['kind']; limit?: number },
  signal?: AbortSignal,
) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== '') p.set(k, String(v));
  return getJson<ApplicationPage>(`/api/applications${query(p)}`, signal);
}

/** One application with its frozen snapshot and steps, and its ETag (for If-Match). */
export const getApplication = (id: string, signal?: AbortSignal) => send<Application>('GET', app(id), { signal });

/** Open a draft. */
export const createApplication = (body: NewApplication) => send<Application>('POST', '/api/applications', { body });

/** One step of the lifecycle: submit, withdraw (applicant side); accept, approve, refuse (deciding side). */
export const takeStep = (id: string, body: Transition, etag: string | null) =>
  send<Application>('POST', `${app(id)}/transitions`, { body, ifMatch: etag });

/** A block's annual exploration investment: each year against its minimum, the filings, the term's shortfall. */
export const blockInvestment = (id: string, signal?: AbortSignal) =>
  getJson<BlockInvestment>(`/api/blocks/${encodeURIComponent(id)}/investment`, signal);

/** The abnormal list (异常名录): a regulator's live candidates, or the latest published list for everyone else. */
export function abnormalList(q: { year?: number; view?: 'candidates' | 'published' }, signal?: AbortSignal) {
  const p = new URLSearchParams();
  if (q.year) p.set('year', String(q.year));
  if (q.view) p.set('view', q.view);
  return getJson<AbnormalList>(`/api/abnormal-list${query(p)}`, signal);
}

/** What the page pre-fills a new application with, from a check result or an extension assessment on the page. */
export interface ApplicationDraft {
  kind: NewApplication['kind'];
  block_id?: string;
  geometry?: NewApplication['geometry'];
  mineral?: NewApplication['mineral'];
  applicant?: string;
  /** where it came from (said on the form) */
  source: 'check' | 'extension';
  /** the geometry's area, km² (ellipsoidal, as the check or the planner reported it) */
  area_km2?: number;
}

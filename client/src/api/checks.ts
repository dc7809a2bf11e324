import { filenameOf, postForFile, postForm, postJson, toApiError } from './http';
import type { CheckRequest, CheckResult, ExtensionInput, ExtensionResult, Geometry, ParseResult } from './contract';

type Progress = (p: number | 'waiting') => void;

function form(file: File, extra: CheckRequest = {}) {
  const f = new FormData();
  f.append('file', file, file.name);
  for (const [k, v] of Object.entries(extra)) if (v) f.append(k, v);
  return f;
}

/** Conflict check of an uploaded coordinate file. */
export const checkFile = (file: File, req: CheckRequest, onProgress?: Progress) =>
  postForm<CheckResult>('/api/checks', form(file, req), onProgress);
/** Conflict check of a drawn geometry. */
export const checkGeometry = (geometry: Geometry, req: CheckRequest) => postJson<CheckResult>('/api/checks', { geometry, ...req });
/** Parse only (used when the check service is not available). */
export const parseFile = (file: File, onProgress?: Progress, hints: CheckRequest = {}) =>
  postForm<ParseResult>('/api/parse', form(file, hints), onProgress);

export const assessExtension = (input: ExtensionInput) => postJson<ExtensionResult>('/api/assessments/extension', input);

export type ExportFormat = 'geojson' | 'csv' | 'guotu-txt' | 'kml' | 'shp';
/** A geometry as a downloadable coordinate file. */
export const exportGeometry = (format: ExportFormat, geometry: Geometry, name = 'block') =>
  postForFile(`/api/export?${new URLSearchParams({ format, name }).toString()}`, geometry);

/** Store and sign the check of a geometry (POST /api/checks?store=true): its id for the report and the exports. */
export const storeCheck = (geometry: Geometry, req: CheckRequest) =>
  postJson<{ check_id: string; certificate_id: string }>('/api/checks?store=true', { geometry, ...req });

export type CheckFile = 'pdf' | 'csv' | 'xlsx' | 'geojson' | 'shp';
/** A stored check's report (PDF) or conflicts file, in the page's language. */
export async function checkFileOf(checkId: string, kind: CheckFile, lang: 'zh' | 'en'): Promise<{ blob: Blob; filename: string | null }> {
  const id = encodeURIComponent(checkId);
  const url = kind === 'pdf' ? `/api/checks/${id}.pdf?lang=${lang}` : `/api/checks/${id}/conflicts?format=${kind}&lang=${lang}`;
  const res = await fetch(url);
  if (!res.ok) throw toApiError(res.status, await res.text());
  return { blob: await res.blob(), filename: filenameOf(res.headers.get('content-disposition')) };
}

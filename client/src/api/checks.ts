import { postForFile, postForm, postJson } from './http';
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
export const parseFile = (file: File, onProgress?: Progress) => postForm<ParseResult>('/api/parse', form(file), onProgress);

export const assessExtension = (input: ExtensionInput) => postJson<ExtensionResult>('/api/assessments/extension', input);

export type ExportFormat = 'geojson' | 'csv' | 'guotu-txt' | 'kml' | 'shp';
/** A geometry as a downloadable coordinate file. */
export const exportGeometry = (format: ExportFormat, geometry: Geometry, name = 'block') =>
  postForFile(`/api/export?${new URLSearchParams({ format, name }).toString()}`, geometry);

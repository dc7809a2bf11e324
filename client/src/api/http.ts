/** Typed fetch wrappers. Only the files in client/src/api know URLs. */

// The error model's detail shape comes from the contract (type-only: nothing of the server is bundled).
import type { ErrorDetail } from './contract';

export type { ErrorDetail };

/** The service's error model: `{ error: { code, message, message_zh, details } }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly messageZh: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
  /** seconds the server asked to wait (`Retry-After`), on 429 and 503 */
  retryAfter?: number;
  /** 404 on a route means "not built yet" to the page: it says so instead of failing. */
  get unavailable() {
    return this.status === 404 || this.status === 501;
  }
}

/** Build an ApiError from a response status and its (maybe JSON) body text. */
export function toApiError(status: number, bodyText: string): ApiError {
  try {
    const j = JSON.parse(bodyText) as { error?: { code?: string; message?: string; message_zh?: string; details?: ErrorDetail[] } };
    if (j && j.error) {
      return new ApiError(
        status,
        j.error.code ?? `HTTP_${status}`,
        j.error.message ?? `HTTP ${status}`,
        j.error.message_zh ?? j.error.message ?? `HTTP ${status}`,
        j.error.details ?? [],
      );
    }
  } catch {
    /* not JSON */
  }
  return new ApiError(status, `HTTP_${status}`, `HTTP ${status}`, `请求失败（HTTP ${status}）`);
}

async function handle<T>(res: Response): Promise<T> {
  if (!res.ok) throw toApiError(res.status, await res.text());
  return (await res.json()) as T;
}

/**
 * The session's CSRF token (from /api/auth/login or /api/auth/me). Every write the page sends carries it
 * as `X-CSRF-Token`, and every request sends the session cookie (same origin).
 */
let csrfToken: string | null = null;
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

/** Headers of a write: JSON in and out, and the CSRF token of the signed-in session. */
export function writeHeaders(extra: Record<string, string> = {}, json = true): Record<string, string> {
  const h: Record<string, string> = { accept: 'application/json', ...extra };
  if (json) h['content-type'] = 'application/json';
  if (csrfToken) h['x-csrf-token'] = csrfToken;
  return h;
}

export async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  return handle<T>(await fetch(url, { headers: { accept: 'application/json' }, credentials: 'same-origin', signal }));
}

export async function postJson<T>(url: string, body: unknown, signal?: AbortSignal): Promise<T> {
  return handle<T>(
    await fetch(url, { method: 'POST', headers: writeHeaders(), credentials: 'same-origin', body: JSON.stringify(body), signal }),
  );
}

/** A JSON request with its ETag: GET (the version read), PUT/PATCH with `If-Match`, DELETE. 204 answers `data: null`. */
export async function send<T>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  opts: { body?: unknown; ifMatch?: string | null; signal?: AbortSignal } = {},
): Promise<{ data: T; etag: string | null; status: number }> {
  const headers = method === 'GET' ? { accept: 'application/json' } : writeHeaders({}, opts.body !== undefined);
  if (opts.ifMatch) (headers as Record<string, string>)['if-match'] = opts.ifMatch;
  const res = await fetch(url, {
    method,
    headers,
    credentials: 'same-origin',
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    signal: opts.signal,
  });
  if (!res.ok) {
    const e = toApiError(res.status, await res.text());
    const ra = Number(res.headers.get('retry-after'));
    if (Number.isFinite(ra) && ra > 0) e.retryAfter = ra;
    throw e;
  }
  const text = res.status === 204 ? '' : await res.text();
  return { data: (text ? JSON.parse(text) : null) as T, etag: res.headers.get('etag'), status: res.status };
}

/** POST and return the response as a file (Blob + the server's file name). */
export async function postForFile(url: string, body: unknown): Promise<{ blob: Blob; filename: string | null }> {
  const res = await fetch(url, { method: 'POST', headers: writeHeaders(), credentials: 'same-origin', body: JSON.stringify(body) });
  if (!res.ok) throw toApiError(res.status, await res.text());
  return { blob: await res.blob(), filename: filenameOf(res.headers.get('content-disposition')) };
}

/** The file name of a Content-Disposition: the UTF-8 form (RFC 5987) when there is one, else the plain one. */
export function filenameOf(cd: string | null): string | null {
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(cd ?? '');
  const plain = /filename="?([^";]+)"?/i.exec(cd ?? '');
  const raw = utf8?.[1] ?? plain?.[1];
  if (raw === undefined) return null;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** Multipart POST with upload progress (fetch has none): `onProgress(0..1)`, then 'waiting' once sent. */
export function postForm<T>(url: string, form: FormData, onProgress?: (p: number | 'waiting') => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress?.(e.loaded / e.total);
    };
    xhr.upload.onload = () => onProgress?.('waiting');
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as T);
        } catch {
          reject(toApiError(xhr.status, xhr.responseText));
        }
      } else reject(toApiError(xhr.status, xhr.responseText));
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', 'Network error', '网络错误'));
    xhr.send(form);
  });
}

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

export async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  return handle<T>(await fetch(url, { headers: { accept: 'application/json' }, signal }));
}

export async function postJson<T>(url: string, body: unknown, signal?: AbortSignal): Promise<T> {
  return handle<T>(
    await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
      signal,
    }),
  );
}

/** POST and return the response as a file (Blob + the server's file name). */
export async function postForFile(url: string, body: unknown): Promise<{ blob: Blob; filename: string | null }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw toApiError(res.status, await res.text());
  const cd = res.headers.get('content-disposition') ?? '';
  const m = /filename\*=UTF-8''([^;]+)|filename="?([^";]+)"?/i.exec(cd);
  return { blob: await res.blob(), filename: m ? decodeURIComponent(m[1] ?? m[2]) : null };
}

/** Multipart POST with upload progress (fetch has none): `onProgress(0..1)`, then 'waiting' once sent. */
export function postForm<T>(url: string, form: FormData, onProgress?: (p: number | 'waiting') => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('accept', 'application/json');
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

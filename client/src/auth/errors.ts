import { ApiError } from '../api/http';
import type { T } from '../i18n';

/** How long to wait, in the page's words (秒/分钟). */
export function waitText(t: T, seconds: number): string {
  return seconds >= 120 ? t('waitMinutes', { n: Math.ceil(seconds / 60) }) : t('waitSeconds', { n: Math.ceil(seconds) });
}

/** The seconds a 429 asks to wait: Retry-After, else a `retry_after` detail. */
function retryAfterOf(e: ApiError): number | null {
  if (e.retryAfter) return e.retryAfter;
  for (const d of e.details) {
    const v = (d as Record<string, unknown>).retry_after ?? (d as Record<string, unknown>).retry_after_s;
    if (typeof v === 'number' && v > 0) return v;
  }
  return null;
}

/**
 * The page's own sentence for an account or permission error (sign-in, session, CSRF, role), or null
 * when the error is something else (the server's message then shows, in the chosen language).
 */
export function authErrorText(t: T, e: unknown): string | null {
  if (!(e instanceof ApiError)) return null;
  switch (e.code) {
    case 'INVALID_CREDENTIALS':
      return t('invalidCredentials');
    case 'TOO_MANY_ATTEMPTS': {
      const s = retryAfterOf(e);
      return t('tooManyAttempts', { wait: s ? waitText(t, s) : '—' });
    }
    case 'CSRF_FAILED':
      return t('csrfFailed');
    case 'UNAUTHENTICATED':
    case 'UNAUTHORIZED':
      return t('sessionExpired');
    case 'FORBIDDEN':
      return t('forbidden');
    default:
      return null;
  }
}

import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * The security headers of every answer (helmet; issue 12): a Content-Security-Policy that lets MapLibre run (blob:
 * workers, data:/blob: images: engineering.md B3), upgrade and HSTS only on an https deployment.
 */
export function securityHeaders(https: boolean): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'worker-src': ["'self'", 'blob:'],
        'child-src': ["'self'", 'blob:'],
        'img-src': ["'self'", 'data:', 'blob:'],
        'style-src': ["'self'", "'unsafe-inline'"],
        'connect-src': ["'self'"],
        // only an https deployment (PUBLIC_URL https://…) may ask the browser to upgrade; on plain http it breaks the page
        'upgrade-insecure-requests': https ? [] : null,
      },
    },
    strictTransportSecurity: https,
    crossOriginEmbedderPolicy: false,
  });
}

/**
 * The headers a header-setting middleware sets, read once by running it on a stand-in answer: the same set for every
 * request (helmet's are), sent by code that answers outside express (the tile lane).
 */
export function headersSetBy(mw: RequestHandler): [string, string][] {
  const set = new Map<string, string>();
  const res = {
    setHeader: (k: string, v: string | number | string[]) => set.set(k, Array.isArray(v) ? v.join(', ') : String(v)),
    removeHeader: (k: string) => set.delete(k),
    getHeader: (k: string) => set.get(k),
  };
  let called = false;
  mw({ headers: {}, method: 'GET', url: '/' } as never, res as never, (err?: unknown) => {
    if (err) throw err;
    called = true;
  });
  if (!called) throw new Error('the header middleware did not finish synchronously');
  return [...set];
}

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
 * The security headers of a tile answer (`/tiles/**`: MVT, TileJSON and their errors). A tile is never a document a
 * browser shows, so it carries what guards a non-document (the security review's ask for tiles; OWASP REST security
 * headers): nosniff, Cross-Origin-Resource-Policy, a CSP that allows nothing and no framing, HSTS on https. helmet's
 * document-only headers (COOP, Origin-Agent-Cluster, Referrer-Policy, X-DNS-Prefetch-Control, X-Download-Options,
 * X-Frame-Options — frame-ancestors says it —, X-Permitted-Cross-Domain-Policies, X-XSS-Protection) are left off: eight
 * headers on the map's most frequent answer: warm tiles +7–11 % a second without them, paired (docs/benchmarks.md).
 */
export function tileSecurityHeaders(https: boolean): RequestHandler {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: { 'default-src': ["'none'"], 'frame-ancestors': ["'none'"] } },
    strictTransportSecurity: https,
    crossOriginEmbedderPolicy: false,
    crossOriginOpenerPolicy: false,
    originAgentCluster: false,
    referrerPolicy: false,
    xDnsPrefetchControl: false,
    xDownloadOptions: false,
    xFrameOptions: false,
    xPermittedCrossDomainPolicies: false,
    xXssProtection: false,
  });
}

/** helmet's headers by path: the tile set under `/tiles/`, the page's set everywhere else. */
export function securityHeadersByPath(https: boolean): { all: RequestHandler; tiles: RequestHandler } {
  const page = securityHeaders(https);
  const tiles = tileSecurityHeaders(https);
  return { tiles, all: (req, res, next) => ((req.url ?? '').startsWith('/tiles/') ? tiles : page)(req, res, next) };
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

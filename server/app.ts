import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import express, { type Router } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import type { Config } from './config';
import type { Db } from './db';
import { notFound } from './errors';
import { featureRouter } from './features/router';
import { errorMiddleware } from './http/error-middleware';
import { healthRouter } from './http/health';
import { accessGate, authenticate } from './http/auth';
import { authRouter } from './auth/router';
import { setPublicUrl } from './http/public-url';
import { isWriteRoute, rateLimits } from './http/rate-limit';
import { jsonBodyGuard, rejectNulInUrl } from './http/request-guards';
import { openapiRouter } from './http/openapi';
import type { Logger } from './logger';
import { tileRouter } from './tiles/router';
import type { WorkPool } from './work/pool';

export interface AppDeps {
  db: Db;
  config: Config;
  logger: Logger;
  /** further routers (parse, checks, assessments) mounted before the static client */
  extraRouters?: Router[];
  /** upload worker pool (feature writes validate their geometry there) */
  work?: WorkPool;
}

/** JSON nesting beyond any GeoJSON geometry or parameter object (a MultiPolygon Feature is 6 deep). */
export const JSON_MAX_DEPTH = 64;
/** `/api/export` bodies: a geometry to write out as a file. */
const EXPORT_BODY_LIMIT = '10mb';

/** The express app: routes only wire parsing, rules and named queries together. */
export function createApp({ db, config, logger, extraRouters = [], work }: AppDeps) {
  const app = express();
  app.disable('x-powered-by');
  // Off by default: X-Forwarded-* from a client is not believed (issue 12, F6). Behind a proxy, name it in TRUST_PROXY.
  app.set('trust proxy', config.TRUST_PROXY);
  setPublicUrl(app, config.PUBLIC_URL);
  const https = config.PUBLIC_URL?.startsWith('https://') ?? false;
  let version = Date.now().toString(36);
  const bump = () => {
    version = Date.now().toString(36) + Math.random().toString(36).slice(2, 6);
  };

  // Order matters (issue 12): headers for every response, tiles included; refuse NUL in URLs; spend the client's
  // budget for the route class; check the token of a write before reading its body; then parse bodies with per-route limits.
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // MapLibre needs blob: workers and data:/blob: images (engineering.md B3)
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
    }),
  );
  app.use(rejectNulInUrl());
  app.use(rateLimits(config));
  // Tiles before the request logger and body parsing: the hottest route (measured: bench/tiles)
  app.use(tileRouter({ db, dataVersion: () => version }));
  app.use(pinoHttp({ logger, autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/tiles/') } }));
  // who is asking (session cookie, personal token or ADMIN_TOKEN → principal), then the role a route class needs and
  // CSRF for cookie-authenticated writes — all before any body is read (issue 13)
  app.use(authenticate({ db, adminToken: config.ADMIN_TOKEN }));
  app.use(accessGate());
  const jsonTypes = ['application/json', 'application/geo+json', 'application/merge-patch+json'];
  const bigJson = express.json({ limit: config.MAX_UPLOAD_BYTES, type: jsonTypes });
  const exportJson = express.json({ limit: EXPORT_BODY_LIMIT, type: jsonTypes });
  const smallJson = express.json({ limit: config.JSON_BODY_LIMIT_BYTES, type: jsonTypes });
  app.use((req, res, next) => {
    // feature writes and checks carry whole geometries (up to MAX_VERTICES); exports up to 10 MB; everything else is small
    if (isWriteRoute(req) && !/\/api\/offsets\/?$/.test(req.path)) return bigJson(req, res, next);
    if (/\/api\/checks\/?$/.test(req.path)) return bigJson(req, res, next);
    if (/\/api\/export\/?$/.test(req.path)) return exportJson(req, res, next);
    return smallJson(req, res, next);
  });
  app.use(jsonBodyGuard(JSON_MAX_DEPTH));

  app.use(healthRouter(db));
  app.use(
    authRouter({
      db,
      secureCookie: https,
      sessionTtlHours: config.SESSION_TTL_HOURS,
      maxFailures: config.LOGIN_MAX_FAILURES,
      maxFailuresPerIp: config.LOGIN_MAX_FAILURES_PER_IP,
      lockSeconds: config.LOGIN_LOCK_SECONDS,
    }),
  );
  app.use(openapiRouter());
  app.use(
    featureRouter({
      db,
      adminToken: config.ADMIN_TOKEN,
      pageLimitDefault: config.PAGE_LIMIT_DEFAULT,
      pageLimitMax: config.PAGE_LIMIT_MAX,
      maxVertices: config.MAX_VERTICES,
      onWrite: bump,
      work,
    }),
  );
  for (const r of extraRouters) app.use(r);

  app.use(['/api', '/collections', '/tiles'], (req, _res, next) => next(notFound('route', req.originalUrl)));

  const staticDir = resolve(config.STATIC_DIR);
  if (existsSync(staticDir)) {
    app.use(express.static(staticDir, { index: 'index.html', maxAge: '1h' }));
    app.get(/^\/(?!api|tiles|collections).*/, (_req, res) => res.sendFile(resolve(staticDir, 'index.html')));
  }
  app.use(errorMiddleware);
  return app;
}

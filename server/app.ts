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
import { expensiveRouteLimit } from './http/rate-limit';
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

/** The express app: routes only wire parsing, rules and named queries together. */
export function createApp({ db, config, logger, extraRouters = [], work }: AppDeps) {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 1);
  let version = Date.now().toString(36);
  const bump = () => {
    version = Date.now().toString(36) + Math.random().toString(36).slice(2, 6);
  };

  // Tiles first: the hottest route needs no CSP, body parsing or per-request logger (measured: bench/tiles)
  app.use(tileRouter({ db, dataVersion: () => version }));
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
        },
      },
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.use(pinoHttp({ logger, autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/tiles/') } }));
  app.use(express.json({ limit: config.MAX_UPLOAD_BYTES, type: ['application/json', 'application/geo+json'] }));

  app.use(['/api/parse', '/api/checks', '/api/export', '/api/blocks/:id/export', '/api/blocks/:id/relinquishment-plans'], expensiveRouteLimit(config.RATE_LIMIT_PER_MIN));
  app.use(healthRouter(db));
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

import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import express, { type Request, type Router } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import type { Config } from './config';
import { contract } from './contract';
import type { Db } from './db';
import { notFound } from './errors';
import { handlerFor, routerFor } from './http/contract-route';
import { errorMiddleware } from './http/error-middleware';
import { expensiveRouteLimit } from './http/rate-limit';
import type { Logger } from './logger';
import { allRoutes } from './routes';

export interface AppDeps {
  db: Db;
  config: Config;
  logger: Logger;
  /** further routers mounted after the contract's routes, before the static client */
  extraRouters?: Router[];
}

/** `f=json`, or an Accept header that prefers JSON to HTML (OWSLib, GDAL, curl -H 'Accept: application/json'). */
function wantsJson(req: Request): boolean {
  const f = req.query.f;
  if (f === 'json') return true;
  if (f !== undefined) return false;
  return req.accepts(['html', 'json', 'application/geo+json']) !== 'html' && !!req.get('accept');
}

/** The express app: routes only wire parsing, rules and named queries together. */
export function createApp({ db, config, logger, extraRouters = [] }: AppDeps) {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 1);
  let version = Date.now().toString(36);
  const bump = () => {
    version = Date.now().toString(36) + Math.random().toString(36).slice(2, 6);
  };

  // Every route of the contract (server/contract), implemented in server/routes.ts
  const { tileJson, tile, ...routes } = allRoutes({ db, config, dataVersion: () => version, onWrite: bump });

  // Tiles first: the hottest route needs no CSP, body parsing or per-request logger (measured: bench/tiles)
  app.use(routerFor({ tileJson, tile }));
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

  app.use(
    ['/api/parse', '/api/checks', '/api/export', '/api/blocks/:id/export', '/api/blocks/:id/relinquishment-plans'],
    expensiveRouteLimit(config.RATE_LIMIT_PER_MIN),
  );
  app.use(routerFor(routes, config.ADMIN_TOKEN));
  // `/` is the page for browsers and the OGC landing page (same as /api) for clients asking for JSON
  app.get('/', (req, _res, next) => next(wantsJson(req) ? undefined : 'route'), ...handlerFor(contract.landing, routes.landing));
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

import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import express, { type Request, type Router } from 'express';
import proxyaddr from 'proxy-addr';
import { pinoHttp } from 'pino-http';
import type { Config } from './config';
import { contract } from './contract';
import type { Db } from './db';
import type { ReadRouter } from './db/read-replica';
import { notFound } from './errors';
import { compress } from './http/compress';
import { DataVersions, TileCache } from './tiles/cache';
import { TileExtents } from './tiles/extents';
import { laneErrorFirst, tileLane } from './tiles/lane';
import { TileService } from './tiles/service';
import { errorMiddleware } from './http/error-middleware';
import { handlerFor, routerFor } from './http/contract-route';
import { accessGate, authenticate } from './http/auth';
import { setPublicUrl } from './http/public-url';
import { headersSetBy, securityHeadersByPath } from './http/security-headers';
import { genReqId } from './http/request-id';
import { isWriteRoute, rateLimits } from './http/rate-limit';
import { JSON_MAX_DEPTH, inlineJson, offThreadJson } from './http/json-body';
import { jsonBodyGuard, rejectNulInUrl } from './http/request-guards';
import type { Logger } from './logger';
import { allRoutes, uncontractedRouters } from './routes';
import type { WorkPool } from './work/pool';

export interface AppDeps {
  db: Db;
  config: Config;
  logger: Logger;
  /** further routers mounted after the contract's routes, before the static client */
  extraRouters?: Router[];
  /** upload worker pool (feature writes validate their geometry there) */
  work?: WorkPool;
  /** read-only routes through a read replica (DATABASE_READ_URL); absent: every read on `db` */
  router?: ReadRouter;
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** `/api/export` bodies: a geometry to write out as a file. */
const EXPORT_BODY_LIMIT = '10mb';

/** `f=json`, or an Accept header that prefers JSON to HTML (OWSLib, GDAL, curl -H 'Accept: application/json'). */
function wantsJson(req: Request): boolean {
  const f = req.query.f;
  if (f === 'json') return true;
  if (f !== undefined) return false;
  return req.accepts(['html', 'json', 'application/geo+json']) !== 'html' && !!req.get('accept');
}

/** The express app: routes only wire parsing, rules and named queries together. */
export function createApp({ db, config, logger, extraRouters = [], work, router }: AppDeps) {
  const app = express();
  app.disable('x-powered-by');
  // Off by default: X-Forwarded-* from a client is not believed (issue 12, F6). Behind a proxy, name it in TRUST_PROXY.
  app.set('trust proxy', config.TRUST_PROXY);
  setPublicUrl(app, config.PUBLIC_URL);
  const https = config.PUBLIC_URL?.startsWith('https://') ?? false;
  // layers' data versions live in the database (bumped by trigger on every write, migration 013): re-read after this
  // process writes, polled for writes by other instances
  // with a read replica, tiles read their versions and their rows from the same server (one epoch of the router)
  const reads = router?.reads ?? db;
  const versions = new DataVersions(
    async () => (await reads.named<{ layer: string; version: string }>('data_versions')).rows,
    router && (() => router.epoch()),
  );
  void versions.refresh().catch(() => undefined);
  versions.start(config.TILE_VERSION_POLL_MS);
  const tileCache = config.TILE_CACHE_MB > 0 ? new TileCache(config.TILE_CACHE_MB * 1024 * 1024) : undefined;
  const bump = () => versions.invalidate();
  // every layer's row boxes at its version: tiles with nothing in them answered without a statement (issue 17)
  const extents = new TileExtents(async (table) => {
    const row = (await reads.named<{ version: string | null; boxes: Uint8Array | null }>('layer_boxes', [table])).rows[0];
    return { version: row.version, boxes: row.boxes };
  });
  const tiles = new TileService({
    db: reads,
    versions,
    extents,
    cache: tileCache,
    epoch: router && (() => router.epoch()),
    statements: config.TILE_RENDER_STATEMENTS,
  });

  // Every route of the contract (server/contract), implemented in server/routes.ts
  const { tileJson, tile, ...routes } = allRoutes({ db, reads, config, work, tiles, onWrite: bump, router });

  // Order matters (issue 12): headers for every response, tiles included; refuse NUL in URLs; spend the client's
  // budget for the route class; check the token of a write before reading its body; then parse bodies with per-route limits.
  const security = securityHeadersByPath(https);
  app.use(security.all);
  // a tile request the lane in front met an error on is answered here from that error (server/tiles/lane.ts)
  app.use(laneErrorFirst());
  app.use(rejectNulInUrl());
  // a write request pins this instance's reads to the primary until the replica has replayed it (read-your-writes)
  if (router)
    app.use((req, res, next) => {
      // parsing and exporting a posted file write nothing: they leave the reads where they are
      if (WRITE_METHODS.has(req.method) && !/\/api\/(parse|export)\/?$/.test(req.path)) {
        router.beginWrite();
        res.once('close', () => void router.endWrite());
      }
      next();
    });
  const limits = rateLimits(config, db, (err) =>
    logger.warn({ err: { message: err.message } }, 'shared rate limits: count kept in this instance'),
  );
  app.use(limits);
  app.use(compress());
  // Tiles before the request logger and body parsing: the hottest route (measured: bench/tiles). Most tile requests
  // never reach express: the tile lane answers them (server/tiles/lane.ts); these routes take the rest.
  app.use(routerFor({ tileJson, tile }));
  app.use(pinoHttp({ logger, genReqId, autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/tiles/') } }));
  // who is asking (session cookie, personal token or ADMIN_TOKEN → principal), then the role a route class needs and
  // CSRF for cookie-authenticated writes — all before any body is read (issue 13)
  app.use(authenticate({ db, adminToken: config.ADMIN_TOKEN }));
  app.use(accessGate());
  const jsonTypes = ['application/json', 'application/geo+json', 'application/merge-patch+json'];
  // every JSON body is parsed by one function (parseJsonBody), on the main thread or in a worker: a repeated key, a
  // `__proto__` key or a number beyond the double range is refused at its line and column wherever it is read
  const bigJson = inlineJson({ limit: config.MAX_UPLOAD_BYTES, types: jsonTypes });
  const exportJson = inlineJson({ limit: EXPORT_BODY_LIMIT, types: jsonTypes });
  const smallJson = inlineJson({ limit: config.JSON_BODY_LIMIT_BYTES, types: jsonTypes });
  // checks and exports: read as bytes, parsed in the upload workers (never on the main thread)
  const bigRaw = work && offThreadJson({ limit: config.MAX_UPLOAD_BYTES, types: jsonTypes, work, maxDepth: JSON_MAX_DEPTH });
  const exportRaw = work && offThreadJson({ limit: EXPORT_BODY_LIMIT, types: jsonTypes, work, maxDepth: JSON_MAX_DEPTH });
  app.use((req, res, next) => {
    // feature writes and checks carry whole geometries (up to MAX_VERTICES); exports up to 10 MB; everything else is small
    if (isWriteRoute(req) && !/\/api\/offsets\/?$/.test(req.path)) return bigJson(req, res, next);
    if (/\/api\/checks\/?$/.test(req.path)) return (bigRaw ?? bigJson)(req, res, next);
    if (/\/api\/export\/?$/.test(req.path)) return (exportRaw ?? exportJson)(req, res, next);
    return smallJson(req, res, next);
  });
  app.use(jsonBodyGuard(JSON_MAX_DEPTH));

  // routes declared in the contract but still express routers (reports: before `check`, it takes POST /api/checks?format=pdf|store=true;
  // sign-in, tokens and accounts: server/auth/router.ts)
  for (const r of uncontractedRouters({ db, config, work })) app.use(r);
  app.use(routerFor(routes, config.ADMIN_TOKEN));
  // `/` is the page for browsers and the OGC landing page (same as /api) for clients asking for JSON
  app.get('/', (req, _res, next) => next(wantsJson(req) ? undefined : 'route'), ...handlerFor(contract.landing, routes.landing));
  for (const r of extraRouters) app.use(r);

  app.use(['/api', '/collections', '/tiles'], (req, _res, next) => next(notFound('route', req.originalUrl)));

  const staticDir = resolve(config.STATIC_DIR);
  if (existsSync(staticDir)) {
    // Vite names built assets by content hash: they never change under one name, so browsers may keep them a year.
    // index.html names the current hashes and is revalidated on every load.
    app.use(
      '/assets',
      express.static(resolve(staticDir, 'assets'), { immutable: true, maxAge: '365d', index: false }),
      (req: express.Request, _res: express.Response, next: express.NextFunction) => next(notFound('asset', req.originalUrl)),
    );
    app.use(express.static(staticDir, { index: 'index.html', maxAge: 0, setHeaders: (res) => res.setHeader('Cache-Control', 'no-cache') }));
    app.get(/^\/(?!api|tiles|collections).*/, (_req, res) => {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(resolve(staticDir, 'index.html'));
    });
  }
  app.use(errorMiddleware);
  // the service's request listener: the tile lane, then express (startServer listens with it)
  const trust = app.get('trust proxy fn') as (addr: string, i: number) => boolean;
  const listener = tileLane({
    tiles,
    security: headersSetBy(security.tiles),
    budget: limits.tiles,
    clientIp: (req) => proxyaddr(req, trust),
    next: app,
  });
  return Object.assign(app, { listener });
}

import type { Router } from 'express';
import type { Config } from './config';
import type { Db } from './db';
import type { ReadRouter } from './db/read-replica';
import { applicationRoutes } from './applications/router';
import { authRouter } from './auth/router';
import { auditRoutes } from './audit/router';
import { featureRoutes } from './features/router';
import { concurrencyCap } from './http/busy';
import { implement, type Implementations } from './http/contract-route';
import { healthRoutes } from './http/health';
import { investmentRoutes } from './investment/router';
import { openapi } from './http/openapi';
import type { ParseLimits } from './parse';
import { checksRoutes } from './routes/checks';
import { blockExportRoutes } from './routes/block-export';
import { lifecycleRoutes } from './routes/lifecycle';
import { parseRoutes } from './routes/parse';
import { paymentRoutes } from './payments/router';
import { recordRoutes } from './records/router';
import { reportsRouter } from './routes/reports';
import { tileRoutes } from './tiles/router';
import type { TileService } from './tiles/service';
import type { WorkPool } from './work/pool';

export interface DomainDeps {
  db: Db;
  /** read-only routes (item lists, collections, tiles, the whole-register list): the read replica's router, else `db` */
  reads?: Db;
  /** the replica's state for `/api/health` */
  router?: ReadRouter;
  config: Config;
  /** upload worker pool (server/work); without it upload work runs on the main thread (unit tests) */
  work?: WorkPool;
  /** tile answers (versions, cache), shared with the tile lane in front of express */
  tiles: TileService;
  /** called after every feature write */
  onWrite: () => void;
}

/** One count of uploads in progress per service (one config): parse, export, checks and reports share it (429 BUSY beyond). */
const caps = new WeakMap<Config, ReturnType<typeof concurrencyCap>>();
function uploadsCap(config: Config) {
  let cap = caps.get(config);
  if (!cap) caps.set(config, (cap = concurrencyCap(config.MAX_CONCURRENT_UPLOADS)));
  return cap;
}

/** Upload limits from the configuration (one place; parse and checks share them). */
export function parseLimits(config: Config): Partial<ParseLimits> {
  return {
    maxUploadBytes: config.MAX_UPLOAD_BYTES,
    maxArchiveBytes: config.MAX_DECOMPRESSED_BYTES,
    maxVertices: config.MAX_VERTICES,
    maxParcels: config.MAX_PARCELS,
    maxXmlElements: config.MAX_XML_ELEMENTS,
    maxLineBytes: config.MAX_LINE_BYTES,
  };
}

/**
 * Every route of the contract (server/contract), implemented: the type says the compiler insists on each
 * one and on each handler's response shape. Each family lives in its own module. The report routes
 * (server/contract/reports.ts) are declared in the contract and served by `uncontractedRouters`.
 */
export function allRoutes({ db, reads, router, config, work, tiles, onWrite }: DomainDeps): Implementations {
  // one count of uploads in progress over parse, export and checks (429 BUSY beyond)
  const uploads = uploadsCap(config);
  return {
    ...healthRoutes(db, router),
    ...implement({ openapi: { handler: () => ({ status: 200, body: openapi() }) } }),
    ...featureRoutes({
      db,
      reads,
      pageLimitDefault: config.PAGE_LIMIT_DEFAULT,
      pageLimitMax: config.PAGE_LIMIT_MAX,
      maxVertices: config.MAX_VERTICES,
      onWrite,
      work,
    }),
    ...tileRoutes(tiles.deps, tiles),
    ...parseRoutes({ limits: parseLimits(config), work, uploads }),
    ...blockExportRoutes(db),
    ...checksRoutes({ db, reads, config, limits: parseLimits(config), work, uploads }),
    ...lifecycleRoutes({ db }),
    ...auditRoutes({ db }),
    ...applicationRoutes({ db, maxVertices: config.MAX_VERTICES, onWrite }),
    ...investmentRoutes({ db }),
    ...paymentRoutes({ db }),
    ...recordRoutes({ db, maxVertices: config.MAX_VERTICES, onWrite }),
  };
}

/** Routes declared in the contract (validated in the API suite, in the OpenAPI document) still served by express routers. */
export function uncontractedRouters({ db, config, work }: Pick<DomainDeps, 'db' | 'config' | 'work'>): Router[] {
  return [
    reportsRouter({ db, config, limits: parseLimits(config), work, uploads: uploadsCap(config) }),
    authRouter({
      db,
      secureCookie: config.PUBLIC_URL?.startsWith('https://') ?? false,
      sessionTtlHours: config.SESSION_TTL_HOURS,
      maxFailures: config.LOGIN_MAX_FAILURES,
      maxFailuresPerIp: config.LOGIN_MAX_FAILURES_PER_IP,
      lockSeconds: config.LOGIN_LOCK_SECONDS,
    }),
  ];
}

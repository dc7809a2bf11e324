import type { Config } from './config';
import type { Db } from './db';
import { featureRoutes } from './features/router';
import { implement, type Implementations } from './http/contract-route';
import { openapi } from './http/openapi';
import type { ParseLimits } from './parse';
import { checksRoutes } from './routes/checks';
import { blockExportRoutes } from './routes/block-export';
import { lifecycleRoutes } from './routes/lifecycle';
import { parseRoutes } from './routes/parse';
import { tileRoutes } from './tiles/router';

export interface DomainDeps {
  db: Db;
  config: Config;
  /** the data version tiles carry in their ETag */
  dataVersion: () => string;
  /** called after every feature write */
  onWrite: () => void;
}

/** Upload limits from the configuration (one place; parse and checks share them). */
export function parseLimits(config: Config): Partial<ParseLimits> {
  return {
    maxUploadBytes: config.MAX_UPLOAD_BYTES,
    maxArchiveBytes: config.MAX_DECOMPRESSED_BYTES,
    maxVertices: config.MAX_VERTICES,
    maxParcels: config.MAX_PARCELS,
  };
}

/**
 * Every route of the contract (server/contract), implemented: the type says the compiler insists on each
 * one and on each handler's response shape. Each family lives in its own module.
 */
export function allRoutes({ db, config, dataVersion, onWrite }: DomainDeps): Implementations {
  return {
    ...implement({
      health: {
        handler: async () => {
          const row = (await db.named<{ postgis: string }>('health')).rows[0];
          return {
            status: 200,
            headers: { 'Cache-Control': 'no-store' },
            body: { status: 'ok' as const, database: { engine: db.engine, postgis: row?.postgis } },
          };
        },
      },
      openapi: { handler: () => ({ status: 200, body: openapi() }) },
    }),
    ...featureRoutes({
      db,
      pageLimitDefault: config.PAGE_LIMIT_DEFAULT,
      pageLimitMax: config.PAGE_LIMIT_MAX,
      maxVertices: config.MAX_VERTICES,
      onWrite,
    }),
    ...tileRoutes({ db, dataVersion }),
    ...parseRoutes({ limits: parseLimits(config) }),
    ...blockExportRoutes(db),
    ...checksRoutes({ db, config, limits: parseLimits(config) }),
    ...lifecycleRoutes({ db }),
  };
}

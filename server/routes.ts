import type { Router } from 'express';
import type { Config } from './config';
import type { Db } from './db';
import type { ParseLimits } from './parse';
import { checksRouter } from './routes/checks';
import { blockExportRouter } from './routes/block-export';
import { lifecycleRouter } from './routes/lifecycle';
import { parseRouter } from './routes/parse';
import { reportsRouter } from './routes/reports';

export interface DomainDeps {
  db: Db;
  config: Config;
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

/** The domain routes (parse, checks, assessments, planner), each in its own module. */
export function domainRouters({ db, config }: DomainDeps): Router[] {
  return [
    parseRouter({ limits: parseLimits(config) }),
    blockExportRouter(db),
    lifecycleRouter({ db, adminToken: config.ADMIN_TOKEN }),
    reportsRouter({ db, config, limits: parseLimits(config) }), // before checksRouter: takes POST /api/checks?format=pdf|store=true
    checksRouter({ db, config, limits: parseLimits(config) }),
  ];
}

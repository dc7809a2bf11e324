import type { Router } from 'express';
import type { Config } from './config';
import type { Db } from './db';
import { concurrencyCap } from './http/busy';
import type { ParseLimits } from './parse';
import { checksRouter } from './routes/checks';
import { blockExportRouter } from './routes/block-export';
import { lifecycleRouter } from './routes/lifecycle';
import { parseRouter } from './routes/parse';
import type { WorkPool } from './work/pool';
import { reportsRouter } from './routes/reports';

export interface DomainDeps {
  db: Db;
  config: Config;
  /** upload worker pool (server/work); without it upload work runs on the main thread (unit tests) */
  work?: WorkPool;
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

/** The domain routes (parse, checks, assessments, planner), each in its own module. */
export function domainRouters({ db, config, work }: DomainDeps): Router[] {
  // one count of uploads in progress over parse, export and checks (429 BUSY beyond)
  const uploads = concurrencyCap(config.MAX_CONCURRENT_UPLOADS);
  return [
    parseRouter({ limits: parseLimits(config), work, uploads }),
    blockExportRouter(db),
    lifecycleRouter({ db, adminToken: config.ADMIN_TOKEN }),
    reportsRouter({ db, config, limits: parseLimits(config), work, uploads }), // before checksRouter: takes POST /api/checks?format=pdf|store=true
    checksRouter({ db, config, limits: parseLimits(config), work, uploads }),
  ];
}

import type { Router } from 'express';
import type { Config } from './config';
import type { Db } from './db';

export interface DomainDeps {
  db: Db;
  config: Config;
}

/** The domain routes (parse, checks, assessments, planner), each in its own module. */
export function domainRouters(_deps: DomainDeps): Router[] {
  return [];
}

/**
 * Annual investment and the abnormal list over HTTP (issue 14 item 3), declared in server/contract/investment.ts.
 * Wiring only: who is asking → the services (service.ts, ../abnormal/service.ts) → the declared answer.
 */
import type { Request } from 'express';
import type { Db } from '../db';
import { treeOf } from '../auth/context';
import { principalOf } from '../auth/principal';
import { implement } from '../http/contract-route';
import { requestIdOf } from '../http/request-id';
import { abnormalList, publish } from '../abnormal/service';
import { blockInvestment, fileReport } from './service';

const actor = (req: Request) => ({ principal: principalOf(req), tree: treeOf(req), request_id: requestIdOf(req) });
const PRIVATE = { 'Cache-Control': 'private, no-store', Vary: 'Cookie, Authorization' };

export function investmentRoutes(deps: { db: Db }) {
  const { db } = deps;
  return implement({
    fileInvestmentReport: {
      handler: async ({ params, body, req }) => ({
        status: 201,
        headers: PRIVATE,
        body: await fileReport(db, actor(req), params.id, body),
      }),
    },
    blockInvestment: {
      handler: async ({ params, query, req }) => ({
        status: 200,
        headers: PRIVATE,
        body: await blockInvestment(db, actor(req), params.id, query.deadline_mmdd),
      }),
    },
    abnormalList: {
      handler: async ({ query, req }) => ({
        status: 200,
        headers: { Vary: 'Cookie, Authorization' },
        body: await abnormalList(db, actor(req), query),
      }),
    },
    publishAbnormalList: {
      handler: async ({ body, req }) => ({ status: 201, body: await publish(db, actor(req), body) }),
    },
  });
}

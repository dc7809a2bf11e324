/**
 * Payments over HTTP (issue 14 item 4), declared in server/contract/payments.ts. Wiring only: who is asking → the service
 * (service.ts) → the declared answer.
 */
import type { Request } from 'express';
import type { Db } from '../db';
import { treeOf } from '../auth/context';
import { principalOf } from '../auth/principal';
import { implement } from '../http/contract-route';
import { requestIdOf } from '../http/request-id';
import { blockStatement, dueCalendar, issueObligations, recordPayment } from './service';

const actor = (req: Request) => ({ principal: principalOf(req), tree: treeOf(req), request_id: requestIdOf(req) });
const VARY = { Vary: 'Cookie, Authorization' };

export function paymentRoutes({ db }: { db: Db }) {
  return implement({
    blockPayments: {
      handler: async ({ params, query, req }) => ({
        status: 200,
        headers: VARY,
        body: await blockStatement(db, actor(req), params.id, query.on),
      }),
    },
    issueObligations: {
      handler: async ({ params, body, req }) => ({ status: 200, body: await issueObligations(db, actor(req), params.id, body) }),
    },
    recordPayment: {
      handler: async ({ body, req }) => {
        const out = await recordPayment(db, actor(req), body);
        return { status: 201, headers: { Location: `/api/blocks/${encodeURIComponent(out.obligation.block_id)}/payments` }, body: out };
      },
    },
    paymentsDue: {
      handler: async ({ query, req }) => ({ status: 200, headers: VARY, body: await dueCalendar(db, actor(req), query) }),
    },
  });
}

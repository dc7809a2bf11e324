/**
 * Records on file over HTTP (issue 14 items 5 and 6), declared in server/contract/records.ts. Wiring only: who is
 * asking → the service (service.ts) → the declared answer.
 */
import type { Request } from 'express';
import type { Db } from '../db';
import { treeOf } from '../auth/context';
import { principalOf } from '../auth/principal';
import { implement } from '../http/contract-route';
import { requestIdOf } from '../http/request-id';
import {
  createAgreement,
  createConsent,
  createFlag,
  listAgreements,
  listConsents,
  listFlags,
  readAgreement,
  releaseFlag,
  withdrawAgreement,
  withdrawConsent,
} from './service';
import { createCommitment, listCommitments, readCommitment, withdrawCommitment } from './commitments';

const actor = (req: Request) => ({ principal: principalOf(req), tree: treeOf(req), request_id: requestIdOf(req) });

export function recordRoutes(deps: { db: Db; maxVertices: number; onWrite?: (collection: string) => void }) {
  const { db } = deps;
  return implement({
    createAgreement: {
      handler: async ({ body, req }) => {
        const out = await createAgreement(db, actor(req), body, deps.maxVertices);
        return { status: 201, headers: { Location: `/api/agreements/${encodeURIComponent(out.id)}` }, body: out };
      },
    },
    listAgreements: {
      handler: async ({ query, req }) => ({
        status: 200,
        headers: { Vary: 'Cookie, Authorization' },
        body: { items: await listAgreements(db, actor(req), query.block_id, query.withdrawn === 'true') },
      }),
    },
    getAgreement: {
      handler: async ({ params, req }) => ({ status: 200, body: await readAgreement(db, actor(req), params.id) }),
    },
    withdrawAgreement: {
      handler: async ({ params, body, req }) => ({ status: 200, body: await withdrawAgreement(db, actor(req), params.id, body.reason) }),
    },
    createCommitment: {
      handler: async ({ body, req }) => {
        const out = await createCommitment(db, actor(req), body, deps.maxVertices);
        return { status: 201, headers: { Location: `/api/commitments/${encodeURIComponent(out.id)}` }, body: out };
      },
    },
    listCommitments: {
      handler: async ({ query, req }) => ({
        status: 200,
        headers: { Vary: 'Cookie, Authorization' },
        body: { items: await listCommitments(db, actor(req), query.block_id, query.withdrawn === 'true') },
      }),
    },
    getCommitment: {
      handler: async ({ params, req }) => ({ status: 200, body: await readCommitment(db, actor(req), params.id) }),
    },
    withdrawCommitment: {
      handler: async ({ params, body, req }) => ({ status: 200, body: await withdrawCommitment(db, actor(req), params.id, body.reason) }),
    },
    createConsent: {
      handler: async ({ params, body, req }) => {
        const out = await createConsent(db, req, actor(req), params.id, body);
        deps.onWrite?.('blocks');
        return { status: 201, body: out };
      },
    },
    flagConsents: {
      handler: async ({ params, req }) => ({
        status: 200,
        headers: { Vary: 'Cookie, Authorization' },
        body: { items: await listConsents(db, req, params.id) },
      }),
    },
    withdrawConsent: {
      handler: async ({ params, body, req }) => {
        const out = await withdrawConsent(db, req, actor(req), params.id, body.reason);
        deps.onWrite?.('blocks');
        return { status: 200, body: out };
      },
    },
    blockFlags: {
      handler: async ({ params, query }) => ({ status: 200, body: { items: await listFlags(db, params.id, query.released === 'true') } }),
    },
    createFlag: {
      handler: async ({ params, body, req }) => {
        const out = await createFlag(db, req, actor(req), params.id, body);
        deps.onWrite?.('blocks');
        return { status: 201, body: out };
      },
    },
    releaseFlag: {
      handler: async ({ params, body, req }) => {
        const out = await releaseFlag(db, req, actor(req), params.id, body);
        deps.onWrite?.('blocks');
        return { status: 200, body: out };
      },
    },
  });
}

/**
 * Applications over HTTP (issue 14 item 1), declared in server/contract/applications.ts. Wiring only: who is asking →
 * the service (service.ts) → the declared answer.
 */
import type { Request } from 'express';
import type { Db } from '../db';
import { treeOf } from '../auth/context';
import { principalOf } from '../auth/principal';
import { etagOf } from '../features/etag';
import { implement, originOf, pageLinks } from '../http/contract-route';
import { requestIdOf } from '../http/request-id';
import { conversionCheckFor } from './conversion';
import { applicationOut, createApplication, editDraft, listApplications, readApplication, takeStep, type ServiceDeps } from './service';

const actor = (req: Request) => ({ principal: principalOf(req), tree: treeOf(req), request_id: requestIdOf(req) });
const location = (id: string) => `/api/applications/${encodeURIComponent(id)}`;

export function applicationRoutes(deps: { db: Db; maxVertices: number; onWrite?: (collection: string) => void }) {
  const svc: ServiceDeps = deps;
  const { db } = deps;
  const answer = (out: Awaited<ReturnType<typeof readApplication>>) => ({
    status: 200 as const,
    headers: { ETag: etagOf(out.row.version), Vary: 'Cookie, Authorization' },
    body: applicationOut(out.row, out.steps),
  });
  return implement({
    createApplication: {
      handler: async ({ body, req }) => {
        const out = await createApplication(svc, actor(req), body);
        return {
          status: 201,
          headers: { Location: location(out.row.id), ETag: etagOf(out.row.version) },
          body: applicationOut(out.row, out.steps),
        };
      },
    },
    listApplications: {
      handler: async ({ query, req }) => {
        const page = await listApplications(db, actor(req), query);
        return {
          status: 200,
          headers: { Vary: 'Cookie, Authorization' },
          body: {
            items: page.rows.map((r) => {
              const { snapshot: _s, steps: _t, ...rest } = applicationOut(r);
              return rest;
            }),
            authority: page.authority,
            numberMatched: page.matched,
            numberReturned: page.rows.length,
            links: pageLinks(
              `${originOf(req)}${req.path}`,
              query,
              { offset: query.offset, limit: query.limit, returned: page.rows.length, matched: page.matched },
              { type: 'application/json' },
            ),
          },
        };
      },
    },
    getApplication: {
      handler: async ({ params, req }) => answer(await readApplication(db, actor(req), params.id)),
    },
    editApplication: {
      handler: async ({ params, body, req }) => answer(await editDraft(svc, actor(req), params.id, body, req.get('if-match'))),
    },
    conversionCheck: {
      handler: async ({ params, body, req }) => {
        const out = await conversionCheckFor(db, actor(req), params.id, body.geometry, deps.maxVertices);
        return {
          status: 200,
          headers: { Vary: 'Cookie, Authorization' },
          body: { block_id: out.block.id, check: out.check, remaining: out.remaining },
        };
      },
    },
    applicationTransition: {
      handler: async ({ params, body, req }) => {
        const { action, ...step } = body;
        return answer(await takeStep(svc, actor(req), params.id, action, step, req.get('if-match')));
      },
    },
  });
}

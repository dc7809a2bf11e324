/** Service health and the API definition itself. */
import { z } from 'zod';
import { defineRoute } from './define';

export const Health = z
  .object({ status: z.literal('ok'), database: z.object({ engine: z.enum(['postgis', 'pglite']), postgis: z.string().optional() }) })
  .meta({ id: 'Health' });

export const metaRoutes = {
  health: defineRoute({
    method: 'get',
    path: '/api/health',
    summary: 'Service and database health',
    tags: ['Service'],
    responses: { 200: { description: 'engine and PostGIS version', json: Health } },
    errors: {},
  }),
  openapi: defineRoute({
    method: 'get',
    path: '/api/openapi.json',
    summary: 'This OpenAPI 3.0 document (generated from the contract, server/contract)',
    tags: ['Service'],
    responses: {
      200: {
        description: 'OpenAPI 3.0.3',
        json: z.looseObject({ openapi: z.string(), paths: z.record(z.string(), z.unknown()) }),
        type: 'application/vnd.oai.openapi+json;version=3.0',
      },
    },
    errors: {},
  }),
};

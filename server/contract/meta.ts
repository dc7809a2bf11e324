/** Service health and the API definition itself. */
import { z } from 'zod';
import { defineRoute } from './define';
import { Message } from './common';

const engine = z.enum(['postgis', 'pglite']);
/** The read replica (DATABASE_READ_URL), probed on its own connection; absent without one. */
const Replica = z
  .object({
    up: z.boolean(),
    standby: z.boolean().optional().describe('a streaming standby (pg_is_in_recovery)'),
    lag_ms: z.number().optional().describe('0 when all WAL received is applied, else the age of the last applied transaction'),
    replay_lsn: z.string().optional(),
    latency_ms: z.number().optional(),
    reason: z.string().optional().describe('why it is down (connection error code)'),
    serving_reads: z.boolean().describe('read-only routes read from it now (else from the primary)'),
    reads: z.object({ primary: z.number().int(), replica: z.number().int() }).describe('read queries each server answered'),
  })
  .meta({ id: 'HealthReplica' });
export const Health = z
  .object({
    status: z.literal('ok'),
    database: z.object({ engine, postgis: z.string().optional(), up: z.literal(true), latency_ms: z.number() }),
    replica: Replica.optional(),
  })
  .meta({ id: 'Health' });
export const HealthDegraded = z
  .object({
    status: z.literal('degraded'),
    database: z.object({
      engine,
      up: z.literal(false),
      reason: z.string().describe('the connection error code (ECONNREFUSED …), CONNECTION or PROBE_FAILED'),
    }),
    replica: Replica.optional(),
    note: Message,
  })
  .meta({ id: 'HealthDegraded' });

export const metaRoutes = {
  health: defineRoute({
    method: 'get',
    path: '/api/health',
    summary: 'Service and database health',
    tags: ['Service'],
    responses: {
      200: { description: 'engine, PostGIS version, probe latency', json: Health },
      503: { description: 'the database cannot be reached (Retry-After: 5)', json: HealthDegraded },
    },
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

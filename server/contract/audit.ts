/** The audit trail (issue 13): who changed what, for regulators and administrators. */
import { z } from 'zod';
import { defineRoute } from './define';
import { isoDay, Link } from './common';

const AUDIT_LIMIT_DEFAULT = 50;
const AUDIT_LIMIT_MAX = 1000;

const AuditQuery = z.object({
  collection: z.string().min(1).max(100).optional().describe('collection id (or offsets, checks)'),
  id: z.string().min(1).max(200).optional().describe('item id'),
  actor: z.string().min(1).max(200).optional().describe('account name'),
  since: z.iso.datetime({ offset: true }).or(isoDay).optional().describe('date or instant, inclusive'),
  limit: z.coerce.number().int().min(1).max(AUDIT_LIMIT_MAX).default(AUDIT_LIMIT_DEFAULT),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});

const AuditEntry = z
  .object({
    id: z.string(),
    at: z.string().describe('ISO 8601 UTC'),
    actor: z.string(),
    actor_user_id: z.string().nullable(),
    role: z.string(),
    via: z.string(),
    operation: z.string(),
    collection: z.string(),
    item_id: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
    request_id: z.string().nullable(),
  })
  .meta({ id: 'AuditEntry' });

const AuditPage = z
  .object({
    items: z.array(AuditEntry),
    numberMatched: z.number().int().optional(),
    numberReturned: z.number().int(),
    links: z.array(Link),
  })
  .meta({ id: 'AuditPage' });

export const auditRoutes = {
  audit: defineRoute({
    method: 'get',
    path: '/api/audit',
    summary: 'The audit trail, newest first, paged (regulators and administrators)',
    tags: ['Audit'],
    query: AuditQuery,
    badInput: 'INVALID_QUERY',
    responses: { 200: { description: 'audit entries', json: AuditPage } },
    errors: { 401: ['UNAUTHORIZED'], 403: ['FORBIDDEN'], 422: ['INVALID_QUERY'] },
  }),
};

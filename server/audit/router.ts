/**
 * GET /api/audit: the audit trail (issue 13), newest first, paged — for regulators and administrators.
 * Filters: collection, id (item id), actor (account name), since (date or instant, inclusive).
 */
import { Router } from 'express';
import { z } from 'zod';
import type { Db } from '../db';
import { AppError } from '../errors';
import { route } from '../http/async';
import { fromZod } from '../http/error-middleware';
import { isoDay } from '../http/iso-day';
import { publicOrigin } from '../http/public-url';
import { defineMessages, say } from '../i18n/message';
import { ANONYMOUS, principalOf } from '../auth/principal';
import { identifyOnRead, mayReadAudit } from './access';

export const AUDIT_LIMIT_DEFAULT = 50;
export const AUDIT_LIMIT_MAX = 1000;

const AuditQuery = z.object({
  collection: z.string().min(1).max(100).optional(),
  id: z.string().min(1).max(200).optional(),
  actor: z.string().min(1).max(200).optional(),
  since: z.string().datetime({ offset: true }).or(isoDay).optional(),
  limit: z.coerce.number().int().min(1).max(AUDIT_LIMIT_MAX).default(AUDIT_LIMIT_DEFAULT),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});

const SAY = defineMessages({
  AUDIT_NEEDS_SIGN_IN: {
    en: () => 'The audit trail is for regulators and administrators: sign in (Authorization: Bearer …)',
    zh: () => '审计记录仅供监管人员和管理员查看，请先登录（Authorization: Bearer …）',
  },
  AUDIT_FORBIDDEN: {
    en: (p: { role: string }) => `The audit trail is for regulators and administrators, not for the role "${p.role}"`,
    zh: (p) => `审计记录仅供监管人员和管理员查看，角色“${p.role}”无权查看`,
  },
});

interface AuditRowOut {
  matched: number | string;
  id: string;
  at: Date | string;
  actor: string;
  actor_user_id: string | null;
  role: string;
  via: string;
  operation: string;
  collection: string;
  item_id: string | null;
  before: unknown;
  after: unknown;
  request_id: string | null;
}

export function auditRouter({ db, adminToken }: { db: Db; adminToken: string }): Router {
  const r = Router();
  r.get(
    '/api/audit',
    identifyOnRead(adminToken),
    route(async (req, res) => {
      const who = principalOf(req);
      if (!mayReadAudit(who)) {
        const m = who === ANONYMOUS ? say(SAY, 'AUDIT_NEEDS_SIGN_IN') : say(SAY, 'AUDIT_FORBIDDEN', { role: who.role });
        throw new AppError(who === ANONYMOUS ? 401 : 403, who === ANONYMOUS ? 'UNAUTHORIZED' : 'FORBIDDEN', m.message, m.message_zh);
      }
      const q = AuditQuery.safeParse(req.query);
      if (!q.success) throw fromZod(q.error, 'INVALID_QUERY');
      const { collection, id, actor, since, limit, offset } = q.data;
      const rows = (
        await db.named<AuditRowOut>('audit_list', [collection ?? null, id ?? null, actor ?? null, since ?? null, limit, offset])
      ).rows;
      const matched = rows.length ? Number(rows[0].matched) : offset === 0 ? 0 : undefined;
      const self = new URL(`${publicOrigin(req)}${req.originalUrl}`);
      const links = [{ rel: 'self', type: 'application/json', href: self.toString() }];
      if (matched !== undefined && offset + rows.length < matched) {
        const next = new URL(self);
        next.searchParams.set('offset', String(offset + rows.length));
        next.searchParams.set('limit', String(limit));
        links.push({ rel: 'next', type: 'application/json', href: next.toString() });
      }
      res.json({
        items: rows.map(({ matched: _m, at, ...row }) => ({ ...row, at: new Date(at).toISOString() })),
        numberMatched: matched,
        numberReturned: rows.length,
        links,
      });
    }),
  );
  return r;
}

/**
 * GET /api/audit: the audit trail (issue 13), newest first, paged — for regulators and administrators.
 * Filters: collection, id (item id), actor (account name), since (date or instant, inclusive).
 * Declared in the contract (server/contract/audit.ts).
 */
import type { Db } from '../db';
import { AppError } from '../errors';
import { implement, originOf, pageLinks } from '../http/contract-route';
import { defineMessages, say } from '../i18n/message';
import { ANONYMOUS, principalOf } from '../auth/principal';
import { mayReadAudit } from './access';

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

export function auditRoutes({ db }: { db: Db }) {
  return implement({
    audit: {
      handler: async ({ query, req }) => {
        const who = principalOf(req);
        if (!mayReadAudit(who)) {
          const m = who === ANONYMOUS ? say(SAY, 'AUDIT_NEEDS_SIGN_IN') : say(SAY, 'AUDIT_FORBIDDEN', { role: who.role });
          throw new AppError(who === ANONYMOUS ? 401 : 403, who === ANONYMOUS ? 'UNAUTHORIZED' : 'FORBIDDEN', m.message, m.message_zh);
        }
        const { collection, id, actor, since, limit, offset } = query;
        const rows = (
          await db.named<AuditRowOut>('audit_list', [collection ?? null, id ?? null, actor ?? null, since ?? null, limit, offset])
        ).rows;
        const matched = rows.length ? Number(rows[0].matched) : offset === 0 ? 0 : undefined;
        return {
          status: 200,
          body: {
            items: rows.map(({ matched: _m, at, ...row }) => ({ ...row, id: String(row.id), at: new Date(at).toISOString() })),
            numberMatched: matched,
            numberReturned: rows.length,
            links: pageLinks(
              `${originOf(req)}${req.baseUrl}${req.path}`,
              query,
              { offset, limit, returned: rows.length, matched },
              {
                type: 'application/json',
              },
            ),
          },
        };
      },
    },
  });
}

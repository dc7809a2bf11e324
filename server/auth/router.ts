import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { Db } from '../db';
import type { Queryable } from '../db/types';
import { appendAudit } from '../audit/audit';
import { fromZod } from '../http/error-middleware';
import { requestIdOf } from '../http/request-id';
import { route } from '../http/async';
import { cookieValue } from '../http/auth';
import { AppError } from '../errors';
import { say } from '../i18n/message';
import { AccountPatch, createAccount, NewAccount, updateAccount, USERNAME } from './accounts';
import { csrfOf, displayNameOf, treeOf } from './context';
import { newApiToken, randomSecret, SESSION_COOKIE, sha256 } from './credentials';
import { AUTH_SAY, forbidden, invalidCredentials, tooManyAttempts } from './errors';
import { verifyPassword } from './passwords';
import { principalOf, type Principal } from './principal';
import { meOf, principalFrom, toMe, type AccountRow } from './store';

export interface AuthRouterDeps {
  db: Db;
  /** PUBLIC_URL starts with https:// → the session cookie is Secure */
  secureCookie: boolean;
  sessionTtlHours: number;
  maxFailures: number;
  maxFailuresPerIp: number;
  lockSeconds: number;
}

const Login = z.object({ username: z.string().max(200), password: z.string().max(1024) });
const NewToken = z.object({
  name: z.string().trim().min(1).max(100),
  expires_at: z.iso.datetime({ offset: true }).nullable().optional(),
  scope: z.enum(['read', 'write']).default('write'),
});
const IdParam = z.string().regex(/^\d{1,15}$/);

const notFoundSay = (code: 'ACCOUNT_NOT_FOUND' | 'TOKEN_NOT_FOUND', id: string) => {
  const m = say(AUTH_SAY, code, { id });
  return new AppError(404, 'NOT_FOUND', m.message, m.message_zh);
};

/** An account row as the accounts API shows it. */
const accountView = (a: AccountRow) => ({ ...toMe(a), disabled: !!a.disabled, created_at: a.created_at, updated_at: a.updated_at });

/**
 * Sign-in, sign-out, who am I (`/api/auth/*`), personal tokens (`/api/tokens`) and accounts (`/api/accounts`, admin).
 * Authentication itself (cookie or bearer → principal) runs earlier, in server/http/auth.ts.
 */
export function authRouter(deps: AuthRouterDeps): Router {
  const { db } = deps;
  const r = Router();
  const cookieOpts = { httpOnly: true, sameSite: 'lax' as const, path: '/', secure: deps.secureCookie };

  // ---- sign-in
  r.post(
    '/api/auth/login',
    route(async (req, res) => {
      const p = Login.safeParse(req.body ?? {});
      if (!p.success) throw fromZod(p.error, 'INVALID_LOGIN');
      const name = p.data.username.trim().toLowerCase();
      const keys = [`user:${name}`, `ip:${req.ip ?? 'unknown'}`];
      const locked = (await db.named<{ retry_after_s: number }>('auth_throttle_check', [JSON.stringify(keys)])).rows[0];
      if (locked && locked.retry_after_s > 0) {
        res.setHeader('Retry-After', String(locked.retry_after_s));
        throw tooManyAttempts(locked.retry_after_s);
      }
      const valid = USERNAME.safeParse(name).success;
      const account = valid
        ? (await db.named<AccountRow & { password_hash: string | null }>('accounts_by_username', [name])).rows[0]
        : undefined;
      // unknown, disabled and password-less accounts are checked against a dummy hash: the answer takes as long
      const ok = await verifyPassword(p.data.password, account && !account.disabled ? account.password_hash : null);
      if (!ok || !account || account.disabled) {
        await db.named('auth_throttle_fail', [keys[0], deps.maxFailures, deps.lockSeconds, deps.lockSeconds]);
        await db.named('auth_throttle_fail', [keys[1], deps.maxFailuresPerIp, deps.lockSeconds, deps.lockSeconds]);
        throw invalidCredentials();
      }
      const sid = randomSecret(32);
      const csrf = randomSecret(24);
      const principal = principalFrom(account, 'session');
      await db.transaction(async (tx) => {
        await tx.named('auth_throttle_clear', [keys[0]]);
        await tx.named('sessions_insert', [sha256(sid), account.id, csrf, Math.round(deps.sessionTtlHours * 3600)]);
        await appendAudit(tx, {
          principal,
          operation: 'sign_in',
          collection: 'accounts',
          item_id: String(account.id),
          before: null,
          after: { ip: req.ip ?? null },
          request_id: requestIdOf(req),
        });
      });
      if (Math.random() < 0.05) await db.named('sessions_purge_expired').catch(() => undefined);
      res.cookie(SESSION_COOKIE, sid, { ...cookieOpts, maxAge: Math.round(deps.sessionTtlHours * 3600 * 1000) });
      res.setHeader('Cache-Control', 'no-store');
      res.json({ user: toMe(account), csrf_token: csrf });
    }),
  );

  r.post(
    '/api/auth/logout',
    route(async (req, res) => {
      const sid = cookieValue(req, SESSION_COOKIE);
      if (sid) await db.named('sessions_delete', [sha256(sid)]);
      res.clearCookie(SESSION_COOKIE, cookieOpts);
      res.status(204).end();
    }),
  );

  r.get('/api/auth/me', (req: Request, res: Response) => {
    const p = principalOf(req);
    res.setHeader('Cache-Control', 'no-store');
    res.json({ user: meOf(p, displayNameOf(req)), csrf_token: p.via === 'session' ? csrfOf(req) : null });
  });

  // ---- personal tokens (own only)
  const ownAccount = (p: Principal): number => {
    if (p.user_id === null) throw forbidden(say(AUTH_SAY, 'FORBIDDEN_NO_ACCOUNT'));
    return p.user_id;
  };

  r.get(
    '/api/tokens',
    route(async (req, res) => {
      const p = principalOf(req);
      const items = p.user_id === null ? [] : (await db.named('tokens_list', [p.user_id])).rows;
      res.setHeader('Cache-Control', 'no-store');
      res.json({ items });
    }),
  );

  r.post(
    '/api/tokens',
    route(async (req, res) => {
      const p = principalOf(req);
      const account = ownAccount(p);
      const b = NewToken.safeParse(req.body ?? {});
      if (!b.success) throw fromZod(b.error, 'INVALID_TOKEN_REQUEST');
      if (b.data.expires_at && Date.parse(b.data.expires_at) <= Date.now())
        throw new AppError(422, 'INVALID_TOKEN_REQUEST', 'expires_at must be in the future', 'expires_at 必须晚于当前时间', [
          { field: 'expires_at' },
        ]);
      const token = newApiToken();
      const row = await db.transaction(async (tx) => {
        const ins = (
          await tx.named<{ id: number; name: string; prefix: string; scope: string; created_at: string; expires_at: string | null }>(
            'tokens_insert',
            [account, b.data.name, sha256(token), token.slice(0, 10), b.data.expires_at ?? null, b.data.scope],
          )
        ).rows[0];
        await appendAudit(tx, {
          principal: p,
          operation: 'token_create',
          collection: 'api_tokens',
          item_id: String(ins.id),
          before: null,
          after: { ...ins, account_id: account },
          request_id: requestIdOf(req),
        });
        return ins;
      });
      res.setHeader('Cache-Control', 'no-store');
      res.status(201).json({ ...row, id: Number(row.id), token });
    }),
  );

  r.delete(
    '/api/tokens/:id',
    route(async (req, res) => {
      const p = principalOf(req);
      const account = ownAccount(p);
      const id = String(req.params.id);
      if (!IdParam.safeParse(id).success) throw notFoundSay('TOKEN_NOT_FOUND', id);
      await db.transaction(async (tx) => {
        const row = (await tx.named('tokens_revoke', [id, account])).rows[0];
        if (!row) throw notFoundSay('TOKEN_NOT_FOUND', id);
        await appendAudit(tx, {
          principal: p,
          operation: 'token_revoke',
          collection: 'api_tokens',
          item_id: id,
          before: null,
          after: row,
          request_id: requestIdOf(req),
        });
      });
      res.status(204).end();
    }),
  );

  // ---- accounts (admin; the access gate already refused everyone else)
  r.get(
    '/api/accounts',
    route(async (_req, res) => {
      res.setHeader('Cache-Control', 'no-store');
      res.json({ items: (await db.named<AccountRow>('accounts_list')).rows.map(accountView) });
    }),
  );

  r.post(
    '/api/accounts',
    route(async (req, res) => {
      const b = NewAccount.safeParse(req.body ?? {});
      if (!b.success) throw fromZod(b.error, 'INVALID_ACCOUNT');
      const row = await db.transaction(async (tx: Queryable) => {
        const a = await createAccount(tx, treeOf(req), b.data);
        await appendAudit(tx, {
          principal: principalOf(req),
          operation: 'create',
          collection: 'accounts',
          item_id: String(a.id),
          before: null,
          after: accountView(a),
          request_id: requestIdOf(req),
        });
        return a;
      });
      res.status(201).location(`/api/accounts/${row.id}`).json(accountView(row));
    }),
  );

  r.patch(
    '/api/accounts/:id',
    route(async (req, res) => {
      const id = String(req.params.id);
      if (!IdParam.safeParse(id).success) throw notFoundSay('ACCOUNT_NOT_FOUND', id);
      const b = AccountPatch.safeParse(req.body ?? {});
      if (!b.success) throw fromZod(b.error, 'INVALID_ACCOUNT');
      const after = await db.transaction(async (tx) => {
        const before = (await tx.named<AccountRow>('accounts_get_for_update', [id])).rows[0];
        if (!before) throw notFoundSay('ACCOUNT_NOT_FOUND', id);
        const out = await updateAccount(tx, treeOf(req), before, b.data);
        if (out.endSessions) await tx.named('sessions_delete_account', [before.id]);
        await appendAudit(tx, {
          principal: principalOf(req),
          operation: 'update',
          collection: 'accounts',
          item_id: id,
          before: accountView(before),
          after: { ...accountView(out.after), ...(b.data.password !== undefined ? { password_changed: true } : {}) },
          request_id: requestIdOf(req),
        });
        return out.after;
      });
      res.json(accountView(after));
    }),
  );

  return r;
}

import { timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import type { Queryable } from '../db/types';
import { setAuthContext, csrfOf } from '../auth/context';
import { isApiTokenShape, SESSION_COOKIE, sha256 } from '../auth/credentials';
import { csrfFailed, forbidden, invalidToken, tokenReadOnly, unauthenticated, AUTH_SAY } from '../auth/errors';
import { ANONYMOUS, BOOTSTRAP_ADMIN, principalOf, setPrincipal } from '../auth/principal';
import { authorityTree, principalFrom, type AccountRow } from '../auth/store';
import { say } from '../i18n/message';
import { isWriteRoute } from './rate-limit';

const safeEqual = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** The value of one cookie from the Cookie header (no cookie-parser: one name is all we read). */
export function cookieValue(req: Pick<Request, 'headers'>, name: string): string | undefined {
  const h = req.headers.cookie;
  if (!h) return undefined;
  for (const part of h.split(';')) {
    const i = part.indexOf('=');
    if (i < 0) continue;
    if (part.slice(0, i).trim() === name) return part.slice(i + 1).trim();
  }
  return undefined;
}

/**
 * Authentication (issue 13): who is asking, before any body is read. A bearer credential is `ADMIN_TOKEN` (the
 * bootstrap admin) or a personal token `kq_…`; otherwise the `kq_session` cookie names a session stored in PostgreSQL.
 * A bearer credential that is not valid is refused (401) on every route; a stale session cookie is simply anonymous.
 */
export function authenticate({ db, adminToken }: { db: Queryable; adminToken: string }): RequestHandler {
  const tree = authorityTree(db);
  return (req, _res, next) => {
    (async () => {
      const t = await tree();
      const auth = req.get('authorization');
      if (auth !== undefined) {
        const m = /^Bearer\s+(\S+)\s*$/i.exec(auth);
        if (!m) throw invalidToken();
        const given = m[1];
        if (safeEqual(given, adminToken)) {
          setPrincipal(req, BOOTSTRAP_ADMIN);
          setAuthContext(req, { csrf: null, tree: t });
          return;
        }
        if (!isApiTokenShape(given)) throw invalidToken();
        const row = (await db.named<AccountRow & { scope: string }>('tokens_lookup', [sha256(given)])).rows[0];
        if (!row) throw invalidToken();
        setPrincipal(req, { ...principalFrom(row, 'token'), ...(row.scope === 'read' ? { read_only: true } : {}) });
        setAuthContext(req, { csrf: null, tree: t, displayName: row.display_name });
        return;
      }
      const sid = cookieValue(req, SESSION_COOKIE);
      if (sid && /^[A-Za-z0-9_-]{20,100}$/.test(sid)) {
        const row = (await db.named<AccountRow & { csrf_token: string }>('sessions_lookup', [sha256(sid)])).rows[0];
        if (row) {
          setPrincipal(req, principalFrom(row, 'session'));
          setAuthContext(req, { csrf: row.csrf_token, tree: t, displayName: row.display_name });
          return;
        }
      }
      setPrincipal(req, ANONYMOUS);
      setAuthContext(req, { csrf: null, tree: t });
    })().then(() => next(), next);
  };
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Sign-in and sign-out need no CSRF token (sign-in has no session yet; SameSite=Lax keeps the cookie off cross-site POSTs). */
const CSRF_EXEMPT = /^\/api\/auth\/(login|logout)\/?$/;

/** A write in the sense of a token's scope: the register and offsets, accounts, personal tokens, applications (POST/PUT/PATCH/DELETE). */
const isScopedWrite = (req: Pick<Request, 'method' | 'path'>) =>
  isWriteRoute(req) || (UNSAFE.has(req.method) && /^\/api\/(accounts|tokens|applications)(\/|$)/.test(req.path));

/**
 * Before any body is read: a read-only personal token (scope `read`) writes nothing (403 TOKEN_READ_ONLY); register writes need a regulator or admin, `/api/accounts` an admin, `/api/tokens` any
 * account (401 when anonymous, 403 when the role falls short); a cookie-authenticated request with an unsafe method
 * must carry `X-CSRF-Token` equal to its session's token (403 CSRF_FAILED). Finer scope (authority, holder) is
 * checked by the routes once they know the item.
 */
export function accessGate(): RequestHandler {
  return (req, _res, next) => {
    const p = principalOf(req);
    const need = (roles: string[]) => {
      if (p.role === 'public') return unauthenticated();
      if (!roles.includes(p.role)) return forbidden(say(AUTH_SAY, 'FORBIDDEN_ROLE', { need: roles.join(' | '), role: p.role }));
      return undefined;
    };
    let refusal: Error | undefined;
    if (p.read_only && isScopedWrite(req)) return next(tokenReadOnly());
    if (isWriteRoute(req)) refusal = need(['regulator', 'admin']);
    else if (/^\/api\/accounts(\/|$)/.test(req.path)) refusal = need(['admin']);
    else if (/^\/api\/tokens(\/|$)/.test(req.path)) refusal = need(['holder', 'regulator', 'admin']);
    if (refusal) return next(refusal);
    if (p.via === 'session' && UNSAFE.has(req.method) && !CSRF_EXEMPT.test(req.path)) {
      const sent = req.get('x-csrf-token') ?? '';
      const expected = csrfOf(req) ?? '';
      if (!expected || !safeEqual(sent, expected)) return next(csrfFailed());
    }
    next();
  };
}

/** Route guard: 401 anonymous, 403 unless the principal has one of `roles`. */
export function requireRole(...roles: ('holder' | 'regulator' | 'admin')[]): RequestHandler {
  return (req, _res, next) => {
    const p = principalOf(req);
    if (p.role === 'public') return next(unauthenticated());
    if (!(roles as string[]).includes(p.role))
      return next(forbidden(say(AUTH_SAY, 'FORBIDDEN_ROLE', { need: roles.join(' | '), role: p.role })));
    next();
  };
}

import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { AppError } from '../errors';
import { BOOTSTRAP_ADMIN, principalOf, setPrincipal } from '../auth/principal';

/** Does an Authorization header carry `Bearer <expected>` (compared in constant time)? */
function bearerMatches(header: string | undefined, expected: Buffer): boolean {
  const m = /^Bearer\s+(.+)$/i.exec(header ?? '');
  const got = Buffer.from(m ? m[1] : '');
  return !!m && got.length === expected.length && timingSafeEqual(got, expected);
}

/** Writes need `Authorization: Bearer $ADMIN_TOKEN` (a fuller role model comes later). */
export function requireAdmin(token: string): RequestHandler {
  const expected = Buffer.from(token);
  return (req, _res, next) => {
    if (!bearerMatches(req.get('authorization'), expected)) {
      next(
        new AppError(
          401,
          'UNAUTHORIZED',
          'This write needs an administrator token (Authorization: Bearer …)',
          '此写操作需要管理员令牌（Authorization: Bearer …）',
        ),
      );
      return;
    }
    setPrincipal(req, BOOTSTRAP_ADMIN);
    next();
  };
}

/**
 * Reads that show more to an administrator (a block dossier's investment figures): the admin token sets the
 * admin principal; no token or another one leaves the request as it is (anonymous), never 401.
 */
export function identifyAdmin(token: string): RequestHandler {
  const expected = Buffer.from(token);
  return (req, _res, next) => {
    if (principalOf(req).via === 'anonymous' && bearerMatches(req.get('authorization'), expected)) setPrincipal(req, BOOTSTRAP_ADMIN);
    next();
  };
}

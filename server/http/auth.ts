import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { AppError } from '../errors';
import { BOOTSTRAP_ADMIN, setPrincipal } from '../auth/principal';

/** Writes need `Authorization: Bearer $ADMIN_TOKEN` (a fuller role model comes later). */
export function requireAdmin(token: string): RequestHandler {
  const expected = Buffer.from(token);
  return (req, _res, next) => {
    const h = req.get('authorization') ?? '';
    const m = /^Bearer\s+(.+)$/i.exec(h);
    const got = Buffer.from(m ? m[1] : '');
    if (!m || got.length !== expected.length || !timingSafeEqual(got, expected)) {
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

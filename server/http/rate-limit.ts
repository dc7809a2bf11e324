import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { AppError } from '../errors';

/**
 * Per-client limit on the expensive routes (uploads, checks, exports, planner): `perMinute` requests a
 * minute per IP (in-process store; behind a proxy `trust proxy` is set). Refusals use the one error shape.
 */
export function expensiveRouteLimit(perMinute: number): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, next) =>
      next(
        new AppError(
          429,
          'RATE_LIMITED',
          `Too many requests: at most ${perMinute} a minute for uploads, checks and plans`,
          `请求过于频繁：上传、核查和缩减方案每分钟最多 ${perMinute} 次`,
          [{ limit: perMinute, window_s: 60 }],
        ),
      ),
  });
}

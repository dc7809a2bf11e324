import { Router } from 'express';
import type { Db } from '../db';
import { isConnectionError } from '../db/pg';
import { defineMessages, say } from '../i18n/message';

const SAY = defineMessages({
  DATABASE_DOWN: {
    en: () => 'The database cannot be reached; requests that need it answer 503 DATABASE_UNAVAILABLE until it returns',
    zh: () => '数据库无法连接；需要数据库的请求在其恢复前返回 503 DATABASE_UNAVAILABLE',
  },
});

/**
 * `GET /api/health` → 200 `{ status: "ok", database: { engine, postgis, up: true, latency_ms } }`, or while the
 * database cannot be reached 503 `{ status: "degraded", database: { engine, up: false, reason } }`.
 * The probe has its own connection and a short timeout (`DB_HEALTH_TIMEOUT_MS`): it never waits behind the pool.
 */
export function healthRouter(db: Db): Router {
  const r = Router();
  r.get('/api/health', async (_req, res) => {
    const t0 = performance.now();
    res.set('Cache-Control', 'no-store');
    try {
      const { postgis } = await db.probe();
      res.json({
        status: 'ok',
        database: { engine: db.engine, postgis, up: true, latency_ms: Math.round((performance.now() - t0) * 10) / 10 },
      });
    } catch (e) {
      const err = e as { code?: string; message?: string };
      res
        .status(503)
        .set('Retry-After', '5')
        .json({
          status: 'degraded',
          database: {
            engine: db.engine,
            up: false,
            reason: isConnectionError(e) ? (err.code ?? 'CONNECTION') : 'PROBE_FAILED',
          },
          note: say(SAY, 'DATABASE_DOWN'),
        });
    }
  });
  return r;
}

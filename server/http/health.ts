import type { Db } from '../db';
import { isConnectionError } from '../db/pg';
import { defineMessages, say } from '../i18n/message';
import { implement } from './contract-route';

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
export function healthRoutes(db: Db) {
  return implement({
    health: {
      handler: async () => {
        const t0 = performance.now();
        try {
          const { postgis } = await db.probe();
          return {
            status: 200,
            headers: { 'Cache-Control': 'no-store' } as Record<string, string>,
            body: {
              status: 'ok' as const,
              database: { engine: db.engine, postgis, up: true as const, latency_ms: Math.round((performance.now() - t0) * 10) / 10 },
            },
          };
        } catch (e) {
          const err = e as { code?: string };
          return {
            status: 503,
            headers: { 'Cache-Control': 'no-store', 'Retry-After': '5' },
            body: {
              status: 'degraded' as const,
              database: {
                engine: db.engine,
                up: false as const,
                reason: isConnectionError(e) ? (err.code ?? 'CONNECTION') : 'PROBE_FAILED',
              },
              note: say(SAY, 'DATABASE_DOWN'),
            },
          };
        }
      },
    },
  });
}

import type { Db } from '../db';
import type { ReadRouter } from '../db/read-replica';
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
export function healthRoutes(db: Db, router?: ReadRouter) {
  return implement({
    health: {
      handler: async () => {
        const t0 = performance.now();
        // the replica is probed at the same time on its own connection; it being down is not the service being down
        // (reads go back to the primary), so it never turns the answer into 503
        const replicaP = router?.health();
        try {
          const { postgis } = await db.probe();
          const latency_ms = Math.round((performance.now() - t0) * 10) / 10;
          const replica = await replicaP;
          return {
            status: 200,
            headers: { 'Cache-Control': 'no-store' } as Record<string, string>,
            body: {
              status: 'ok' as const,
              database: { engine: db.engine, postgis, up: true as const, latency_ms },
              ...(replica ? { replica } : {}),
            },
          };
        } catch (e) {
          const err = e as { code?: string };
          const replica = await replicaP;
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
              ...(replica ? { replica } : {}),
              note: say(SAY, 'DATABASE_DOWN'),
            },
          };
        }
      },
    },
  });
}

import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';

/**
 * Why DB_STATEMENT_TIMEOUT_MS is not applied on the embedded engine (server/db/README.md): PostgreSQL cancels a
 * statement from a timer signal (SIGALRM); PGlite runs the backend synchronously on the JavaScript thread, with no
 * signals and no timer that can fire while a statement runs, so `statement_timeout` is accepted and never fires.
 * If a PGlite release starts honouring it, this test fails and the setting should be passed to createPgliteDb.
 */
describe('PGlite and statement_timeout', () => {
  it('accepts the setting but never cancels a running statement', async () => {
    const db = await PGlite.create();
    try {
      await db.exec('SET statement_timeout = 50');
      expect((await db.query<{ statement_timeout: string }>('SHOW statement_timeout')).rows[0].statement_timeout).toBe('50ms');
      const t = performance.now();
      const r = await db.query('SELECT pg_sleep(0.5) AS slept');
      expect(r.rows).toHaveLength(1); // completed, not cancelled with 57014
      expect(performance.now() - t).toBeGreaterThanOrEqual(450);
    } finally {
      await db.close();
    }
  }, 400_000);
});

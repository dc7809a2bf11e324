import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { startServer, type Running } from '../../server/server';
import { redLineLifeAndChecks } from '../helpers/check-as-at';

// The conflict check as at a date on the embedded engine (issue 13), on an empty register (no demo data, so the
// engine opens quickly): the history queries of every layer run on PGlite's PostGIS as on PostgreSQL's.
const TOKEN = 'smoke-admin-token';
let dir: string;
let srv: Running;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kq-pglite-asat-'));
  srv = await startServer({ DATA_DIR: dir, PORT: '0', ADMIN_TOKEN: TOKEN, LOG_LEVEL: 'silent', SEED_DEMO: 'false' });
}, 600_000);
afterAll(async () => {
  await srv?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('embedded engine: checks as at a date', () => {
  it('a red line created, moved and deleted is found by the check as at each version only where it stood', async () => {
    await redLineLifeAndChecks(srv.url, { authorization: `Bearer ${TOKEN}` }, 'pglite-asat-rl', 104, 32);
  }, 300_000);
});

/**
 * One truth for the annex from an applicant's retained polygon (sql/queries/annex_retained_parts.sql): PostGIS and the
 * embedded PGlite engine, both holding the demo data, give the same licensed, retained and relinquished areas (1e-9
 * relative) and the same relinquished outline (same vertices), for a polygon inside a demo block, one keeping the
 * whole block and one keeping a strip of a multi-vertex block.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Polygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../server/db';
import { demoSnapshotPath } from '../../server/db/demo-snapshot';
import { migrate } from '../../server/db/migrate';
import { createPgDb } from '../../server/db/pg';
import { createPgliteDb } from '../../server/db/pglite';
import { box } from '../../server/geometry/shapes.fixture';
import { loadDemo } from '../../server/seed/load-demo';
import { freshDatabase } from '../helpers/server';

let pgDb: Db;
let liteDb: Db;
let dropPg: () => Promise<void>;

beforeAll(async () => {
  const fresh = await freshDatabase();
  dropPg = fresh.drop;
  pgDb = createPgDb({ connectionString: fresh.url, poolSize: 2, statementTimeoutMs: 120_000, connectTimeoutMs: 120_000 });
  const snapshot = existsSync(demoSnapshotPath()) ? new Blob([readFileSync(demoSnapshotPath())]) : undefined;
  liteDb = await createPgliteDb(undefined, snapshot ? { loadDataDir: snapshot } : {});
  await migrate(liteDb);
  if (!snapshot) await loadDemo(liteDb);
}, 240_000);

afterAll(async () => {
  await pgDb?.close();
  await liteDb?.close();
  await dropPg?.();
});

interface Parts {
  licensed: string;
  licensed_km2: number;
  retained_km2: number;
  relinquished: string | null;
  relinquished_km2: number;
}
const parts = async (db: Db, id: string, g: Polygon) => (await db.named<Parts>('annex_retained_parts', [id, JSON.stringify(g)])).rows[0];

const vertices = (s: string | null) =>
  s === null
    ? null
    : (JSON.stringify(JSON.parse(s).coordinates).match(/-?\d+(\.\d+)?(e-?\d+)?/g) ?? []).map((x) => Number(Number(x).toFixed(8))).join(',');

describe('annex_retained_parts on both engines', () => {
  it('gives the same areas and the same relinquished outline', async () => {
    const outline = async (id: string) =>
      JSON.parse(
        (await pgDb.query<{ g: string }>('SELECT ST_AsGeoJSON(ST_GeometryN(geom, 1), 9, 0) AS g FROM blocks WHERE id = $1', [id])).rows[0]
          .g,
      ) as Polygon;
    const whole = await outline('blk-0056');
    const b17 = (await pgDb.query<{ b: string }>("SELECT ST_AsGeoJSON(ST_Envelope(geom), 9, 0) AS b FROM blocks WHERE id = 'blk-0017'"))
      .rows[0].b;
    const [w, s, e, n] = (() => {
      const c = (JSON.parse(b17) as Polygon).coordinates[0];
      const xs = c.map((p) => p[0]);
      const ys = c.map((p) => p[1]);
      return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
    })();
    const cases: [string, Polygon][] = [
      ['blk-0017', box(w, s, w + (e - w) * 0.6, n) as Polygon], // the western 60 % of the block's extent
      ['blk-0017', box(w + (e - w) * 0.3, s + (n - s) * 0.3, w + (e - w) * 0.5, s + (n - s) * 0.5) as Polygon], // a hole's worth
      ['blk-0056', whole], // all of it: nothing relinquished
    ];
    for (const [id, g] of cases) {
      const [a, b] = await Promise.all([parts(pgDb, id, g), parts(liteDb, id, g)]);
      expect(a, id).toBeTruthy();
      expect(b, id).toBeTruthy();
      for (const k of ['licensed_km2', 'retained_km2', 'relinquished_km2'] as const) {
        const [x, y] = [Number(a[k]), Number(b[k])];
        expect(Math.abs(x - y), `${id} ${k}: ${x} vs ${y}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(x)));
      }
      expect(vertices(b.relinquished), id).toBe(vertices(a.relinquished));
    }
    const all = await parts(pgDb, 'blk-0056', whole);
    expect(all.relinquished).toBeNull();
    expect(Number(all.relinquished_km2)).toBeCloseTo(0, 9);
  });
});

/**
 * Conflict-check latency at national scale: POST /api/checks with a 1,000-vertex block (JSON geometry
 * body, one request at a time, ~200 distinct blocks) through the real server, beside the same work
 * without HTTP — the engine's SQL alone (the overlay queries, run side by side on the pool as the route
 * runs them) and the engine as the route calls it (SQL + outcomes + summary unions).
 * The database is loaded with bench/national-data.ts first (skipped when it already holds blocks).
 */
import type { Polygon } from 'geojson';
import { runCheck } from '../server/conflicts/engine';
import type { Queryable } from '../server/db/types';
import { PIPELINE_CROSSING_CATEGORIES } from '../server/conflicts/outcomes';
import { buildSubject } from '../server/conflicts/subject';
import { ellipsoidalAreaKm2 } from '../server/geodesy/area';
import { startServer } from '../server/server';
import { loadNationalData } from './national-data';
import { round, summarise } from './stats';

/** Deterministic jagged star-shaped 1,000-vertex block, radius ≈ r degrees of latitude. */
export function benchBlock(seed: number, cx: number, cy: number, r = 0.08, n = 1000): Polygon {
  const ring: [number, number][] = [];
  for (let j = 0; j < n; j++) {
    const t = (2 * Math.PI * j) / n;
    const k = r * (1 + 0.12 * Math.sin(6 * t + seed) + 0.03 * Math.sin(97 * t + 2 * seed));
    ring.push([cx + (k * Math.cos(t)) / Math.cos((cy * Math.PI) / 180), cy + k * Math.sin(t)]);
  }
  ring.push(ring[0]);
  return { type: 'Polygon', coordinates: [ring] };
}

/** 200 block positions: half on red-line rims (overlays with many pieces), half anywhere in the extent. */
export async function positions(
  query: (sql: string) => Promise<{ rows: Record<string, unknown>[] }>,
  count: number,
): Promise<[number, number][]> {
  const { rows } = await query(
    `SELECT ST_X(p) AS x, ST_Y(p) AS y FROM (SELECT ST_PointN(ST_ExteriorRing(ST_GeometryN(geom, 1)), 1 + (row_number() OVER (ORDER BY id) * 37 % 9000)::int) AS p
     FROM redlines ORDER BY id) s`,
  );
  const out: [number, number][] = rows.slice(0, count / 2).map((r) => [Number(r.x), Number(r.y)]);
  let h = 12345;
  const rnd = () => (h = (h * 1103515245 + 12345) % 2147483648) / 2147483648;
  while (out.length < count) out.push([101 + 23 * rnd(), 26 + 18 * rnd()]);
  return out;
}

/** What a browser asks for (Chromium, Firefox): the service answers brotli at quality 4 (server/http/compress.ts). */
export const BROWSER_ACCEPT_ENCODING = 'gzip, deflate, br, zstd';

/**
 * One `POST /api/checks` as a browser makes it, timed to the answer's last byte (decoded, as a browser does); the
 * client's JSON.parse of it comes after the clock stops (the client's work, not the service's).
 */
export async function timedCheck(
  url: string,
  body: string,
): Promise<{ ms: number; ok: boolean; status: number; json: { conflicts?: unknown[] }; serverTiming: string }> {
  const t = performance.now();
  const res = await fetch(`${url}/api/checks`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-encoding': BROWSER_ACCEPT_ENCODING },
    body,
  });
  const bytes = await res.arrayBuffer();
  const ms = performance.now() - t;
  const json = JSON.parse(Buffer.from(bytes).toString('utf8')) as { conflicts?: unknown[] };
  return { ms, ok: res.ok, status: res.status, json, serverTiming: res.headers.get('server-timing') ?? '' };
}

/** The seven layer overlays a check runs, side by side on the pool as the route runs them, alone: their wall time. */
export async function bareOverlaysMs(db: Queryable, g: Polygon): Promise<number> {
  const gj = JSON.stringify(g);
  const t = performance.now();
  await Promise.all([
    db.named('conflicts_blocks', [gj, null, null]),
    db.named('conflicts_protected_areas', [gj, null]),
    db.named('conflicts_redlines', [gj, null]),
    db.named('conflicts_reserves', [gj, null, null]),
    db.named('conflicts_wells', [gj, '合成矿业权人1', null]),
    db.named('conflicts_pipelines', [gj, [...PIPELINE_CROSSING_CATEGORIES], null]),
    db.named('conflicts_outside_province', [gj, '山西省', null]),
  ]);
  return performance.now() - t;
}

export async function benchConflicts(databaseUrl: string, opts: { requests?: number } = {}): Promise<object> {
  const data = await loadNationalData(databaseUrl);
  const srv = await startServer({
    DATABASE_URL: databaseUrl,
    PORT: '0',
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'false',
    RATE_LIMIT_PER_MIN: '1000000',
  });
  try {
    const count = opts.requests ?? 200;
    const blocks = (await positions((s) => srv.db.query(s), count)).map(([x, y], i) => benchBlock(i, x, y));
    const { subject, province_registered } = buildSubject(
      { application: 'new_exploration', applicant: '合成矿业权人1', as_of: '2026-06-30' },
      null,
    );
    const body = (g: Polygon) => JSON.stringify({ ...g, applicant: '合成矿业权人1', application: 'new_exploration', as_of: '2026-06-30' });
    // warm up every path (JIT, prepared plans, caches) on blocks not measured
    for (let i = 0; i < 10; i++) {
      const g = benchBlock(1000 + i, 110 + i, 35);
      await timedCheck(srv.url, body(g));
      await runCheck(srv.db, { geometry: g, area_km2: ellipsoidalAreaKm2(g), subject, block_id: null, province_registered });
    }
    const times: Record<'http' | 'engine' | 'sql', number[]> = { http: [], engine: [], sql: [] };
    const sqlInRequest: number[] = [];
    const found: number[] = [];
    // the three measures of a block in rotating order (block i starts with measure i mod 3): the first to touch a block's
    // rows pays for what the later ones find warm (2–4.5 ms at p50), so a fixed order would charge it to one measure only
    const first: Record<'http' | 'engine' | 'sql', number[]> = { http: [], engine: [], sql: [] };
    const later: Record<'http' | 'engine' | 'sql', number[]> = { http: [], engine: [], sql: [] };
    const measures = {
      http: async (g: Polygon) => {
        const res = await timedCheck(srv.url, body(g));
        const st = /sql;dur=([\d.]+)/.exec(res.serverTiming);
        if (st) sqlInRequest.push(Number(st[1]));
        if (!res.ok) throw new Error(`POST /api/checks → ${res.status}: ${JSON.stringify(res.json).slice(0, 300)}`);
        found.push(res.json.conflicts?.length ?? 0);
        return res.ms;
      },
      engine: async (g: Polygon) => {
        const t = performance.now();
        await runCheck(srv.db, { geometry: g, area_km2: () => ellipsoidalAreaKm2(g), subject, block_id: null, province_registered });
        return performance.now() - t;
      },
      sql: (g: Polygon) => bareOverlaysMs(srv.db, g),
    };
    const order = ['http', 'engine', 'sql'] as const;
    for (const [i, g] of blocks.entries()) {
      for (let k = 0; k < 3; k++) {
        const m = order[(i + k) % 3];
        const ms = await measures[m](g);
        times[m].push(ms);
        (k === 0 ? first : later)[m].push(ms);
      }
    }
    const r = (s: ReturnType<typeof summarise>) => ({ n: s.n, p50_ms: round(s.p50), p95_ms: round(s.p95), mean_ms: round(s.mean) });
    const h = summarise(times.http);
    const q = summarise(times.sql);
    const e = summarise(times.engine);
    const i = summarise(sqlInRequest);
    return {
      data,
      block_vertices: 1000,
      requests: count,
      conflicts_per_request: summarise(found),
      http_post_api_checks: r(h),
      engine_without_http: r(e),
      bare_sql_overlay: r(q),
      sql_inside_each_request: r(i),
      http_over_bare_sql_p95: round(h.p95 / q.p95, 2),
      http_over_sql_inside_request_p95: round(h.p95 / i.p95, 2),
      /** p50 of each measure when it was the first to touch its block, and when it came after another */
      order_effect_p50_ms: Object.fromEntries(
        order.map((m) => [m, { first: round(summarise(first[m]).p50), later: round(summarise(later[m]).p50) }]),
      ),
      target: 'p95 < 100 ms and within 1.5× of bare SQL',
    };
  } finally {
    await srv.close();
  }
}

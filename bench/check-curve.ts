/**
 * How a check's latency grows (issue 17): with the input's vertex count (100 to 100,000 corners, on the 50,000-right
 * register) and with the register's size (10,000, 50,000 and 200,000 rights at 1,000 corners). Each register is the
 * synthetic national set (bench/national-data.ts) scaled with its rights: protected areas 0.4×, wells 2×, pipelines
 * 0.2× the rights; the 100 red lines of 10,000 vertices each stay. POST /api/checks over HTTP one at a time, beside the
 * seven layer overlays alone (bareOverlaysMs). Writes docs/charts/check-latency.svg and its section of
 * docs/benchmarks.md (between the `bench check-curve` markers).
 *
 *   npm run bench -- curve          CURVE_SIZES=10000,50000 CURVE_REQUESTS=20 narrow it
 */
import { writeFileSync } from 'node:fs';
import type { Polygon } from 'geojson';
import { startServer } from '../server/server';
import { bareOverlaysMs, benchBlock, positions, timedCheck } from './conflicts.bench';
import { loadNationalData, type NationalCounts } from './national-data';
import { lineChartSvg } from './chart-svg';
import { writeDocSection } from './docs-section';
import { dropBenchDatabase, freshBenchDatabase } from './databases';
import { round, summarise } from './stats';

export interface CurvePoint {
  rights: number;
  vertices: number;
  requests: number;
  http_p50_ms: number;
  http_p95_ms: number;
  sql_p50_ms: number;
  sql_p95_ms: number;
  conflicts_p50: number;
}

const SIZES = (process.env.CURVE_SIZES ?? '10000,50000,200000').split(',').map(Number);
const VERTICES = [100, 1_000, 10_000, 100_000];
const REQUESTS = Number(process.env.CURVE_REQUESTS ?? 30);
/** the register the vertex sweep runs on */
const SWEEP_SIZE = 50_000;

export async function benchCheckCurve(adminUrl: string): Promise<{ loads: NationalCounts[]; points: CurvePoint[] }> {
  const loads: NationalCounts[] = [];
  const points: CurvePoint[] = [];
  for (const rights of SIZES) {
    const name = `kq_curve_${rights}`;
    const url = await freshBenchDatabase(adminUrl, name);
    try {
      const counts = await loadNationalData(url, {
        blocks: rights,
        pas: Math.round(rights * 0.4),
        wells: rights * 2,
        pipelines: Math.round(rights * 0.2),
      });
      loads.push(counts);
      console.log('curve: register loaded', JSON.stringify(counts));
      const srv = await startServer({
        DATABASE_URL: url,
        PORT: '0',
        LOG_LEVEL: 'silent',
        SEED_DEMO: 'false',
        RATE_LIMIT_PER_MIN: '1000000',
      });
      try {
        const at = await positions((s) => srv.db.query(s), REQUESTS);
        const run = async (vertices: number, requests: number) => {
          const blocks: Polygon[] = at.slice(0, requests).map(([x, y], i) => benchBlock(i, x, y, 0.08, vertices));
          const body = (g: Polygon) =>
            JSON.stringify({ ...g, applicant: '合成矿业权人1', application: 'new_exploration', as_of: '2026-06-30' });
          for (let i = 0; i < 3; i++) await timedCheck(srv.url, body(benchBlock(900 + i, 110 + i, 35, 0.08, vertices))); // warm-up
          const http: number[] = [];
          const sql: number[] = [];
          const found: number[] = [];
          for (const g of blocks) {
            const res = await timedCheck(srv.url, body(g));
            http.push(res.ms);
            if (!res.ok)
              throw new Error(`POST /api/checks (${vertices} corners) → ${res.status}: ${JSON.stringify(res.json).slice(0, 300)}`);
            found.push(res.json.conflicts?.length ?? 0);
            sql.push(await bareOverlaysMs(srv.db, g));
          }
          const h = summarise(http);
          const q = summarise(sql);
          const point: CurvePoint = {
            rights: counts.blocks,
            vertices,
            requests,
            http_p50_ms: round(h.p50, 1),
            http_p95_ms: round(h.p95, 1),
            sql_p50_ms: round(q.p50, 1),
            sql_p95_ms: round(q.p95, 1),
            conflicts_p50: summarise(found).p50,
          };
          points.push(point);
          console.log('curve', JSON.stringify(point));
        };
        if (rights === SWEEP_SIZE) {
          for (const v of VERTICES) await run(v, v >= 100_000 ? Math.min(REQUESTS, 8) : REQUESTS);
        } else await run(1_000, REQUESTS);
      } finally {
        await srv.close();
      }
    } finally {
      await dropBenchDatabase(adminUrl, name);
    }
  }
  return { loads, points };
}

/** The section of docs/benchmarks.md and the chart, from a run's figures. */
export function writeCurveDocs(r: { loads: NationalCounts[]; points: CurvePoint[] }, machine: string) {
  const bySize = r.points.filter((p) => p.vertices === 1_000).sort((a, b) => a.rights - b.rights);
  const byVertices = r.points
    .filter((p) => p.rights >= SWEEP_SIZE * 0.9 && p.rights <= SWEEP_SIZE * 1.1)
    .sort((a, b) => a.vertices - b.vertices);
  const svg = lineChartSvg([
    {
      title: 'POST /api/checks vs input corners (50,000 rights) · 核查耗时与输入拐点数',
      xLabel: 'corners (log)',
      x: byVertices.map((p) => p.vertices),
      series: [
        { name: 'HTTP p95', values: byVertices.map((p) => p.http_p95_ms) },
        { name: 'HTTP p50', values: byVertices.map((p) => p.http_p50_ms) },
        { name: 'overlay SQL p95', values: byVertices.map((p) => p.sql_p95_ms), dashed: true },
      ],
    },
    {
      title: 'POST /api/checks vs register size (1,000 corners) · 核查耗时与登记规模',
      xLabel: 'rights in the register (log)',
      x: bySize.map((p) => p.rights),
      series: [
        { name: 'HTTP p95', values: bySize.map((p) => p.http_p95_ms) },
        { name: 'HTTP p50', values: bySize.map((p) => p.http_p50_ms) },
        { name: 'overlay SQL p95', values: bySize.map((p) => p.sql_p95_ms), dashed: true },
      ],
    },
  ]);
  writeFileSync('docs/charts/check-latency.svg', svg);
  const row = (p: CurvePoint) =>
    `| ${p.rights.toLocaleString('en')} | ${p.vertices.toLocaleString('en')} | ${p.requests} | ${p.conflicts_p50} | ${p.http_p50_ms} | **${p.http_p95_ms}** | ${p.sql_p50_ms} | ${p.sql_p95_ms} | ${round(p.http_p95_ms / p.sql_p95_ms, 2)} |`;
  const lines = [
    `Measured ${machine}. Chart: [docs/charts/check-latency.svg](charts/check-latency.svg).`,
    '',
    '| rights | corners | requests | conflicts (median) | HTTP p50 ms | HTTP p95 ms | overlay SQL p50 ms | overlay SQL p95 ms | HTTP ÷ SQL p95 |',
    '|---|---|---|---|---|---|---|---|---|',
    ...[...byVertices, ...bySize.filter((p) => !byVertices.includes(p))].map(row),
    '',
    'Registers: ' +
      r.loads
        .map(
          (l) =>
            `${l.blocks.toLocaleString('en')} rights, ${l.protected_areas.toLocaleString('en')} protected areas, ${l.wells.toLocaleString('en')} wells, ${l.pipelines.toLocaleString('en')} pipelines, ${l.redline_vertices.toLocaleString('en')} red-line vertices (loaded in ${l.load_seconds} s)`,
        )
        .join('; ') +
      '.',
  ];
  writeDocSection('check-curve', lines);
}

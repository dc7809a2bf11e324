import pg from 'pg';
import { namedQuery } from '../server/db/sql-files';
import { round, runConcurrent, summarise } from './stats';

/** XYZ tiles covering a lon/lat box at zoom z. */
export function tilesCovering(z: number, [minLon, minLat, maxLon, maxLat]: number[]) {
  const n = 2 ** z;
  const x = (lon: number) => Math.floor(((lon + 180) / 360) * n);
  const y = (lat: number) => {
    const r = (lat * Math.PI) / 180;
    return Math.floor(((1 - Math.asinh(Math.tan(r)) / Math.PI) / 2) * n);
  };
  const out: [number, number, number][] = [];
  for (let tx = x(minLon); tx <= x(maxLon); tx++) for (let ty = y(maxLat); ty <= y(minLat); ty++) out.push([z, tx, ty]);
  return out;
}

// 沁水 basin, southern part (晋城 fields): where tiles are densest
const QINSHUI = [112.0, 35.4, 113.2, 36.4];

/**
 * Tiles per second at z8/z10/z12 over 沁水 through the HTTP API (8 concurrent clients, no tile cache),
 * beside the raw SQL (`SELECT kq_tile_mvt(...)` on one connection per client) doing the same work;
 * and the bbox items query latency beside its raw SQL.
 */
export async function benchTiles(baseUrl: string, databaseUrl: string) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 8 });
  const layers = ['blocks', 'wells', 'protected-areas'];
  const results: Record<string, unknown>[] = [];
  for (const z of [8, 10, 12]) {
    let tiles = tilesCovering(z, QINSHUI);
    // enough requests to measure: repeat the set (distinct URLs per layer), capped
    const work: { layer: string; t: [number, number, number] }[] = [];
    while (work.length < 600) for (const t of tiles) for (const layer of layers) work.push({ layer, t });
    tiles = tiles.slice(0);
    const http = await runConcurrent(work, 8, async ({ layer, t }) => {
      const r = await fetch(`${baseUrl}/tiles/${layer}/${t[0]}/${t[1]}/${t[2]}.mvt`);
      await r.arrayBuffer();
    });
    const sql = namedQuery('layer_tile_mvt');
    const raw = await runConcurrent(work, 8, ({ layer, t }) => pool.query(sql, [layer, ...t]));
    const h = summarise(http.times);
    const s = summarise(raw.times);
    results.push({
      zoom: z,
      distinct_tiles: tiles.length * layers.length,
      requests: work.length,
      http_tiles_per_s: round((work.length / http.wallMs) * 1000, 0),
      http_p50_ms: round(h.p50),
      http_p95_ms: round(h.p95),
      sql_tiles_per_s: round((work.length / raw.wallMs) * 1000, 0),
      sql_p50_ms: round(s.p50),
      sql_p95_ms: round(s.p95),
    });
  }
  // bbox items query: wells in a 0.1° box, 200 times, API vs raw named query
  const boxes = Array.from({ length: 200 }, (_, i) => {
    const lon = 112.3 + (i % 20) * 0.03;
    const lat = 35.5 + Math.floor(i / 20) * 0.05;
    return [lon, lat, lon + 0.1, lat + 0.1];
  });
  const api = await runConcurrent(boxes, 1, async (b) => {
    await (await fetch(`${baseUrl}/collections/wells/items?bbox=${b.join(',')}&limit=100`)).json();
  });
  const itemsSql = namedQuery('wells_items');
  const raw = await runConcurrent(boxes, 1, (b) => pool.query(itemsSql, [...b, 100, 0, '{}']));
  await pool.end();
  const a = summarise(api.times);
  const r = summarise(raw.times);
  return {
    tiles: results,
    bbox_items: {
      requests: boxes.length,
      api_p50_ms: round(a.p50),
      api_p95_ms: round(a.p95),
      sql_p50_ms: round(r.p50),
      sql_p95_ms: round(r.p95),
    },
  };
}

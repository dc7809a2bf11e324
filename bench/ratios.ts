/**
 * The issue-17 ratios of one `npm run bench` run, written into docs/benchmarks.md (between `<!-- bench ratios -->`
 * markers) with the machine they were measured on: tiles (cold ÷ bare SQL, warm ÷ bare SQL, per layer over z8–z14),
 * checks (HTTP ÷ the seven overlays at p95), the whole-register list (page p50) and, when run, the scaling table.
 */
import { writeDocSection } from './docs-section';
import { scaleMarkdown } from './scale';
import type { TileRow } from './tiles.bench';

type Failed = { failed: string };
const ran = <T extends object>(v: T | Failed | undefined): T | undefined => (v && !('failed' in v) ? v : undefined);

interface Measured {
  tiles?: { rows: TileRow[]; seconds_per_run: number; client?: string };
  conflicts?: {
    http_post_api_checks: { p95_ms: number };
    bare_sql_overlay: { p95_ms: number };
    http_over_bare_sql_p95: number;
    requests: number;
  };
  register?: { pages_of_100: Record<string, { p50_ms: number; max_ms: number }> };
  scale?: Parameters<typeof scaleMarkdown>[0];
}

/** What bench/run.ts gathers: a part that failed is `{ failed }`. */
type BenchOut = { [K in keyof Measured]?: Measured[K] | Failed };

const span = (vs: number[], digits = 2) => {
  const lo = Math.min(...vs).toFixed(digits);
  const hi = Math.max(...vs).toFixed(digits);
  return lo === hi ? lo : `${lo}–${hi}`;
};
const met = (n: number, of: number) => (n === of ? `all ${of}` : `${n} of ${of}`);

export function ratiosMarkdown(all: BenchOut, machine: string): string[] {
  const out: Measured = { tiles: ran(all.tiles), conflicts: ran(all.conflicts), register: ran(all.register), scale: ran(all.scale) };
  const lines = [
    `Measured ${machine}; one run (every figure: bench/last-run.json, written by the run on the machine that ran it, not kept in git).`,
    '',
  ];
  for (const [k, v] of Object.entries(all)) if (v && 'failed' in v) lines.push(`**${k}: the bench failed** (${v.failed}).`, '');
  if (out.tiles?.rows.length) {
    const rows = out.tiles.rows;
    lines.push(
      `**Tiles** (${out.tiles.seconds_per_run} s a run, 8 connections, ${out.tiles.client ?? 'autocannon'} in its own process; "SQL ÷ cold" is bare-SQL tiles/s over`,
      `HTTP cold tiles/s, goal ≤ 1.3; "warm ÷ SQL" is HTTP warm over bare SQL, goal ≥ 5; CPU: µs of every process per tile, same goals;`,
      `"batched SQL ÷ cold": the same tiles four to a statement, as the service renders them, over HTTP cold, beside the goal;`,
      `"thin front": the same goals met by the thinnest Node HTTP front of the same SQL (bench/thin-tile-server.mjs: node:http, a`,
      `pool of 8, one statement a tile, a Map for warm, no headers, limits or logging), the ceiling of any Node service here;`,
      `"thin front with headers": its warm Map sending the service's headers of a tile (security, caching, rate limit), the`,
      `ceiling of a warm answer that carries them):`,
      '',
      '| layer | zooms | SQL ÷ cold | zooms ≤ 1.3 | CPU cold ÷ bare | zooms ≤ 1.3 (CPU) | batched SQL ÷ cold | warm ÷ SQL | zooms ≥ 5 | CPU bare ÷ warm | thin front: SQL ÷ cold, zooms ≤ 1.3 | thin front: warm ÷ SQL, zooms ≥ 5 | thin front with headers: warm ÷ SQL, zooms ≥ 5 |',
      '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    );
    for (const layer of [...new Set(rows.map((r) => r.layer))]) {
      const rs = rows.filter((r) => r.layer === layer);
      lines.push(
        `| ${layer} | z${Math.min(...rs.map((r) => r.zoom))}–z${Math.max(...rs.map((r) => r.zoom))} | ${span(rs.map((r) => r.cold_ratio))} | ` +
          `${met(rs.filter((r) => r.cold_ratio <= 1.3).length, rs.length)} | ${span(rs.map((r) => r.cpu_cold_ratio))} | ` +
          `${met(rs.filter((r) => r.cpu_cold_ratio <= 1.3).length, rs.length)} | ` +
          `${span(rs.map((r) => (r.sql_batched_tiles_per_s ?? 0) / r.http_cold_tiles_per_s))} | ` +
          `${span(
            rs.map((r) => r.warm_ratio),
            1,
          )} | ${met(rs.filter((r) => r.warm_ratio >= 5).length, rs.length)} | ${span(
            rs.map((r) => r.cpu_warm_ratio),
            1,
          )} | ${thinCell(
            rs,
            (r) => r.sql_tiles_per_s / r.thin_cold_tiles_per_s!,
            (v) => v <= 1.3,
            2,
          )} | ${thinCell(
            rs,
            (r) => r.thin_warm_tiles_per_s! / r.sql_tiles_per_s,
            (v) => v >= 5,
            1,
          )} | ${thinCell(
            rs.filter((r) => r.thin_warm_headers_tiles_per_s),
            (r) => r.thin_warm_headers_tiles_per_s! / r.sql_tiles_per_s,
            (v) => v >= 5,
            1,
          )} |`,
      );
    }
    lines.push('');
  }
  if (out.conflicts) {
    const c = out.conflicts;
    lines.push(
      `**Checks** (national set, ${c.requests} requests of 1,000 corners one at a time): \`POST /api/checks\` p95 ` +
        `${c.http_post_api_checks.p95_ms} ms ÷ the seven layer overlays alone p95 ${c.bare_sql_overlay.p95_ms} ms = ` +
        `**${c.http_over_bare_sql_p95}×** (goal ≤ 1.5×: ${c.http_over_bare_sql_p95 <= 1.5 ? 'met' : 'not met'}).`,
      '',
    );
  }
  if (out.register) {
    const pages = Object.entries(out.register.pages_of_100);
    const worst = pages.reduce((a, b) => (b[1].p50_ms > a[1].p50_ms ? b : a));
    lines.push(
      `**Whole-register list** (national set, pages of 100): slowest page p50 ${worst[1].p50_ms} ms (${worst[0]}), ` +
        `slowest single page ${Math.max(...pages.map(([, p]) => p.max_ms))} ms (goal < 100 ms at p50: ${worst[1].p50_ms < 100 ? 'met' : 'not met'}).`,
      '',
    );
  }
  if (out.scale) lines.push('**Past one machine** (bench/scale.ts):', '', scaleMarkdown(out.scale), '');
  return lines;
}

/** A thin-front cell: the span of a ratio over the layer's zooms and how many meet the goal ("–" where not measured). */
function thinCell(rs: TileRow[], ratio: (r: TileRow) => number, goal: (v: number) => boolean, digits: number): string {
  const ran = rs.filter((r) => r.thin_cold_tiles_per_s && r.thin_warm_tiles_per_s);
  if (!ran.length) return '–';
  const v = ran.map(ratio);
  return `${span(v, digits)}, ${met(v.filter(goal).length, ran.length)}`;
}

export function writeRatios(out: BenchOut, machine: string): void {
  if (!out.tiles && !out.conflicts && !out.register && !out.scale) return;
  writeDocSection('ratios', ratiosMarkdown(out, machine));
}

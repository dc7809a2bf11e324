/** Pure formatting helpers (unit-tested in format.test.ts). */

/** km² to 4 decimals, as MNR's systems report areas (peers.md §1.8): `52.4605 km²`. */
export function formatKm2(v: number | null | undefined, unit = true): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  const s = (Math.round(v * 10_000) / 10_000).toFixed(4);
  return unit ? `${s === '-0.0000' ? '0.0000' : s} km²` : s === '-0.0000' ? '0.0000' : s;
}

/** An amount of yuan with thousands separators and 2 decimals: ¥134,375,926.00 (CN¥ in English). */
export function formatCny(v: number | null | undefined, lang: 'zh' | 'en' = 'zh'): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  return new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en', {
    style: 'currency',
    currency: 'CNY',
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(v);
}

/** A 0..1 share as a percentage with `digits` decimals. */
export function formatPercent(v: number | null | undefined, digits = 2): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  return `${(v * 100).toFixed(digits)}%`;
}

/** Whole days from `from` to the ISO date `to` (negative when past). */
export function daysUntil(to: string, from: Date = new Date()): number {
  const t = Date.parse(`${to.slice(0, 10)}T00:00:00Z`);
  const f = Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate());
  return Math.round((t - f) / 86_400_000);
}

/** Bounding box [minx, miny, maxx, maxy] of any GeoJSON geometry, or null when it has no coordinates. */
export function bboxOf(geom: GeoJSON.Geometry | null | undefined): [number, number, number, number] | null {
  if (!geom) return null;
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const walk = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      const [x, y] = c as number[];
      if (x < b[0]) b[0] = x;
      if (y < b[1]) b[1] = y;
      if (x > b[2]) b[2] = x;
      if (y > b[3]) b[3] = y;
    } else if (Array.isArray(c)) c.forEach(walk);
  };
  if (geom.type === 'GeometryCollection') geom.geometries.forEach((g) => walk('coordinates' in g ? g.coordinates : []));
  else walk(geom.coordinates);
  return Number.isFinite(b[0]) ? b : null;
}

/** A value of unknown shape as a short readable string (numbers keep up to 4 decimals). */
export function formatValue(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Math.round(v * 10_000) / 10_000);
  if (typeof v === 'boolean') return v ? '✓' : '✗';
  if (typeof v === 'string') return v;
  if (Array.isArray(v) && v.every((x) => typeof x !== 'object' || x === null)) return v.map(formatValue).join(', ');
  return JSON.stringify(v);
}

/** One CSV field, quoted when needed (RFC 4180), never a spreadsheet formula: the server's one helper. */
export { csvCell as csvField } from '../../server/export/csv-cell';

/** Letters A, B, C, … Z, AA, AB … for candidate plans. */
export function candidateLetter(i: number): string {
  let s = '';
  let n = i;
  do {
    s = String.fromCharCode(65 + (n % 26)) + s;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return s;
}

/** An ISO timestamp as local date and time to the second (2026-12-02 11:12:20), '' for none. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** Pure formatting helpers (unit-tested in format.test.ts). */

/** km² to 4 decimals, as MNR's systems report areas (peers.md §1.8): `52.4605 km²`. */
export function formatKm2(v: number | null | undefined, unit = true): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  const s = (Math.round(v * 10_000) / 10_000).toFixed(4);
  return unit ? `${s === '-0.0000' ? '0.0000' : s} km²` : s === '-0.0000' ? '0.0000' : s;
}

/**
 * An amount of yuan with thousands separators and 2 decimals. Chinese: in 元, or in 万元 from 10,000 元 up
 * (13,437.59 万元), as forms and notices write money; English: CN¥134,375,926.00.
 */
export function formatCny(v: number | null | undefined, lang: 'zh' | 'en' = 'zh'): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  const n = (x: number, locale: string) => new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(x);
  if (lang === 'en') return `CN¥${n(v, 'en')}`;
  return Math.abs(v) >= 10_000 ? `${n(v / 10_000, 'zh-CN')} 万元` : `${n(v, 'zh-CN')} 元`;
}

/** An ISO day as people write it: 2030年12月15日 / 15 Dec 2030 (anything else unchanged, '—' for none). */
export function formatDate(iso: string | null | undefined, lang: 'zh' | 'en' = 'zh'): string {
  if (!iso) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.slice(0, 10));
  if (!m) return iso;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (lang === 'zh') return `${y}年${mo}月${d}日`;
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][mo - 1];
  return `${d} ${month} ${y}`;
}

/**
 * A rule step's arithmetic made readable: long numbers grouped by thousands (134375926 → 134,375,926),
 * and in Chinese the currency code written 元. Decimals, dates (2015-11-18) and short numbers are left alone.
 */
export function readableFormula(f: string, lang: 'zh' | 'en' = 'zh'): string {
  const grouped = f.replace(/(?<![\d.-])(\d{5,})(?=(\.\d+)?(?![\d-]))/g, (d: string) => d.replace(/\B(?=(\d{3})+(?!\d))/g, ','));
  return lang === 'zh' ? grouped.replace(/\s?\bCNY\b/g, ' 元') : grouped;
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

/** Number and date formatting for reports and exports (pure). */

/** km² to 4 decimals (RULES.md §7), with thousands separators in the integer part. */
export const km2 = (v: number) => group(v.toFixed(4));

/** A share (0..1) as a percentage to 2 decimals: 0.7165421 → "71.65%". */
export const percent = (v: number | null | undefined) =>
  v === null || v === undefined || !Number.isFinite(v) ? '—' : `${(v * 100).toFixed(2)}%`;

/** Money in yuan, thousands separators, 2 decimals: 1760942.4658 → "1,760,942.47 元" ("CNY 1,760,942.47" in English). */
export function yuan(v: number, lang: 'zh' | 'en' = 'zh'): string {
  const s = group(v.toFixed(2));
  return lang === 'zh' ? `${s} 元` : `CNY ${s}`;
}

/** "1234567.891" → "1,234,567.891" (sign kept). */
export function group(fixed: string): string {
  const neg = fixed.startsWith('-');
  const [i, d] = (neg ? fixed.slice(1) : fixed).split('.');
  const g = i.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '-' : ''}${g}${d !== undefined ? `.${d}` : ''}`;
}

/** Metres to 3 decimals (GK coordinates), no grouping (the national tables write them plain). */
export const metres = (v: number) => v.toFixed(3);

/** An instant in China time (UTC+8): "2026-12-01 22:40:12 (UTC+8)". */
export function chinaTime(iso: string): string {
  const d = new Date(Date.parse(iso) + 8 * 3600_000);
  return `${d.toISOString().slice(0, 19).replace('T', ' ')} (UTC+8)`;
}

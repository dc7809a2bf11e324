/** Small HTML helpers shared by the report templates (pure). */
import { isMessage } from '../i18n/message';
import { COLLECTIONS, CONFLICT_CHECKS, label, SUMMARY_KEYS, type Lang } from '../vocab';

export type { Lang };

/** The layer a conflict entry (or a summary key) belongs to, named from the vocabulary: a containment finding by its check. */
export function layerLabel(c: { collection: string; check?: string | null }, lang: Lang): string {
  if (c.check) return label(CONFLICT_CHECKS, c.check, lang);
  return Object.hasOwn(COLLECTIONS, c.collection) ? label(COLLECTIONS, c.collection, lang) : label(SUMMARY_KEYS, c.collection, lang);
}

/** A server sentence ({code, params, message, message_zh}) or plain text, in the report's language. */
export const txt = (x: unknown, lang: 'zh' | 'en'): string => (isMessage(x) ? (lang === 'zh' ? x.message_zh : x.message) : String(x ?? ''));

/** Escape text for HTML element content and attribute values. */
/** A report's phrases, each as [Chinese, English] with `{name}` slots: the lookup in one language (report texts only). */
export function phrasebook<K extends string>(
  t: Record<K, readonly [string, string]>,
): (lang: Lang, k: K, vars?: Record<string, string | number>) => string {
  return (lang, k, vars = {}) => t[k][lang === 'zh' ? 0 : 1].replace(/\{(\w+)\}/g, (_, v: string) => String(vars[v] ?? ''));
}

export const esc = (s: unknown) =>
  String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The fonts reports ask for: WenQuanYi Micro Hei is TrueType (Chromium embeds it as a subset CID font,
 *  ~6× smaller and ~4× faster than Noto CJK's CFF outlines, which Skia embeds as Type 3); Noto CJK next. */
export const REPORT_FONTS = "'WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'Noto Sans CJK', 'DejaVu Sans', sans-serif";

export const REPORT_CSS = `
@page { size: A4; }
* { box-sizing: border-box; }
body { font-family: ${REPORT_FONTS}; font-size: 9pt; color: #111; margin: 0; line-height: 1.35; }
h1 { font-size: 15pt; margin: 0 0 2mm; }
h2 { font-size: 11pt; margin: 5mm 0 2mm; border-bottom: 0.4pt solid #444; padding-bottom: 1mm; break-after: avoid; }
h3 { font-size: 9.5pt; margin: 3mm 0 1mm; break-after: avoid; }
table { border-collapse: collapse; width: 100%; margin: 1mm 0 2mm; }
th, td { border: 0.4pt solid #888; padding: 0.6mm 1.2mm; vertical-align: top; text-align: left; }
th { background: #eee; font-weight: bold; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
th.num { white-space: normal; }
tr { break-inside: avoid; }
table.fixed { table-layout: fixed; } table.fixed td { overflow-wrap: anywhere; }
caption { text-align: left; caption-side: top; }
.keep { break-inside: avoid; }
.meta td:first-child { width: 32mm; background: #f6f6f6; }
.meta4 td:nth-child(3) { width: 24mm; background: #f6f6f6; } .meta4 td:first-child { width: 20mm; }
.notice { border: 0.6pt solid #b35806; background: #fff4e5; padding: 1.5mm 2mm; margin: 2mm 0; }
.small { font-size: 7.5pt; color: #444; }
.mono { font-family: 'DejaVu Sans Mono', monospace; font-size: 7pt; word-break: break-all; }
.head { display: flex; justify-content: space-between; align-items: flex-start; gap: 4mm; }
.qr svg { width: 26mm; height: 26mm; }
.legend { display: flex; flex-wrap: wrap; gap: 1mm 4mm; font-size: 7.5pt; margin: 1mm 0; }
.legend span { display: inline-flex; align-items: center; gap: 1mm; }
.figure { break-inside: avoid; }
.verdict { font-size: 10.5pt; font-weight: bold; padding: 1.5mm 2mm; border: 0.8pt solid #333; margin: 2mm 0; }
.block { color: #b2182b; } .condition { color: #b35806; } .ok { color: #1a7837; }
.conflict { break-inside: avoid; border-left: 1.2mm solid #ccc; padding-left: 2mm; margin: 2mm 0; }
.conflict.sev-block { border-color: #d7191c; } .conflict.sev-condition { border-color: #e08214; } .conflict.sev-ok { border-color: #1a9641; }
.article { color: #333; font-size: 8pt; }
`;

/** The footer template Chromium prints on every page (its own little document: fonts set inline). */
export function footerHtml(left: string): string {
  return (
    `<div style="font-family:${REPORT_FONTS.replace(/'/g, '&#39;')};font-size:7pt;width:100%;padding:0 14mm;display:flex;justify-content:space-between;color:#555">` +
    `<span>${esc(left)}</span><span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`
  );
}

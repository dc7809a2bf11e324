/**
 * Old Chinese datums named in a file (Beijing-54, Xi'an-80): refused by name, with the reason — there are no public
 * transformation parameters to CGCS2000, and a guessed shift of up to ~100 m would be a confident wrong answer.
 */
import { unprocessable } from '../errors';
import { texts } from './angles';

interface OldDatum {
  re: RegExp;
  en: string;
  zh: string;
}

const OLD: OldDatum[] = [
  {
    re: /(1954\s*年?\s*北京|北京\s*(19)?54|54\s*北京|beijing\s*[-_ ]?\s*(19)?54|\bbj\s*[-_]?\s*54\b|EPSG:?\s*(4214|240[1-9]|24[1-3]\d|244[0-2])\b)/i,
    en: 'Beijing 1954 (北京54)',
    zh: '1954北京坐标系',
  },
  {
    re: /(1980\s*年?\s*西安|西安\s*(19)?80|80\s*西安|xi'?an\s*[-_ ]?\s*(19)?80|\bxa\s*[-_]?\s*80\b|EPSG:?\s*(4610|232[7-9]|23[3-8]\d|2390)\b)/i,
    en: "Xi'an 1980 (西安80)",
    zh: '1980西安坐标系',
  },
];

const CGCS = /2000|cgcs|EPSG:?\s*(4490|449[1-9]|45[0-4]\d|455[0-4])\b/i;

/** The old datum a piece of text names (and does not also name CGCS2000 as its target), if any. */
export function oldDatumIn(text: string): { datum: OldDatum; seen: string } | undefined {
  if (!text) return undefined;
  const t = text.normalize('NFKC');
  for (const d of OLD) {
    const m = d.re.exec(t);
    if (m && !CGCS.test(t.replace(m[0], ''))) return { datum: d, seen: m[0].trim() };
  }
  return undefined;
}

/** Refuse a file whose text (title, notes, header keys) names Beijing-54 or Xi'an-80. */
export function refuseOldDatum(text: string, line?: number, field?: string): void {
  const hit = oldDatumIn(text);
  if (!hit) return;
  const [en] = texts('PARSE_OLD_DATUM', { datum: hit.datum.en, seen: hit.seen, line: line ?? null });
  const [, zh] = texts('PARSE_OLD_DATUM', { datum: hit.datum.zh, seen: hit.seen, line: line ?? null });
  throw unprocessable('PARSE_CRS_UNSUPPORTED', en, zh, [
    {
      ...(line ? { line } : {}),
      ...(field ? { field } : {}),
      value: hit.seen,
      datum: hit.datum.en,
      reason: 'no public transformation parameters to CGCS2000',
    },
  ]);
}

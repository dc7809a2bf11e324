/**
 * Server sentences in the page's language. The server sends every sentence as a Message
 * `{ code, params, message, message_zh }` (server/i18n/message.ts); this picks the language. Older
 * plain strings are shown as they are, except the "中文 / English" pairs some modules still write,
 * of which only the chosen language's half is shown.
 */
import { isMessage } from '../../../server/i18n/message';
import type { Lang } from '../../../server/vocab';

const CJK = /[\u3400-\u9fff]/;

/** One side of a legacy "中文 / English" string; the whole string when it is not such a pair. */
function legacyPair(s: string, lang: Lang): string {
  const i = s.indexOf(' / ');
  if (i < 0) return s;
  const zh = s.slice(0, i);
  const en = s.slice(i + 3);
  if (!CJK.test(zh) || CJK.test(en.replace(/[（(][^)）]*[)）]/g, ''))) return s;
  return lang === 'zh' ? zh : en;
}

/** A server sentence (Message, string or anything else) as text in `lang`. */
export function textOf(x: unknown, lang: Lang): string {
  if (x === null || x === undefined) return '';
  if (isMessage(x)) return lang === 'zh' ? x.message_zh : x.message;
  if (typeof x === 'string') return legacyPair(x, lang);
  if (typeof x === 'object' && x && ('message' in x || 'message_zh' in x)) {
    const m = x as { message?: string; message_zh?: string };
    return (lang === 'zh' ? (m.message_zh ?? m.message) : (m.message ?? m.message_zh)) ?? '';
  }
  return String(x);
}

/**
 * Count XML elements before any DOM is built: a DOM costs ~100–200 bytes of heap per element, so 20 MiB of
 * `<a/>` (5 million elements, from a 20 KB KMZ) would need about a gigabyte. Counting start tags is a linear
 * scan in constant memory; the count stops as soon as it passes the limit.
 */
import { tooLarge } from '../errors';
import { defineMessages, say } from '../i18n/message';

const SAY = defineMessages({
  XML_TOO_MANY_ELEMENTS: {
    en: (p: { part: string; limit: number }) => `${p.part} has more than ${p.limit} XML elements; that is the limit`,
    zh: (p: { part: string; limit: number }) => `${p.part} 的 XML 元素超过上限 ${p.limit} 个`,
  },
});

/** A start tag begins with '<' and a name-start character (not '/', '!', '?'). */
const nameStart = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c === 0x3a || c >= 0x80;

/** Start tags in `xml` (a string or UTF-8 bytes), counting at most limit + 1. */
export function countXmlElements(xml: string | Uint8Array, limit = Infinity): number {
  let n = 0;
  if (typeof xml === 'string') {
    for (let i = xml.indexOf('<'); i >= 0 && i < xml.length - 1; i = xml.indexOf('<', i + 1))
      if (nameStart(xml.charCodeAt(i + 1)) && ++n > limit) return n;
  } else {
    for (let i = xml.indexOf(0x3c); i >= 0 && i < xml.length - 1; i = xml.indexOf(0x3c, i + 1))
      if (nameStart(xml[i + 1]) && ++n > limit) return n;
  }
  return n;
}

/** 413 XML_TOO_MANY_ELEMENTS for `part`. */
export function tooManyElements(part: string, limit: number) {
  const m = say(SAY, 'XML_TOO_MANY_ELEMENTS', { part, limit });
  return tooLarge(m.code, m.message, m.message_zh, [{ part, limit }]);
}

/** Refuse (413 XML_TOO_MANY_ELEMENTS) a document or archive part with more than `limit` elements. */
export function checkXmlElements(xml: string | Uint8Array, limit: number, part: string): void {
  if (countXmlElements(xml, limit) > limit) throw tooManyElements(part, limit);
}

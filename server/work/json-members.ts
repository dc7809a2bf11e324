/**
 * What JSON.parse changes without saying so, found in the text it parsed (a second pass over valid JSON):
 *   - a key repeated in one object: JSON.parse keeps the last value and drops the others (`"coordinates"` twice —
 *     which one did the sender mean?);
 *   - a `__proto__` key: JSON.parse keeps it as an own member, but any later copy by assignment turns it into the
 *     object's prototype and the member is gone (it was, in the main thread's shell of small members); no GeoJSON or
 *     parameter member has this name;
 *   - a number beyond ±1.8e308: JSON.parse reads it as ±Infinity, which JSON cannot carry further (null once written).
 * Other numbers are read as IEEE doubles, as JSON.parse always does: 15–17 significant digits, far below any
 * coordinate's 1e-9° or a metre's millionth; they are not refused.
 */
export interface JsonMemberProblem {
  kind: 'duplicate_key' | 'proto_key' | 'number_out_of_range';
  /** the key, or the number as written */
  text: string;
  line: number;
  column: number;
}

/** - + . e E 0-9 */
const isNumberChar = (c: number) => (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2b || c === 0x2e || c === 0x65 || c === 0x45;

interface Frame {
  keys: Set<string> | null; // null: an array
  expectKey: boolean;
}

/** The first problem in `text` (which JSON.parse accepted), or undefined. */
export function jsonMemberProblem(text: string): JsonMemberProblem | undefined {
  const stack: Frame[] = [];
  let line = 1;
  let lineStart = 0;
  const at = (i: number, kind: JsonMemberProblem['kind'], t: string): JsonMemberProblem => ({
    kind,
    text: t,
    line,
    column: i - lineStart + 1,
  });
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x0a) {
      line++;
      lineStart = i + 1;
    } else if (ch === 0x7b /* { */) stack.push({ keys: new Set(), expectKey: true });
    else if (ch === 0x5b /* [ */) stack.push({ keys: null, expectKey: false });
    else if (ch === 0x7d /* } */ || ch === 0x5d /* ] */) stack.pop();
    else if (ch === 0x2c /* , */) {
      const top = stack[stack.length - 1];
      if (top?.keys) top.expectKey = true;
    } else if (ch === 0x22 /* " */) {
      const start = i;
      let escaped = false;
      for (i++; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x5c /* \ */) {
          escaped = true;
          i++;
        } else if (c === 0x22) break;
      }
      const top = stack[stack.length - 1];
      if (top?.keys && top.expectKey) {
        top.expectKey = false;
        const raw = text.slice(start, i + 1);
        const key = escaped ? (JSON.parse(raw) as string) : raw.slice(1, -1);
        if (key === '__proto__') return at(start, 'proto_key', key);
        if (top.keys.has(key)) return at(start, 'duplicate_key', key);
        top.keys.add(key);
      }
    } else if (ch === 0x2d /* - */ || (ch >= 0x30 && ch <= 0x39)) {
      const start = i;
      while (i + 1 < text.length && isNumberChar(text.charCodeAt(i + 1))) i++;
      const raw = text.slice(start, i + 1);
      if (!Number.isFinite(Number(raw))) return at(start, 'number_out_of_range', raw);
    }
  }
  return undefined;
}

/**
 * Angles in corner tables: DMS text, decimal degrees, and packed ddd.mmss (112.3015 = 112°30′15″), which looks like
 * a decimal. A packed column is read as DMS only when the header says so (度分秒, dms); when the header is silent and
 * every value could be packed, the reader asks instead of guessing. DMS whose ′ ″ were lost (23°5733.084) is refused
 * with what was seen.
 */
import { badRequest } from '../errors';
import { parseDms } from '../geodesy/dms';
import { PARSE_SAY } from './messages';
import { ENCLOSED, toNumber } from './numbers';
import { say } from '../i18n/message';

export type AngleStyle = 'dms' | 'decimal' | undefined;

/** What a header annotation says about the angles below it. */
export function angleStyleOf(annotation: string): AngleStyle {
  const a = annotation.normalize('NFKC').toLowerCase();
  if (/度分秒|dms|ddmmss|dddmmss|°′″|°'"|d\.?mmss|ddd\.mmss|度\.分秒/.test(a)) return 'dms';
  if (/十进制|小数|decimal|dd\.d|十进位/.test(a)) return 'decimal';
  return undefined;
}

const PLAIN = /^[+-]?\d{1,3}\.\d+$/;

/** 112.3015 → 112°30′15″ as degrees, or undefined when the digits cannot be minutes and seconds. */
export function packedDms(s: string): { value: number; text: string } | undefined {
  const t = s.trim();
  if (!PLAIN.test(t)) return undefined;
  const neg = t.startsWith('-');
  const [di, frac] = t.replace(/^[+-]/, '').split('.');
  const mm = Number(frac.slice(0, 2).padEnd(2, '0'));
  const ssDigits = frac.slice(2).padEnd(2, '0');
  const ss = Number(`${ssDigits.slice(0, 2)}.${ssDigits.slice(2) || '0'}`);
  if (mm >= 60 || ss >= 60) return undefined;
  const v = Number(di) + mm / 60 + ss / 3600;
  return {
    value: neg ? -v : v,
    text: `${neg ? '-' : ''}${di}°${String(mm).padStart(2, '0')}′${ssDigits.slice(0, 2)}${ssDigits.length > 2 ? `.${ssDigits.slice(2)}` : ''}″`,
  };
}

/** How many values (at least) before an all-packable column is suspicious, and the digits that make it so. */
const MIN_VALUES = 6;

export interface AngleCell {
  text: string;
  line: number;
}

/**
 * Decide how plain numbers in degree columns are read: 'dms' when the header says so (every value must be packable),
 * 'decimal' when the header says so or some value cannot be packed; otherwise (every value packable, enough of them,
 * some with ≥ 4 decimals) a refusal asking which.
 */
export function decidePacked(cells: AngleCell[], style: AngleStyle, columns: string): 'dms' | 'decimal' {
  const plain = cells.filter((c) => PLAIN.test(c.text.trim()));
  if (style === 'decimal' || !plain.length) return 'decimal';
  if (style === 'dms') {
    const bad = plain.find((c) => !packedDms(c.text));
    if (bad)
      throw badRequest(
        'PARSE_PACKED_DMS_INVALID',
        ...texts('PARSE_PACKED_DMS_INVALID', { line: bad.line, value: bad.text, column: columns }),
        [{ line: bad.line, value: bad.text, field: columns }],
      );
    return 'dms';
  }
  if (plain.length < MIN_VALUES || plain.some((c) => !packedDms(c.text))) return 'decimal';
  const long = plain.find((c) => c.text.trim().split('.')[1].length >= 4);
  if (!long) return 'decimal';
  const p = packedDms(long.text)!;
  throw badRequest(
    'PARSE_ANGLE_AMBIGUOUS',
    ...texts('PARSE_ANGLE_AMBIGUOUS', { line: long.line, example: long.text.trim(), dmsText: p.text, dms: p.value, columns }),
    [{ line: long.line, value: long.text.trim(), field: columns, decimal: Number(long.text), packed_dms: p.value }],
  );
}

/** One angle cell → degrees, with packed ddd.mmss when the column was decided so; undefined when not an angle. */
export function readAngle(text: string, packed: boolean): number | undefined {
  const s = text.trim();
  if (!s || ENCLOSED.test(s)) return undefined;
  if (packed && PLAIN.test(s)) return packedDms(s)?.value;
  const n = toNumber(s);
  if (n !== undefined) return n;
  return parseDms(s)?.value;
}

/** The refusal for a degree cell that is not an angle: names lost ′ ″ marks when that is what it looks like. */
export function angleRefusal(text: string, line: number, field: string) {
  const s = text.normalize('NFKC').trim();
  const lost =
    /^(\d{1,3})\s*[°度]\s*(\d{2})(\d{2}(?:\.\d+)?)$/.exec(s) ?? /^(\d{1,3})\s*[°度]\s*(\d{2})[′'’分]?\s*(\d{2}(?:\.\d+)?)$/.exec(s);
  if (lost && !/[′'’分]/.test(s)) {
    const guess = `${lost[1]}°${lost[2]}′${lost[3]}″`;
    return badRequest('PARSE_DMS_MARKS_LOST', ...texts('PARSE_DMS_MARKS_LOST', { line, value: text.trim(), field, guess }), [
      { line, field, value: text.trim(), guess },
    ]);
  }
  const shown = text.trim().slice(0, 40);
  return badRequest(
    'PARSE_NOT_NUMERIC',
    `Not an angle: '${shown}' (line ${line}, ${field})`,
    `不是有效角度：“${shown}”（第 ${line} 行，${field}）`,
    [{ line, field, value: shown }],
  );
}

/** English and Chinese text of a catalogue sentence, for an AppError. */
export function texts<K extends keyof typeof PARSE_SAY & string>(
  code: K,
  params?: Parameters<(typeof PARSE_SAY)[K]['en']>[0],
): [string, string] {
  const m = (say as unknown as (c: unknown, k: string, p: unknown) => { message: string; message_zh: string })(
    PARSE_SAY,
    code,
    params ?? {},
  );
  return [m.message, m.message_zh];
}

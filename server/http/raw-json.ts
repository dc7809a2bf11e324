/**
 * JSON text made elsewhere (a worker), placed into a response without parsing it back into objects and
 * stringifying it again on the main thread. A 200,000-corner input echoed in a check's answer costs ~0.3 s of main
 * thread to clone from the worker and ~0.35 s to stringify on a quiet 2-core machine: every other request (health
 * included) waits that long. As text it is one memory copy.
 *
 * `rawJson(text)` stands for the value in a response body; `stringifyWithRaw(body)` writes the body with each such
 * value's text in place. Serialised any other way (plain `JSON.stringify`), it parses its text: slower, never wrong.
 */
import { randomBytes } from 'node:crypto';

const TEXT = Symbol('raw JSON text');

interface Raw {
  readonly [TEXT]: string;
  toJSON(): unknown;
}

/** The values met by the stringify in progress (JSON.stringify is synchronous: one at a time). */
let collecting: { nonce: string; found: string[] } | null = null;

/** What a raw value's toJSON gives: a marker inside stringifyWithRaw, the parsed value anywhere else. */
function writeRaw(text: string, parsed: () => unknown): unknown {
  if (!collecting) return parsed();
  collecting.found.push(text);
  return `\u0000${collecting.nonce}:${collecting.found.length - 1}\u0000`;
}

/** A value whose JSON is `text` (already valid JSON, written by JSON.stringify). Typed as what it stands for. */
export function rawJson<T>(text: string): T {
  const raw: Raw = {
    [TEXT]: text,
    toJSON: () => writeRaw(text, () => JSON.parse(text) as unknown),
  };
  return raw as unknown as T;
}

/**
 * How `ST_AsGeoJSON(g, 9, 0)` writes a geometry (no bbox, no crs): `type` first, then its one other member. Numbers
 * have at most 9 decimals (12 significant digits for a longitude), so JSON.stringify(JSON.parse(text)) === text: the
 * text written in place is the same bytes as the parsed objects written again (test/api/checks.test.ts and
 * hostile-uploads.test.ts check answers against their own re-serialisation).
 */
const GEOJSON_HEAD =
  /^\{"type":"(Point|MultiPoint|LineString|MultiLineString|Polygon|MultiPolygon)","coordinates":|^\{"type":"(GeometryCollection)","geometries":/;

/**
 * A GeoJSON geometry from PostGIS's text, read lazily: `type` comes from the text's head, `coordinates` (or a
 * collection's `geometries`) is parsed on first read, and stringifyWithRaw writes the text itself. A check's overlap
 * geometries can be as large as its input (7 MB for a 200,000-corner polygon wholly outside the province): parsing
 * and stringifying them again cost 0.3–0.5 s of main thread, during which every other request (health included)
 * waited. Read-only (frozen; the text is what gets written). Text of another shape is parsed at once.
 */
export function lazyGeoJson<T extends { type: string }>(text: string): T {
  const m = GEOJSON_HEAD.exec(text.slice(0, 48));
  if (!m) return JSON.parse(text) as T;
  const member = m[1] ? 'coordinates' : 'geometries';
  let parsed: Record<string, unknown> | undefined;
  const value = () => (parsed ??= JSON.parse(text) as Record<string, unknown>);
  const g = { type: m[1] ?? m[2] };
  Object.defineProperty(g, member, { enumerable: true, get: () => value()[member] });
  Object.defineProperty(g, 'toJSON', { value: () => writeRaw(text, value) });
  Object.defineProperty(g, TEXT, { value: text });
  return Object.freeze(g) as unknown as T;
}

/** JSON.stringify(body) cut at its raw values: the pieces of JSON between them, and their texts (in order). */
function piecesWithRaw(body: unknown): { pieces: string[]; texts: string[] } {
  const nonce = randomBytes(6).toString('hex');
  collecting = { nonce, found: [] };
  let skeleton: string;
  let found: string[];
  try {
    skeleton = JSON.stringify(body);
  } finally {
    found = collecting.found;
    collecting = null;
  }
  if (found.length === 0) return { pieces: [skeleton], texts: [] };
  // a marker is a whole JSON string: "\u0000<nonce>:<i>\u0000" (NUL written as its escape); split keeps the index
  const parts = skeleton.split(new RegExp(`"\\\\u0000${nonce}:(\\d+)\\\\u0000"`));
  const pieces: string[] = [];
  const texts: string[] = [];
  for (let k = 0; k < parts.length; k++) (k % 2 === 0 ? pieces : texts).push(k % 2 === 0 ? parts[k] : found[Number(parts[k])]);
  return { pieces, texts };
}

/** JSON.stringify(body), with every rawJson (and lazyGeoJson) value's text in place. */
export function stringifyWithRaw(body: unknown): string {
  const { pieces, texts } = piecesWithRaw(body);
  let out = pieces[0];
  for (let k = 0; k < texts.length; k++) out += texts[k] + pieces[k + 1];
  return out;
}

/**
 * The same JSON as UTF-8 bytes, written piece by piece into one buffer: a response of two 7 MB geometries is not first
 * joined into a 14 MB string and then encoded into a 14 MB buffer (fresh memory, each page faulted in on the main thread).
 */
export function bufferWithRaw(body: unknown): Buffer {
  const { pieces, texts } = piecesWithRaw(body);
  const all = [pieces[0]];
  for (let k = 0; k < texts.length; k++) all.push(texts[k], pieces[k + 1]);
  let n = 0;
  for (const p of all) n += Buffer.byteLength(p, 'utf8');
  const out = Buffer.allocUnsafe(n);
  let at = 0;
  for (const p of all) at += out.write(p, at, 'utf8');
  return out;
}

/**
 * JSON bodies of uploads (checks, exports) are parsed in the upload workers, not on the main thread: the main
 * thread reads the raw bytes (with the byte limit) and hands them over; a worker decodes, parses and inspects them
 * (nesting depth, NUL characters; a repeated key, a `__proto__` key or a number beyond the double range is refused
 * with its line and column rather than read differently from what was sent: json-members.ts) and sends back only the body's small top-level members (the parameters), while
 * the geometry stays as bytes until the task that needs it parses it again, in a worker.
 */
import { AppError } from '../errors';
import { bodyNotJson, bodyTooDeep, invalidCharacters } from '../http/error-middleware';
import { inspectJson } from '../http/request-guards';
import { defineMessages, say } from '../i18n/message';
import { jsonMemberProblem, type JsonMemberProblem } from './json-members';

/** Key under which a body's raw JSON bytes travel with its small members (a string key: it survives structured clone). */
export const RAW_JSON = 'kq_raw_json';
const RAW_CHARSET = 'kq_raw_json_charset';
/** Top-level members that carry geometry: never sent back to the main thread. */
const BULKY = new Set(['geometry', 'geometries', 'coordinates', 'features', 'bbox']);
/** Other top-level objects are sent back (the parameters, a Feature's properties) only up to this size. */
const SMALL_MEMBER_CHARS = 64 * 1024;

/** The charsets a JSON body may be sent in (as body-parser: the UTF family). */
export function jsonDecoderLabel(charset: string | undefined): string | undefined {
  const c = (charset ?? 'utf-8').toLowerCase();
  if (c === 'utf-8' || c === 'utf8') return 'utf-8';
  if (c === 'utf-16' || c === 'utf-16le') return 'utf-16le';
  if (c === 'utf-16be') return 'utf-16be';
  return undefined;
}

const SAY = defineMessages({
  BODY_DUPLICATE_KEY: {
    en: (p: { key: string; line: number; column: number }) =>
      `The JSON body repeats the key "${p.key}" in one object (line ${p.line}, column ${p.column}); only one value can be meant`,
    zh: (p) => `JSON 请求体的同一对象中键“${p.key}”重复出现（第 ${p.line} 行第 ${p.column} 列），无法确定取哪个值`,
  },
  BODY_FORBIDDEN_KEY: {
    en: (p: { key: string; line: number; column: number }) =>
      `The JSON body has a "${p.key}" key (line ${p.line}, column ${p.column}), which no parameter or GeoJSON member uses`,
    zh: (p) => `JSON 请求体含有键“${p.key}”（第 ${p.line} 行第 ${p.column} 列），任何参数或 GeoJSON 成员都不使用该键`,
  },
  BODY_NUMBER_OUT_OF_RANGE: {
    en: (p: { number: string; line: number; column: number }) =>
      `The JSON body has a number beyond ±1.8e308 (${p.number}, line ${p.line}, column ${p.column}); it cannot be read as a number`,
    zh: (p) => `JSON 请求体中的数值超出 ±1.8e308（${p.number}，第 ${p.line} 行第 ${p.column} 列），无法作为数值读取`,
  },
});

/** 400: a body JSON.parse would have read differently from what was sent (json-members.ts), with the line and column. */
function memberError(p: JsonMemberProblem): AppError {
  const where = { line: p.line, column: p.column };
  const m =
    p.kind === 'duplicate_key'
      ? say(SAY, 'BODY_DUPLICATE_KEY', { key: p.text, ...where })
      : p.kind === 'proto_key'
        ? say(SAY, 'BODY_FORBIDDEN_KEY', { key: p.text, ...where })
        : say(SAY, 'BODY_NUMBER_OUT_OF_RANGE', { number: p.text, ...where });
  return new AppError(400, m.code, m.message, m.message_zh, [{ ...where, field: p.text }]);
}

function parseBytes(bytes: Uint8Array, charset: string, maxDepth: number, checkMembers: boolean): unknown {
  let text: string;
  try {
    text = new TextDecoder(charset, { fatal: true }).decode(bytes);
  } catch {
    throw invalidCharacters();
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw bodyNotJson();
  }
  const r = inspectJson(value, maxDepth);
  if (r.tooDeep) throw bodyTooDeep(maxDepth);
  if (r.nul) throw invalidCharacters();
  if (checkMembers) {
    const problem = jsonMemberProblem(text);
    if (problem) throw memberError(problem);
  }
  return value;
}

/**
 * Every JSON body goes through here, in a worker (checks, exports: jsonShell) or on the main thread (every other
 * route: http/json-body.ts): decoded strictly, parsed, inspected for depth and NUL characters, and refused at its line
 * and column when JSON.parse would read it otherwise than sent (json-members.ts). As express.json's strict mode, only
 * an object or an array is a body.
 */
export function parseJsonBody(bytes: Uint8Array, charset: string, maxDepth: number): unknown {
  const value = parseBytes(bytes, charset, maxDepth, true);
  if (value === null || typeof value !== 'object') throw bodyNotJson();
  return value;
}

/** Worker side: parse and inspect; answer the small top-level members. */
export function jsonShell(bytes: Uint8Array, charset: string, maxDepth: number): Record<string, unknown> {
  const value = parseBytes(bytes, charset, maxDepth, true);
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new AppError(422, 'BODY_NOT_OBJECT', 'The JSON body must be an object', 'JSON 请求体必须是对象');
  const shell: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === null || typeof v !== 'object') shell[k] = v;
    else if (!BULKY.has(k) && JSON.stringify(v).length <= SMALL_MEMBER_CHARS) shell[k] = v;
  }
  return shell;
}

/** Main side: the request body as the routes see it, small members plus the raw bytes for the worker task. */
export const rawJsonBody = (shell: Record<string, unknown>, bytes: Uint8Array, charset: string) => ({
  ...shell,
  [RAW_JSON]: bytes,
  [RAW_CHARSET]: charset,
});

/** Worker side, in the task that needs the body: the whole parsed body (a body that is not raw passes as it is). */
export function fullBody(body: unknown, maxDepth = 64): unknown {
  if (!body || typeof body !== 'object') return body;
  const raw = (body as Record<string, unknown>)[RAW_JSON];
  if (!(raw instanceof Uint8Array)) return body;
  // the same bytes the shell was made from (jsonShell): their members were checked there
  return parseBytes(raw, String((body as Record<string, unknown>)[RAW_CHARSET] ?? 'utf-8'), maxDepth, false);
}

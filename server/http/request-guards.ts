import type { RequestHandler } from 'express';
import { bodyTooDeep, invalidCharacters } from './error-middleware';

/**
 * Guards that turn hostile-but-harmless input into a clear 400 before any route sees it (issue 12, F8):
 * a NUL character anywhere in the URL (PostgreSQL refuses U+0000 in text), JSON nested deeper than
 * `maxDepth` (a 20,000-deep GeometryCollection overflowed the stack in JSON.stringify), NUL inside JSON strings.
 */
export function rejectNulInUrl(): RequestHandler {
  return (req, _res, next) => {
    const u = req.originalUrl ?? req.url ?? '';
    next(u.includes('\u0000') || /%00/i.test(u) ? invalidCharacters() : undefined);
  };
}

/** Deepest nesting of arrays/objects in a parsed JSON value, stopping early past `limit`; NUL in any string or key → 'nul'. */
export function inspectJson(value: unknown, limit: number): { depth: number; nul: boolean; tooDeep: boolean } {
  let depth = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return { depth, nul: true, tooDeep: false };
      continue;
    }
    // raw bytes (a JSON body read for the workers, which inspect it there) are not JSON
    if (v === null || typeof v !== 'object' || ArrayBuffer.isView(v)) continue;
    if (d > depth) depth = d;
    if (depth > limit) return { depth, nul: false, tooDeep: true };
    if (Array.isArray(v)) {
      for (const x of v) if (x !== null && (typeof x === 'object' || typeof x === 'string')) stack.push([x, d + 1]);
    } else {
      for (const [k, x] of Object.entries(v)) {
        if (k.includes('\u0000')) return { depth, nul: true, tooDeep: false };
        if (x !== null && (typeof x === 'object' || typeof x === 'string')) stack.push([x, d + 1]);
      }
    }
  }
  return { depth, nul: false, tooDeep: false };
}

/** After a JSON body parser: refuse bodies deeper than `maxDepth` or holding NUL characters. */
export function jsonBodyGuard(maxDepth: number): RequestHandler {
  return (req, _res, next) => {
    const b = req.body as unknown;
    if (b === undefined || b === null || typeof b !== 'object') return next();
    const r = inspectJson(b, maxDepth);
    next(r.tooDeep ? bodyTooDeep(maxDepth) : r.nul ? invalidCharacters() : undefined);
  };
}

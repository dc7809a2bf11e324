import express, { type Request, type RequestHandler } from 'express';
import { jsonDecoderLabel, parseJsonBody, rawJsonBody } from '../work/json-body';
import type { WorkPool } from '../work/pool';

/** JSON nesting beyond any GeoJSON geometry or parameter object (a MultiPolygon Feature is 6 deep). */
export const JSON_MAX_DEPTH = 64;

interface JsonBodyOptions {
  limit: number | string;
  types: string[];
  maxDepth?: number;
}

/**
 * Read a JSON body's bytes (the byte limit: 413 BODY_TOO_LARGE beyond; content-encoding inflated as express.json
 * does; a charset outside the UTF family: 415 as express.json), then hand them to `use`. A body already read by an
 * earlier parser is left as it is.
 */
function readJsonBytes(
  opts: JsonBodyOptions,
  use: (req: Request, bytes: Uint8Array, charset: string, next: (err?: unknown) => void) => void,
): RequestHandler {
  const raw = express.raw({ limit: opts.limit, type: opts.types });
  return (req, res, next) => {
    if (!req.is(opts.types)) return next();
    const declared = req.get('content-type')?.match(/charset\s*=\s*"?([^";\s]+)/i)?.[1];
    const charset = jsonDecoderLabel(declared);
    // as express.json: the error middleware answers 415 UNSUPPORTED_CHARSET
    if (!charset)
      return next(Object.assign(new Error('unsupported charset'), { type: 'charset.unsupported', charset: declared, status: 415 }));
    raw(req, res, (err?: unknown) => {
      if (err) return next(err);
      const bytes = req.body as unknown;
      if (!Buffer.isBuffer(bytes)) {
        // nothing read now: no body, or one read and parsed before (a route's own parser after the app's)
        return next();
      }
      if (bytes.length === 0) {
        req.body = {};
        return next();
      }
      use(req, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), charset, next);
    });
  };
}

/**
 * JSON bodies on the main thread (every route but checks and exports): parsed by the same function as the workers'
 * (parseJsonBody: strict decoding, depth, NUL, and the repeated key / `__proto__` / out-of-range number refusal at its
 * line and column, issue 12), so no body is read differently from what was sent whichever thread reads it.
 */
export function inlineJson(opts: JsonBodyOptions): RequestHandler {
  return readJsonBytes(opts, (req, bytes, charset, next) => {
    try {
      req.body = parseJsonBody(bytes, charset, opts.maxDepth ?? JSON_MAX_DEPTH);
      next();
    } catch (e) {
      next(e);
    }
  });
}

/**
 * Large JSON bodies (checks, exports) off the main thread: the bytes are read here, then parsed and inspected in the
 * upload worker pool (the same parseJsonBody checks, 400 BODY_NOT_JSON / BODY_TOO_DEEP / INVALID_CHARACTERS /
 * BODY_DUPLICATE_KEY …). The route gets the body's small top-level members and the raw bytes, which the route's
 * worker task parses again where it needs the geometry.
 */
export function offThreadJson(opts: JsonBodyOptions & { work: WorkPool }): RequestHandler {
  return readJsonBytes(opts, (req, bytes, charset, next) => {
    opts.work.run('json', { bytes, charset, maxDepth: opts.maxDepth ?? JSON_MAX_DEPTH }).then((shell) => {
      req.body = rawJsonBody(shell, bytes, charset);
      next();
    }, next);
  });
}

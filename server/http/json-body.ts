import express, { type RequestHandler } from 'express';
import { jsonDecoderLabel, rawJsonBody } from '../work/json-body';
import type { WorkPool } from '../work/pool';

/**
 * Large JSON bodies (checks, exports) off the main thread: the bytes are read with the byte limit (413
 * BODY_TOO_LARGE beyond, content-encoding inflated as express.json does), then parsed and inspected in the upload
 * worker pool (400 BODY_NOT_JSON / BODY_TOO_DEEP / INVALID_CHARACTERS as before). The route gets the body's small
 * top-level members and the raw bytes, which the route's worker task parses again where it needs the geometry.
 */
export function offThreadJson(opts: { limit: number | string; types: string[]; work: WorkPool; maxDepth: number }): RequestHandler {
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
      const bytes = req.body as Buffer | undefined;
      if (!Buffer.isBuffer(bytes) || bytes.length === 0) {
        req.body = {};
        return next();
      }
      const view = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      opts.work.run('json', { bytes: view, charset, maxDepth: opts.maxDepth }).then((shell) => {
        req.body = rawJsonBody(shell, view, charset);
        next();
      }, next);
    });
  };
}

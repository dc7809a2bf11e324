import type { RequestHandler } from 'express';
import { busy } from '../work/pool';

/**
 * At most `max` requests through this gate at once, counted from before the body is read until the answer
 * is sent (or the client goes away); beyond that 429 BUSY at once, before any upload is buffered.
 */
export function concurrencyCap(max: number): RequestHandler & { readonly inFlight: number } {
  let inFlight = 0;
  const gate: RequestHandler = (_req, res, next) => {
    if (inFlight >= max) {
      res.setHeader('Retry-After', '1');
      return next(busy(inFlight));
    }
    inFlight++;
    let done = false;
    const release = () => {
      if (done) return;
      done = true;
      inFlight--;
    };
    res.once('finish', release);
    res.once('close', release);
    next();
  };
  return Object.defineProperty(gate, 'inFlight', { get: () => inFlight }) as RequestHandler & { readonly inFlight: number };
}

/**
 * Request ids (the `req.id` pino-http logs and audit rows store in request_id). A fresh random UUID per request, so
 * ids stay unique across restarts and processes (pino-http's default is a counter that starts again at 1); an
 * incoming `X-Request-Id` is kept only when it is a sane short token, so a proxy's id can tie the logs together
 * without letting a client write arbitrary text into the log and the audit trail. The id is echoed in the response.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request } from 'express';

/** 8–64 characters of letters, digits and `-_.:` (a UUID, a ULID, a proxy's hex id). */
const SANE = /^[A-Za-z0-9._:-]{8,64}$/;

export function genReqId(req: IncomingMessage, res: ServerResponse): string {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && SANE.test(given) ? given : randomUUID();
  res.setHeader('X-Request-Id', id);
  return id;
}

/** The request's id as an audit row stores it (null outside pino-http, e.g. a router mounted alone in a unit test). */
export const requestIdOf = (req: Request): string | null => (req.id === undefined ? null : String(req.id));

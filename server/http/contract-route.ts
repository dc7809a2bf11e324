/**
 * Mount the contract's routes (server/contract) on express: one helper parses path parameters, query and
 * body with the route's schemas (422 with the field at fault), checks the admin token where the route says
 * so, runs the handler and sends the declared response. The compiler insists that every route of the
 * contract has an implementation and that every handler returns one of its declared responses.
 */
import { Router, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import type { z } from 'zod';
import type { Contract, Parsed, Reply, RouteKey, RouteSpec, TypedRouteKey } from '../contract';
import { contract } from '../contract';
import { AppError } from '../errors';
import { sendAttachment } from './attachment';
import { requireRole } from './auth';
import { fromZod } from './error-middleware';
import { publicOrigin } from './public-url';
import { bufferWithRaw } from './raw-json';

/** Parse `value` with `schema` or throw the one error shape: 422 `code`, `details[].field` naming each field at fault. */
export function parseOr422<T extends z.ZodType>(schema: T, value: unknown, code: string): z.output<T> {
  const r = schema.safeParse(value);
  if (!r.success) throw fromZod(r.error, code);
  return r.data;
}

/**
 * Paging links built from the parsed query: `self`, `next` (when more rows match) and any alternates,
 * each keeping every parameter of the query (filters, dates, regime) and setting `offset`/`limit`.
 */
export function pageLinks(
  url: string,
  query: Record<string, unknown>,
  page: { offset: number; limit: number; returned: number; matched?: number },
  opts: { type?: string; alternates?: { type: string; set: Record<string, string> }[] } = {},
): { rel: string; href: string; type?: string }[] {
  const href = (offset: number, extra: Record<string, string> = {}) => {
    const u = new URL(url);
    u.search = '';
    for (const [k, v] of Object.entries(query)) {
      if (v === undefined || v === null || v === '' || k === 'offset' || k === 'limit') continue;
      u.searchParams.set(k, Array.isArray(v) ? v.join(',') : String(v));
    }
    u.searchParams.set('limit', String(page.limit));
    u.searchParams.set('offset', String(offset));
    for (const [k, v] of Object.entries(extra)) u.searchParams.set(k, v);
    return u.toString();
  };
  const t = opts.type ? { type: opts.type } : {};
  const links: { rel: string; href: string; type?: string }[] = [{ rel: 'self', ...t, href: href(page.offset) }];
  if (page.matched !== undefined && page.offset + page.returned < page.matched)
    links.push({ rel: 'next', ...t, href: href(page.offset + page.returned) });
  for (const a of opts.alternates ?? []) links.push({ rel: 'alternate', type: a.type, href: href(page.offset, a.set) });
  return links;
}

/** The origin for absolute links: PUBLIC_URL, or the request's own when it is a plain host (server/http/public-url.ts). */
export const originOf = (req: Request) => publicOrigin(req);

export interface Implementation<S extends RouteSpec> {
  handler: (input: Parsed<S> & { req: Request; res: Response }) => Promise<Reply<S>> | Reply<S>;
  /** middleware run before parsing (multipart upload) */
  before?: RequestHandler[];
  /** where the query-schema values come from (default `req.query`; checks also read form fields) */
  queryFrom?: (req: Request) => unknown;
}

/** One implementation for every route of the contract. */
export type Implementations = { [K in TypedRouteKey]: Implementation<Contract[K]> };

/** Identity that keeps a module's partial map of implementations checked against the contract. */
export const implement = <K extends TypedRouteKey>(impls: { [P in K]: Implementation<Contract[P]> }) => impls;

function send(
  res: Response,
  spec: RouteSpec,
  reply: {
    status: number;
    headers?: Record<string, string>;
    body?: unknown;
    rawJson?: true;
    file?: { buffer: Buffer | Uint8Array | string; contentType: string; filename?: string };
  },
) {
  if (reply.headers) for (const [k, v] of Object.entries(reply.headers)) res.setHeader(k, v);
  res.status(reply.status);
  if (reply.file) {
    const { buffer, contentType, filename } = reply.file;
    if (filename) return sendAttachment(res, { buffer: typeof buffer === 'string' ? Buffer.from(buffer) : buffer, contentType, filename });
    res.setHeader('Content-Type', contentType);
    // a Buffer goes out as it is (tiles: no copy); a bare Uint8Array is viewed as one, not copied either
    res.send(
      typeof buffer === 'string' || Buffer.isBuffer(buffer) ? buffer : Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength),
    );
    return;
  }
  if ('body' in reply) {
    const type = spec.responses[reply.status]?.type;
    if (type) res.type(type);
    if (reply.rawJson) {
      if (!type) res.type('application/json');
      // as bytes (server/http/raw-json.ts), with the charset express gives a string body
      const ct = String(res.get('Content-Type'));
      if (!/charset=/i.test(ct)) res.setHeader('Content-Type', `${ct}; charset=utf-8`);
      res.send(bufferWithRaw(reply.body));
      return;
    }
    res.json(reply.body);
    return;
  }
  res.end();
}

/** The express handler of one route: auth, parse (422), handler, send. */
export function handlerFor<S extends RouteSpec>(spec: S, impl: Implementation<S>): RequestHandler[] {
  const code = spec.badInput ?? 'INVALID_INPUT';
  const run: RequestHandler = (req: Request, res: Response, next: NextFunction) => {
    (async () => {
      const params = spec.params ? parseOr422(spec.params, req.params, code) : {};
      const query = spec.query ? parseOr422(spec.query, impl.queryFrom ? impl.queryFrom(req) : req.query, code) : {};
      const body =
        spec.body && spec.body.validate !== false ? parseOr422(spec.body.schema, req.body ?? {}, code) : spec.body ? req.body : undefined;
      const reply = await impl.handler({ params, query, body, req, res } as Parsed<S> & { req: Request; res: Response });
      if (!(reply.status in spec.responses)) throw new AppError(500, 'INTERNAL', `undeclared status ${reply.status}`, '服务器内部错误');
      send(res, spec, reply as Parameters<typeof send>[2]);
    })().catch(next);
  };
  return [...(impl.before ?? []), run];
}

/**
 * An express router with the given implementations mounted at their contract paths and aliases. Admin
 * routes get the Bearer-token check first (before any body is read or validated).
 */
export function routerFor(impls: Partial<Implementations>, adminToken?: string): Router {
  const router = Router();
  // authentication already ran (server/http/auth.ts: session, personal token or ADMIN_TOKEN); the token argument says
  // the app was configured with one
  const guards = {
    admin: requireRole('admin'),
    regulator: requireRole('regulator', 'admin'),
    account: requireRole('holder', 'regulator', 'admin'),
  };
  for (const key of Object.keys(contract) as RouteKey[]) {
    const impl = (impls as Partial<Record<RouteKey, unknown>>)[key] as Implementation<RouteSpec> | undefined;
    if (!impl) continue;
    const spec: RouteSpec = contract[key];
    if (spec.auth && adminToken === undefined) throw new Error(`route ${key} needs the admin token configured`);
    const handlers: RequestHandler[] = [...(spec.auth ? [guards[spec.auth]] : []), ...handlerFor(spec, impl)];
    for (const path of [spec.path, ...(spec.aliases ?? [])]) router[spec.method](path, ...handlers);
  }
  return router;
}

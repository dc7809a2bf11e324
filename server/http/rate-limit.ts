import { createHash } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, MemoryStore, rateLimit, type IncrementResponse, type Store } from 'express-rate-limit';
import type { Config } from '../config';
import type { Queryable } from '../db';
import { AppError } from '../errors';
import { defineMessages, say } from '../i18n/message';
import { SharedRateLimitStore } from './rate-limit-store';

/**
 * Per-client budgets by route class (issue 12, F6). The client is `req.ip`: the socket address unless TRUST_PROXY
 * names the proxies in front, so a made-up X-Forwarded-For buys nothing. The limiter runs before any body is read.
 * `/api/health` is never limited (monitors poll it).
 */
export type RouteClass = 'tiles' | 'register' | 'block-conflicts' | 'uploads' | 'writes' | 'reads';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Which budget a request spends. Paths are matched without anchoring at the start, so a base path in front
 * (`/ogc/collections/…`) classifies the same way.
 */
export function routeClass(req: Pick<Request, 'method' | 'path'>): RouteClass | undefined {
  const p = req.path;
  if (p === '/api/health') return undefined;
  if (/(^|\/)tiles\//.test(p)) return 'tiles';
  if (/\/api\/conflicts\/?$/.test(p)) return 'register';
  if (/\/api\/blocks\/[^/]+\/conflicts\/?$/.test(p)) return 'block-conflicts';
  if (/\/api\/(parse|checks|export)\/?$/.test(p) || /\/api\/blocks\/[^/]+\/(export|relinquishment-plans)\/?$/.test(p)) return 'uploads';
  // reports: PDFs are rendered by a browser, verification reads an upload
  if (
    /\/api\/(checks\/[^/]+\.pdf|checks\/[^/]+\/conflicts|certificates\/verify)\/?$/.test(p) ||
    /\/api\/blocks\/[^/]+\/report\.pdf$/.test(p)
  )
    return 'uploads';
  // applications: a step may freeze a conflict check (submission) or write the register (approval)
  if (isWriteRoute(req) || (WRITE_METHODS.has(req.method) && /\/api\/applications(\/|$)/.test(p))) return 'writes';
  return 'reads';
}

/** Feature writes (POST/PUT/DELETE on `…/collections/{id}/items[/{fid}]`) and offsets: they need the admin token. */
export function isWriteRoute(req: Pick<Request, 'method' | 'path'>): boolean {
  if (!WRITE_METHODS.has(req.method)) return false;
  return /\/collections\/[^/]+\/items(\/[^/]+)?\/?$/.test(req.path) || /\/api\/offsets\/?$/.test(req.path);
}

const WHAT: Record<RouteClass, { en: string; zh: string }> = {
  tiles: { en: 'vector tiles', zh: '矢量瓦片' },
  register: { en: 'whole-register conflict lists', zh: '全库冲突清单' },
  'block-conflicts': { en: 'stored-block conflict checks', zh: '已登记区块冲突核查' },
  uploads: { en: 'uploads, checks, exports and plans', zh: '上传、核查、导出和缩减方案' },
  writes: { en: 'writes', zh: '写操作' },
  reads: { en: 'reads', zh: '查询' },
};

const SAY = defineMessages({
  RATE_LIMITED: {
    en: (p: { limit: number; cls: RouteClass }) => `Too many requests: at most ${p.limit} a minute for ${WHAT[p.cls].en}`,
    zh: (p: { limit: number; cls: RouteClass }) => `请求过于频繁：${WHAT[p.cls].zh}每分钟最多 ${p.limit} 次`,
  },
});

const WINDOW_MS = 60_000;

/**
 * A client's budget key: its IP, an IPv6 client by its /56 (express-rate-limit's `ipKeyGenerator`, as its default key
 * generator does), remembered per address. Measured: the helper parses an IPv6 address (and the IPv4-mapped form a
 * dual-stack listener gives every IPv4 client) in ~5.8 µs, at every request that spends a budget (an IPv4 one in
 * ~0.05); a keep-alive client sends the same address again and again. Bounded as partitionKeys.
 */
const clientKeys = new Map<string, string>();
export function clientKey(ip: string): string {
  let key = clientKeys.get(ip);
  if (key === undefined) {
    key = ipKeyGenerator(ip, 56);
    if (clientKeys.size > 10_000) clientKeys.clear();
    clientKeys.set(ip, key);
  }
  return key;
}

function limiter(cls: RouteClass, perMinute: number, store: Store): RequestHandler {
  return rateLimit({
    windowMs: WINDOW_MS,
    store,
    limit: perMinute,
    standardHeaders: 'draft-8',
    identifier: cls,
    legacyHeaders: false,
    // the same key as the default generator's (ipKeyGenerator, the /56 of an IPv6 client), remembered per address
    keyGenerator: (req) => clientKey(req.ip ?? ''),
    // X-Forwarded-For from an untrusted sender is ignored on purpose (TRUST_PROXY=false): no warning per process;
    // keyGeneratorIpFallback reads the generator's source for ipKeyGenerator, which clientKey calls
    validate: { xForwardedForHeader: false, keyGeneratorIpFallback: false },
    handler: (_req, _res, next) => {
      const m = say(SAY, 'RATE_LIMITED', { limit: perMinute, cls });
      next(new AppError(429, m.code, m.message, m.message_zh, [{ limit: perMinute, window_s: 60, class: cls }]));
    },
  });
}

/**
 * Where the counts live: `database` (the default with DATABASE_URL) shares each client's budget among every app
 * instance through PostgreSQL (migration 024); `memory` keeps it in this process (the embedded engine's default: it
 * serves one process anyway).
 */
export const rateLimitStoreKind = (c: Pick<Config, 'RATE_LIMIT_STORE' | 'DATABASE_URL'>): 'database' | 'memory' =>
  c.RATE_LIMIT_STORE ?? (c.DATABASE_URL ? 'database' : 'memory');

/**
 * A route class's budget spent outside express (the tile lane, server/tiles/lane.ts): the same store as that class's
 * limiter, the same client key (the IP, an IPv6 client by its /56) and the same IETF draft-8 `RateLimit` headers.
 * Over the budget, the caller hands the request to express, whose limiter answers 429 (counting it again: past the
 * limit that changes nothing).
 */
export interface Budget {
  spend(ip: string): Promise<Spent>;
  /** `spend` in the same turn of the event loop, where the store counts without waiting; else undefined (nothing spent) */
  spendNow?(ip: string): Spent | undefined;
}

export interface Spent {
  over: boolean;
  headers: [string, string][];
}

/** express-rate-limit's partition key of a client key (its draft-8 `pk` parameter), remembered per client. */
const partitionKeys = new Map<string, string>();
function partitionKey(key: string): string {
  let pk = partitionKeys.get(key);
  if (pk === undefined) {
    pk = Buffer.from(createHash('sha256').update(key).digest('hex').slice(0, 12)).toString('base64');
    if (partitionKeys.size > 10_000) partitionKeys.clear();
    partitionKeys.set(key, pk);
  }
  return pk;
}

function budget(cls: RouteClass, perMinute: number, store: Store): Budget {
  const windowS = Math.ceil(WINDOW_MS / 1000);
  // a client's policy header is the same at every request: written once per client (bounded as partitionKeys)
  const policies = new Map<string, [string, string]>();
  const policyOf = (key: string): [string, string] => {
    let p = policies.get(key);
    if (p === undefined) {
      p = ['RateLimit-Policy', `"${cls}"; q=${perMinute}; w=${windowS}; pk=:${partitionKey(key)}:`];
      if (policies.size > 10_000) policies.clear();
      policies.set(key, p);
    }
    return p;
  };
  const spent = (key: string, { totalHits, resetTime }: IncrementResponse): Spent => {
    const resetS = resetTime ? Math.max(0, Math.ceil((resetTime.getTime() - Date.now()) / 1000)) : windowS;
    return {
      over: totalHits > perMinute,
      headers: [['RateLimit', `"${cls}"; r=${Math.max(perMinute - totalHits, 0)}; t=${resetS}`], policyOf(key)],
    };
  };
  const now = store instanceof SharedRateLimitStore ? store : undefined;
  return {
    async spend(ip) {
      const key = clientKey(ip);
      return spent(key, await store.increment(key));
    },
    spendNow(ip) {
      if (!now) return undefined;
      const key = clientKey(ip);
      const r = now.incrementNow(key);
      return r && spent(key, r);
    },
  };
}

/** The middleware of every route class, each with its own budget from the configuration, and the tiles budget. */
export interface RateLimits extends RequestHandler {
  /** the tiles class's budget, for the tile lane */
  tiles: Budget;
}

/** One middleware for every route class, each with its own budget from the configuration. */
export function rateLimits(
  config: Pick<
    Config,
    | 'RATE_LIMIT_STORE'
    | 'RATE_LIMIT_SYNC_MS'
    | 'DATABASE_URL'
    | 'RATE_LIMIT_PER_MIN'
    | 'RATE_LIMIT_READS_PER_MIN'
    | 'RATE_LIMIT_TILES_PER_MIN'
    | 'RATE_LIMIT_REGISTER_PER_MIN'
    | 'RATE_LIMIT_BLOCK_CONFLICTS_PER_MIN'
    | 'RATE_LIMIT_WRITES_PER_MIN'
  >,
  /** the primary (counts are writes); required for the `database` store */
  db?: Queryable,
  onStoreError?: (e: Error) => void,
): RateLimits {
  const shared = rateLimitStoreKind(config) === 'database' && db;
  // memory: express-rate-limit's own store (this process only)
  const store = (cls: RouteClass): Store =>
    shared
      ? new SharedRateLimitStore(db, { prefix: `${cls}:`, syncMs: config.RATE_LIMIT_SYNC_MS, onError: onStoreError })
      : new MemoryStore();
  const tilesStore = store('tiles');
  const by: Record<RouteClass, RequestHandler> = {
    tiles: limiter('tiles', config.RATE_LIMIT_TILES_PER_MIN, tilesStore),
    register: limiter('register', config.RATE_LIMIT_REGISTER_PER_MIN, store('register')),
    'block-conflicts': limiter('block-conflicts', config.RATE_LIMIT_BLOCK_CONFLICTS_PER_MIN, store('block-conflicts')),
    uploads: limiter('uploads', config.RATE_LIMIT_PER_MIN, store('uploads')),
    writes: limiter('writes', config.RATE_LIMIT_WRITES_PER_MIN, store('writes')),
    reads: limiter('reads', config.RATE_LIMIT_READS_PER_MIN, store('reads')),
  };
  const middleware: RequestHandler = (req, res, next) => {
    const cls = routeClass(req);
    if (!cls) return next();
    return by[cls](req, res, next);
  };
  return Object.assign(middleware, { tiles: budget('tiles', config.RATE_LIMIT_TILES_PER_MIN, tilesStore) });
}

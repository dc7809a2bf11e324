/**
 * The tile lane (issue 17): `GET /tiles/{layer}/{z}/{x}/{y}.mvt` answered in front of express, the busiest request of
 * the map. Measured (docs/benchmarks.md, tiles): express's middleware chain, the contract route and the compress
 * middleware cost a cold tile 360–490 µs of the service's CPU, more than most tiles' SQL. The lane does only what such
 * a request needs, from the same parts as the express path: the security headers helmet sets (read once), the tiles
 * rate-limit budget (the same store and headers), and TileService's answer (ETag, 304, cache, codings).
 *
 * Anything else goes to express unchanged: another method or path, a query string, a NUL or a malformed or
 * out-of-range path (its 404/422), a client over its budget (express's limiter answers the 429), a tile whose
 * layer's version is not read yet, and a failure (express's error middleware answers, from the error the lane met).
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Budget, Spent } from '../http/rate-limit';
import { headerList, TileService, type TileAnswer, type TileAsk } from './service';

const PATH = /^\/tiles\/([a-z][a-z-]*)\/(\d{1,2})\/(\d{1,9})\/(\d{1,9})\.mvt$/;

/** The largest zoom the contract accepts (server/contract/tiles.ts). */
const MAX_Z = 22;

/** A request the lane met an error on: express answers it from this error (see `failed`). */
const LANE_ERROR = Symbol('tile lane error');
type WithLaneError = IncomingMessage & { [LANE_ERROR]?: unknown };

/** Express middleware that passes on the error the lane met (placed where the express tile route would have failed). */
export const laneErrorFirst =
  () =>
  (req: IncomingMessage, _res: unknown, next: (err?: unknown) => void): void => {
    const e = (req as WithLaneError)[LANE_ERROR];
    next(e === undefined ? undefined : e);
  };

export interface TileLaneDeps {
  tiles: TileService;
  /** headers every answer carries (helmet's, from headersSetBy) */
  security: [string, string][];
  budget: Budget;
  /** the client's address as express's req.ip reads it (TRUST_PROXY) */
  clientIp: (req: IncomingMessage) => string;
  /** everything the lane does not answer */
  next: RequestListener;
}

/** The parsed tile of a request the lane takes, or undefined. */
export function laneTile(req: IncomingMessage): { layer: string; z: number; x: number; y: number } | undefined {
  if (req.method !== 'GET') return undefined;
  const m = PATH.exec(req.url ?? '');
  if (!m || !TileService.known(m[1])) return undefined;
  const z = Number(m[2]);
  const x = Number(m[3]);
  const y = Number(m[4]);
  // leading zeros and out-of-range tiles: the express route's validation answers them
  if (z > MAX_Z || x >= 2 ** z || y >= 2 ** z || String(z) !== m[2] || String(x) !== m[3] || String(y) !== m[4]) return undefined;
  return { layer: m[1], z, x, y };
}

export function tileLane(deps: TileLaneDeps): RequestListener {
  const security = deps.security.flat();
  const send = (res: ServerResponse, rate: [string, string][], a: TileAnswer) => {
    // one array, security headers then the budget's then the answer's (concat flattens the pairs one level)
    res.writeHead(a.status, security.concat(...rate, a.list ?? headerList(a)));
    res.end(a.body);
  };
  return (req, res) => {
    const tile = laneTile(req);
    if (!tile) return deps.next(req, res);
    const headers = req.headers;
    const ask: TileAsk = {
      layer: tile.layer,
      z: tile.z,
      x: tile.x,
      y: tile.y,
      ifNoneMatch: headers['if-none-match'],
      acceptEncoding: headers['accept-encoding'],
      encodeUncached: true,
    };
    const ip = deps.clientIp(req);
    // a warm tile (or a 304) with the budget counted in this process: answered in this turn of the event loop
    const now = deps.budget.spendNow?.(ip);
    if (now && !now.over) {
      const a = deps.tiles.answerNow(ask);
      if (a) return send(res, now.headers, a);
    }
    const failed = (e: unknown) => {
      if (res.headersSent) return res.destroy();
      (req as WithLaneError)[LANE_ERROR] = e;
      deps.next(req, res);
    };
    // spent once: by spendNow above, or here
    (now ? Promise.resolve<Spent>(now) : deps.budget.spend(ip))
      .then(async ({ over, headers: rate }) => {
        if (over) return deps.next(req, res);
        const a = await deps.tiles.answer(ask);
        // no version read yet: no ETag, and the express route adds its own (its weak one) as before
        if (!a.versioned) return deps.next(req, res);
        send(res, rate, a);
      })
      .catch(failed);
  };
}

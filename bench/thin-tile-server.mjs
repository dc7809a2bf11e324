// The thinnest HTTP front of the tile SQL, for the tile benchmark (bench/tiles.bench.ts): what any Node service could
// reach on this machine, beside the real one. node:http, a pg pool of 8 (JIT off, as the service's), one statement a
// tile (the bare SQL's own), the bytes written as they come; empty tiles 204. No routing, logging, auth, rate limits,
// compression, ETag or validation: not a service, a ceiling. With "warm", every tile is kept in a Map once rendered
// (the cheapest possible cache).
// Usage: node bench/thin-tile-server.mjs '{"databaseUrl":…,"sql":…,"warm":false}'  → prints "PORT <n>" when listening
import { createServer } from 'node:http';
import pg from 'pg';

const opts = JSON.parse(process.argv[2]);
const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 8, options: '-c jit=off', idleTimeoutMillis: 0 });
const cache = new Map();
const TILE = /^\/tiles\/([a-z-]+)\/(\d+)\/(\d+)\/(\d+)\.mvt$/;

const extra = (opts.headers ?? []).flat();
function answer(res, buf) {
  if (!buf || buf.length === 0) {
    res.writeHead(204, extra);
    res.end();
    return;
  }
  res.writeHead(200, [...extra, 'Content-Type', 'application/vnd.mapbox-vector-tile', 'Content-Length', String(buf.length)]);
  res.end(buf);
}

const server = createServer((req, res) => {
  const m = TILE.exec(req.url ?? '');
  if (!m) {
    res.statusCode = 404;
    res.end();
    return;
  }
  if (opts.warm && cache.has(req.url)) return answer(res, cache.get(req.url));
  pool.query(opts.sql, [m[1], Number(m[2]), Number(m[3]), Number(m[4])]).then(
    (r) => {
      const buf = r.rows[0]?.mvt ?? null;
      if (opts.warm) cache.set(req.url, buf);
      answer(res, buf);
    },
    () => {
      res.statusCode = 500;
      res.end();
    },
  );
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => process.stdout.write(`PORT ${server.address().port}\n`));
process.on('SIGINT', () => server.close(() => pool.end().then(() => process.exit(0))));
process.on('SIGTERM', () => process.exit(0));

// A tiny round-robin reverse proxy for `npm run bench scale` (bench/scale.ts), standing in for nginx
// (deploy/nginx/scale.conf) on a machine without it: requests go to the app instances in turn; a GET or HEAD that cannot
// reach one (connection refused or reset before any answer) is tried on the next, as nginx's
// `proxy_next_upstream error timeout` does, and that instance is left out for 2 s (nginx: max_fails=1 fail_timeout).
// Usage: node bench/rr-proxy.mjs '{"port":8080,"upstreams":["http://127.0.0.1:3001","http://127.0.0.1:3002"]}'
// Prints "listening" once ready; on SIGUSR2 prints a JSON line of its counters (answers per upstream, retries, failures).
import http from 'node:http';

const opts = JSON.parse(process.argv[2]);
const upstreams = opts.upstreams.map((u) => ({ url: new URL(u), downUntil: 0, answered: 0 }));
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
const counters = { retries: 0, failed: 0 };
let next = 0;

/** The next instance in turn that is not left out (all of them when every one is). */
function pick(exclude) {
  const now = Date.now();
  for (let i = 0; i < upstreams.length; i++) {
    const u = upstreams[next++ % upstreams.length];
    if (!exclude.has(u) && u.downUntil <= now) return u;
  }
  return upstreams.find((u) => !exclude.has(u));
}

function forward(req, res, body, tried) {
  const u = pick(tried);
  if (!u) {
    counters.failed++;
    res.writeHead(502, { 'content-type': 'text/plain' }).end('no upstream');
    return;
  }
  tried.add(u);
  const up = http.request(
    { host: u.url.hostname, port: u.url.port, method: req.method, path: req.url, headers: req.headers, agent },
    (r) => {
      u.answered++;
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.on('error', () => res.destroy());
      r.pipe(res);
    },
  );
  up.on('error', () => {
    if (res.headersSent) return res.destroy();
    u.downUntil = Date.now() + 2000;
    if ((req.method === 'GET' || req.method === 'HEAD') && tried.size < upstreams.length) {
      counters.retries++;
      return forward(req, res, body, tried);
    }
    counters.failed++;
    res.writeHead(502, { 'content-type': 'text/plain' }).end('upstream failed');
  });
  up.end(body);
}

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => forward(req, res, Buffer.concat(chunks), new Set()));
});
server.keepAliveTimeout = 30_000;
process.on('SIGUSR2', () => {
  process.stdout.write(JSON.stringify({ ...counters, answered: upstreams.map((u) => u.answered) }) + '\n');
});
process.on('SIGTERM', () => process.exit(0));
server.listen(opts.port, '127.0.0.1', () => process.stdout.write('listening\n'));

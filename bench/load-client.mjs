// The load generator of `npm run bench:load`, in its own process (never the server's): autocannon with a request
// mix chosen per request. Usage: node bench/load-client.mjs '{"url":…,"scenario":"tiles","connections":8,"duration":10}'
// Prints one JSON line: throughput, latency percentiles, status counts.
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

const opts = JSON.parse(process.argv[2]);
const rnd = (a, b) => a + Math.random() * (b - a);
const pick = (xs) => xs[Math.floor(Math.random() * xs.length)];

// 沁水 basin, where the demo data sits
const AREA = { w: 112.0, e: 113.2, s: 35.4, n: 36.4 };
function tilePath() {
  const z = 8 + Math.floor(Math.random() * 5); // z8–z12
  const lon = rnd(AREA.w, AREA.e);
  const lat = rnd(AREA.s, AREA.n);
  const n = 2 ** z;
  const x = Math.floor(((lon + 180) / 360) * n);
  const r = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n);
  return `/tiles/${pick(['blocks', 'wells', 'protected-areas'])}/${z}/${x}/${y}.mvt`;
}
function bboxPath() {
  const d = rnd(0.05, 0.5);
  const w = rnd(AREA.w, AREA.e - d);
  const s = rnd(AREA.s, AREA.n - d);
  return `/collections/${pick(['blocks', 'wells'])}/items?bbox=${w.toFixed(4)},${s.toFixed(4)},${(w + d).toFixed(4)},${(s + d).toFixed(4)}&limit=50`;
}
const boundary = 'kqloadboundary';
const sample = readFileSync('data/samples/sample-guotu-gbk.txt');
const checkBody = Buffer.concat([
  Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="zone"\r\n\r\n38\r\n`),
  Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="sample-guotu-gbk.txt"\r\nContent-Type: text/plain\r\n\r\n`,
  ),
  sample,
  Buffer.from(`\r\n--${boundary}--\r\n`),
]);
const check = (req) => ({
  ...req,
  method: 'POST',
  path: '/api/checks',
  headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  body: checkBody,
});
const get = (req, path) => ({ ...req, method: 'GET', path, headers: {}, body: undefined });

const SCENARIOS = {
  tiles: (req) => get(req, tilePath()),
  items: (req) => get(req, bboxPath()),
  checks: (req) => check(req),
  reads: (req) => get(req, Math.random() < 0.6 ? tilePath() : bboxPath()),
  mixed: (req) => {
    const u = Math.random();
    if (u < 0.45) return get(req, tilePath());
    if (u < 0.75) return get(req, bboxPath());
    if (u < 0.85) return check(req);
    if (u < 0.95) return get(req, `/api/blocks/blk-00${pick(['15', '17', '20', '31', '42'])}/conflicts`);
    return get(req, pick(['/api/health', '/collections', '/api/deadlines?within=90d']));
  },
};

const setup = SCENARIOS[opts.scenario];
const result = await autocannon({
  url: opts.url,
  connections: opts.connections,
  duration: opts.duration,
  timeout: opts.timeout ?? 30,
  requests: [{ setupRequest: setup }],
});
const codes = {};
for (const [k, v] of Object.entries(result.statusCodeStats ?? {})) codes[k] = v.count;
process.stdout.write(
  JSON.stringify({
    scenario: opts.scenario,
    connections: opts.connections,
    duration_s: result.duration,
    requests: result.requests.total,
    rps: Math.round(result.requests.average * 10) / 10,
    p50_ms: result.latency.p50,
    p90_ms: result.latency.p90,
    p99_ms: result.latency.p99,
    max_ms: result.latency.max,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    codes,
  }) + '\n',
);

// The load generator of the tile benchmark (bench/tiles.bench.ts), in its own process (never the server's):
// autocannon over a fixed list of tile paths, taken in turn by the connections.
// Usage: node bench/tiles-load-client.mjs '{"url":…,"pathsFile":…,"connections":8,"duration":3,"headers":{}}'
// Prints one JSON line: requests, tiles/s, latency percentiles, status counts, and the CPU time the client spent. (No onResponse hook: autocannon would
// then split every answer's headers, client work that is not the server's.)
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

const opts = JSON.parse(process.argv[2]);
const paths = readFileSync(opts.pathsFile, 'utf8').split('\n').filter(Boolean);
let next = 0;
const cpu0 = process.cpuUsage();
const result = await autocannon({
  url: opts.url,
  connections: opts.connections,
  duration: opts.duration,
  timeout: 30,
  headers: opts.headers ?? {},
  requests: [
    {
      setupRequest: (req) => ({ ...req, method: 'GET', path: paths[next++ % paths.length] }),
    },
  ],
});
const cpu = process.cpuUsage(cpu0);
const codes = {};
for (const [k, v] of Object.entries(result.statusCodeStats ?? {})) codes[k] = v.count;
const total = result.requests.total;
process.stdout.write(
  JSON.stringify({
    requests: total,
    duration_s: result.duration,
    tiles_per_s: Math.round(total / result.duration),
    p50_ms: result.latency.p50,
    p99_ms: result.latency.p99,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    codes,
    cpu_ms: Math.round((cpu.user + cpu.system) / 1000),
  }) + '\n',
);

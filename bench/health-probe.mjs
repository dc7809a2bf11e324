// The client of a health probe, in its own process (never the server's): polls /api/health every 20 ms while it
// POSTs a JSON file, and prints one JSON line (upload status and time, health latency p50 / slowest / statuses).
// Usage: node bench/health-probe.mjs <url> <path> <file>. Used by test/api/hostile-uploads.test.ts and bench/load.ts.
// from_us / to_us: the upload's window on the machine's monotonic clock (µs), the clock of the server's CPU profile
// (bench/prof-stalls.ts).
import { readFileSync } from 'node:fs';
const [url, path, file] = process.argv.slice(2);
const body = readFileSync(file);
let stop = false;
let resets = 0;
const lat = [];
const statuses = new Set();
const poller = (async () => {
  while (!stop) {
    const t = performance.now();
    try {
      const r = await fetch(url + '/api/health');
      await r.arrayBuffer();
      lat.push(performance.now() - t);
      statuses.add(r.status);
    } catch {
      // a keep-alive connection closed by the server just as it was reused: not an answer, counted
      resets++;
    }
    await new Promise((ok) => setTimeout(ok, 20));
  }
})();
await new Promise((ok) => setTimeout(ok, 200));
const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);
const from_us = monotonicUs();
const t0 = performance.now();
const r = await fetch(url + path, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
const text = await r.text();
const ms = performance.now() - t0;
const to_us = monotonicUs();
stop = true;
await poller;
lat.sort((a, b) => a - b);
console.log(
  JSON.stringify({
    status: r.status,
    ms,
    body: text.slice(0, 500),
    polls: lat.length,
    p50: lat[Math.floor(lat.length / 2)],
    slowest: lat.at(-1),
    healthStatuses: [...statuses],
    resets,
    from_us,
    to_us,
  }),
);

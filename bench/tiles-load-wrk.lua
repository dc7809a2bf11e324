-- The tile benchmark's second load generator (bench/tiles.bench.ts, TILE_BENCH_CLIENT=wrk): Debian's wrk over the
-- same fixed list of tile paths as bench/tiles-load-client.mjs (autocannon), taken in turn; each wrk thread starts at
-- its own place in the list, so two threads never ask for the same tile at once. No response() hook: wrk would then
-- hand every answer's headers and body to Lua, client work that is not the server's.
-- Environment: TILE_PATHS (the file of paths, one a line). Prints one JSON line at the end.
local paths = {}
for line in io.lines(os.getenv("TILE_PATHS")) do
  if #line > 0 then paths[#paths + 1] = line end
end

local threads = {}
function setup(thread)
  thread:set("start", #threads * math.floor(#paths / 2))
  threads[#threads + 1] = thread
end

local i = 0
function init(args)
  i = tonumber(start) or 0
end

function request()
  i = i + 1
  return wrk.format("GET", paths[(i - 1) % #paths + 1])
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests":%d,"duration_s":%.6f,"tiles_per_s":%d,"p50_ms":%.3f,"p99_ms":%.3f,"errors":%d,"timeouts":%d,"non2xx":%d}\n',
    summary.requests, summary.duration / 1e6, math.floor(summary.requests / (summary.duration / 1e6) + 0.5),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    e.connect + e.read + e.write, e.timeout, e.status))
end

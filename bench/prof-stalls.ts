// Where the main thread blocks: the runs of a V8 CPU profile (node --cpu-prof) in which the thread never went back to
// its event loop (every sample other than "(idle)": JavaScript, native code, the garbage collector). A request that
// arrives during such a run (a health check) waits until it ends, so the longest run bounds the latency every other
// request sees, whatever the load. Used by bench/load.ts (`BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=DIR" npm run
// bench:load -- comb`: per comb, the runs inside its upload window) and by hand:
//   npx tsx bench/prof-stalls.ts FILE.cpuprofile [--min-ms 20] [--from-us T0 --to-us T1]
// --from-us/--to-us: a window on the monotonic clock in µs (process.hrtime.bigint() / 1000n in any process of the
// machine: V8's profile clock and libuv's are both CLOCK_MONOTONIC on Linux; bench/health-probe.mjs prints its upload's).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The parts of a V8 `.cpuprofile` read here. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface BusyRun {
  start_ms: number;
  ms: number;
  top: { fn: string; self_ms: number }[];
}

/**
 * Busy runs of a profile within [fromUs, toUs] (the profile's own clock, µs), longest first: start (ms after fromUs, or
 * after the profile's start), length (ms) and the frames with the most self time in it.
 */
export function busyRuns(
  profile: CpuProfile,
  { fromUs = -Infinity, toUs = Infinity, minMs = 0, frames = 4 } = {},
): { busy_ms: number; runs: BusyRun[] } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const origin = Number.isFinite(fromUs) ? fromUs : profile.startTime;
  const runs: { startUs: number; us: number; self: Map<string, number> }[] = [];
  let run: (typeof runs)[number] | null = null;
  let busyUs = 0;
  let t = profile.startTime;
  const close = () => {
    if (run && run.us / 1000 >= minMs) runs.push(run);
    run = null;
  };
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i] ?? 0;
    // a sample stands for the time until the next one
    const dt = i + 1 < profile.samples.length ? (profile.timeDeltas[i + 1] ?? 0) : 0;
    if (t < fromUs || t > toUs) {
      close();
      continue;
    }
    const node = byId.get(profile.samples[i]);
    const name = node?.callFrame.functionName ?? '?';
    if (name === '(idle)') {
      close();
      continue;
    }
    busyUs += dt;
    if (!run) run = { startUs: t, us: 0, self: new Map() };
    run.us += dt;
    const cf = node!.callFrame;
    const key =
      `${cf.functionName || '(anonymous)'} ${cf.url ? `${cf.url.replace(/^.*\/(node_modules\/|server\/|bench\/)/, '$1')}:${cf.lineNumber + 1}` : ''}`.trim();
    run.self.set(key, (run.self.get(key) ?? 0) + dt);
  }
  close();
  runs.sort((a, b) => b.us - a.us);
  return {
    busy_ms: Math.round(busyUs / 1000),
    runs: runs.map((r) => ({
      start_ms: Math.round((r.startUs - origin) / 1000),
      ms: Math.round(r.us / 1000),
      top: [...r.self.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, frames)
        .map(([fn, us]) => ({ fn, self_ms: Math.round(us / 1000) })),
    })),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const [file, ...rest] = process.argv.slice(2);
  const opt = (name: string, dflt: number) => {
    const i = rest.indexOf(name);
    return i >= 0 ? Number(rest[i + 1]) : dflt;
  };
  const r = busyRuns(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile, {
    fromUs: opt('--from-us', -Infinity),
    toUs: opt('--to-us', Infinity),
    minMs: opt('--min-ms', 20),
  });
  console.log(`busy ${r.busy_ms} ms in the window; runs of at least ${opt('--min-ms', 20)} ms, longest first:`);
  for (const x of r.runs.slice(0, 30))
    console.log(`${String(x.ms).padStart(6)} ms at +${x.start_ms} ms  ${x.top.map((f) => `${f.fn} ${f.self_ms}`).join(' · ')}`);
}

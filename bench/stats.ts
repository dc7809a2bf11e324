/** Small timing helpers shared by the benchmarks. */
export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export function summarise(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  return { n: s.length, p50: percentile(s, 50), p95: percentile(s, 95), mean: s.reduce((a, b) => a + b, 0) / (s.length || 1) };
}

export const round = (v: number, d = 2) => Math.round(v * 10 ** d) / 10 ** d;

/** Run `fn` over `items` with `concurrency` workers; returns per-call ms and total wall ms. */
export async function runConcurrent<T>(items: T[], concurrency: number, fn: (item: T) => Promise<unknown>) {
  const times: number[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const item = items[next++];
        const s = performance.now();
        await fn(item);
        times.push(performance.now() - s);
      }
    }),
  );
  return { times, wallMs: performance.now() - t0 };
}

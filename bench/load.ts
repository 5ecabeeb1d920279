// Load for the HTTP benchmarks: a number of clients calling at once, each call's latency and answer
// kept with its status (the replicas bench counts every answer that is not a 2xx).
import { performance } from "node:perf_hooks";

export interface LoadResult {
  /** Calls per second over the whole run. */
  perSecond: number;
  /** The latency at this percentile, in ms. */
  p(percentile: number): number;
  /** How many calls got each status (0: no answer at all). */
  statuses: Map<number, number>;
  /** Calls answered with anything but a 2xx, or not answered. */
  errors: number;
}

/** Runs `total` calls with `concurrency` clients; a call answers its HTTP status. */
export async function runLoad(
  total: number,
  concurrency: number,
  call: (i: number) => Promise<number>,
): Promise<LoadResult> {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let next = 0;
  const began = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const started = performance.now();
        const status = await call(i).catch(() => 0);
        latencies.push(performance.now() - started);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    }),
  );
  const seconds = (performance.now() - began) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    perSecond: total / seconds,
    p: (percentile) => latencies[Math.min(latencies.length - 1, Math.floor((percentile / 100) * latencies.length))]!,
    statuses,
    errors: [...statuses].reduce((sum, [status, count]) => sum + (status >= 200 && status < 300 ? 0 : count), 0),
  };
}

// The closed-loop load the benchmarks share: `concurrency` clients, each sending its next call as soon
// as the last one is answered, every call's latency kept by its kind.
import { performance } from "node:perf_hooks";

export interface Latencies {
  count: number;
  /** The percentile in ms with one decimal, as the tables print it. */
  p: (percentile: number) => string;
}

function latenciesOf(values: number[]): Latencies {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p: (percentile) =>
      sorted.length === 0
        ? "-"
        : sorted[Math.min(sorted.length - 1, Math.floor((percentile / 100) * sorted.length))]!.toFixed(1),
  };
}

/** Runs `total` calls with `concurrency` clients; answers the latencies per kind, all together and the wall time. */
export async function runLoad<Kind extends string>(
  total: number,
  concurrency: number,
  call: (i: number) => { kind: Kind; done: Promise<void> },
) {
  const byKind = new Map<Kind, number[]>();
  const all: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const callStarted = performance.now();
        const { kind, done } = call(i);
        await done;
        const latency = performance.now() - callStarted;
        all.push(latency);
        (byKind.get(kind) ?? byKind.set(kind, []).get(kind)!).push(latency);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return {
    seconds,
    all: latenciesOf(all),
    byKind: new Map([...byKind].map(([kind, values]) => [kind, latenciesOf(values)])),
  };
}

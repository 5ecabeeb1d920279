/**
 * A background worker's rounds: one round at a time, the next `everyMs` after the last one ended
 * (so a slow round never overlaps the next), the first soon after start. stop() ends the rounds
 * and waits for the one in progress, at most `graceMs`, so a shutdown is never held up for long.
 * A round reports its own failures; one that throws anyway does not end the loop.
 */
export interface PollLoop {
  start(): void;
  stop(): Promise<void>;
  /** True once stop() was called: a long round checks it between steps and ends early. */
  stopped(): boolean;
}

export function createPollLoop(
  round: () => Promise<unknown>,
  { everyMs, graceMs = 5_000 }: { everyMs: number; graceMs?: number },
): PollLoop {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const tick = () => {
    running = round()
      .catch(() => undefined)
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, everyMs);
      });
  };
  return {
    start() {
      if (timer || stopped) return;
      timer = setTimeout(tick, Math.min(everyMs, 1_000));
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      const grace = new Promise((resolve) => setTimeout(resolve, graceMs).unref());
      await Promise.race([running, grace]);
    },
    stopped: () => stopped,
  };
}

import { useEffect, useState } from "react";

/**
 * Code the first draw does not need (a form behind a button), in a chunk of its own: fetched as soon
 * as the view that may open it is on screen, so that by the time the user presses the button it is
 * there and draws at once, without a Suspense fallback in between. `use()` gives the module once it
 * is loaded (undefined until then) and re-renders its caller when it arrives. A view asks for it
 * once the browser is idle, not in the middle of drawing: on a cold open the first record's answer
 * and render come before a dozen chunks are parsed (what preload() started already is waited for at once).
 */
export function preloadable<T>(load: () => Promise<T>) {
  let loaded: T | undefined;
  let pending: Promise<T> | undefined;
  const preload = (): Promise<T> =>
    (pending ??= load().then(
      (module) => (loaded = module),
      (error: unknown) => {
        // A failed fetch (offline for a moment) is tried again by the next view that asks.
        pending = undefined;
        throw error;
      },
    ));
  return {
    preload,
    use(): T | undefined {
      const [, arrived] = useState(0);
      useEffect(() => {
        if (loaded) return;
        let gone = false;
        const fetchIt = () =>
          preload().then(
            () => !gone && arrived((count) => count + 1),
            () => undefined,
          );
        if (pending) void fetchIt();
        else whenIdle(fetchIt);
        return () => {
          gone = true;
        };
      }, []);
      return loaded;
    },
  };
}

/**
 * After the work under way (the answer being drawn); at most a second later on a busy page. Where
 * there is no requestIdleCallback (jsdom), at once: a timer might never fire under fake timers.
 */
function whenIdle(run: () => void): void {
  if (typeof requestIdleCallback === "function") requestIdleCallback(run, { timeout: 1000 });
  else run();
}

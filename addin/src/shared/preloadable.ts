import { useEffect, useState } from "react";

/**
 * Code the first draw does not need (a form behind a button), in a chunk of its own: fetched as soon
 * as the view that may open it is on screen, so that by the time the user presses the button it is
 * there and draws at once, without a Suspense fallback in between. `use()` gives the module once it
 * is loaded (undefined until then) and re-renders its caller when it arrives.
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
        if (!loaded)
          preload().then(
            () => arrived((count) => count + 1),
            () => undefined,
          );
      }, []);
      return loaded;
    },
  };
}

import { useCallback, useEffect, useRef, useState } from "react";

export type AsyncState<T> =
  | { status: "loading"; data?: undefined; error?: undefined }
  | { status: "ready"; data: T; error?: undefined }
  | { status: "error"; data?: undefined; error: Error };

export interface AsyncOptions<T> {
  /**
   * What is known already (an answer kept from before, or one that came along with another):
   * shown at once instead of a spinner whenever `deps` change.
   */
  known?: T;
  /** With `known`: load anyway, in the background (true), or only on `reload` (false). */
  refresh?: boolean;
}

/**
 * Runs `load` whenever `deps` change and keeps the latest result only: a slow answer for the
 * previous email never overwrites the current one. `reload` runs it again after a change and keeps
 * showing the old data meanwhile, so the pane does not flash a spinner after every save.
 * What is returned always belongs to the current `deps`: in the render where they change (before
 * the effect has run) it is `known` or loading, never the previous deps' data, so a view never
 * draws the previous customer under the newly selected one, not even for one frame.
 */
export function useAsync<T>(
  load: () => Promise<T>,
  deps: unknown[],
  { known, refresh = true }: AsyncOptions<T> = {},
): AsyncState<T> & { reload: () => void } {
  const initial = (): AsyncState<T> => (known === undefined ? { status: "loading" } : { status: "ready", data: known });
  const [held, setHeld] = useState<{ deps: unknown[]; state: AsyncState<T> }>(() => ({ deps, state: initial() }));
  const [round, setRound] = useState(0);
  const latest = useRef(0);
  const reloading = useRef(false);
  useEffect(() => {
    const run = ++latest.current;
    const reload = reloading.current;
    reloading.current = false;
    const hold = (state: AsyncState<T>) => setHeld({ deps, state });
    if (!reload && known !== undefined) {
      setHeld((shown) =>
        shown.state.data === known && sameDeps(shown.deps, deps) ? shown : { deps, state: initial() },
      );
      if (!refresh) return;
    } else if (!reload) hold({ status: "loading" });
    load().then(
      (data) => run === latest.current && hold({ status: "ready", data }),
      (error: Error) => run === latest.current && hold({ status: "error", error }),
    );
    // The caller lists what load depends on; load itself is a new closure on every render.
  }, [...deps, round]);
  const reload = useCallback(() => {
    reloading.current = true;
    setRound((value) => value + 1);
  }, []);
  return { ...(sameDeps(held.deps, deps) ? held.state : initial()), reload };
}

function sameDeps(a: unknown[], b: unknown[]): boolean {
  return a.length === b.length && a.every((value, index) => Object.is(value, b[index]));
}

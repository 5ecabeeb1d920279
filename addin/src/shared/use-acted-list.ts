import { useCallback, useEffect, useState } from "react";

/**
 * A list the pane reads from the service and changes with actions (track, stop, add a rule, remove
 * one): one action at a time (`busy`), then the list is read again. A failure of either is kept in
 * `error` to be shown; the list as last read stays. `act` answers whether the action went through.
 */
export function useActedList<T>(read: () => Promise<{ items: T[] }>, deps: unknown[]) {
  const [items, setItems] = useState<T[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // The caller lists what read depends on; read itself is a new closure on every render.
  const load = useCallback(
    () =>
      read()
        .then((answer) => setItems(answer.items))
        .catch(setError),
    deps,
  );
  useEffect(() => {
    void load();
  }, [load]);

  const act = async (run: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await run();
      await load();
      return true;
    } catch (caught) {
      setError(caught);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { items, busy, error, act };
}

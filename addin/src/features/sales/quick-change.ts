import { useState } from "react";
import { useFormSave } from "../../shared/use-form-save";

/** A one-click change (stage, state, done) with its outcome; the record reloads after every try. */
export interface QuickChange {
  run: (request: () => Promise<unknown>) => Promise<void>;
  saving: boolean;
  message: string | null;
}

export function useQuickChange(reload: () => void): QuickChange {
  // Nothing to reload on conflict here: every try reloads, so a refused select shows the stored value again.
  const save = useFormSave(
    () => undefined,
    () => undefined,
  );
  return {
    saving: save.saving,
    message: save.message,
    run: async (request) => {
      await save.run(request);
      reload();
    },
  };
}

/**
 * After a one-click change the record reloads; until the control shows the saved version, a
 * second click would send the old one and meet a needless conflict, so the control waits.
 */
export function useAwaitedVersion(current: number) {
  const [awaited, setAwaited] = useState(0);
  return { waiting: current < awaited, saved: (row: { version: number }) => setAwaited(row.version) };
}

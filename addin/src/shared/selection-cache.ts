/**
 * Answers kept for a short while, so that going back to an email or a customer seen a moment ago
 * draws its record at once while the view asks again in the background (stale-while-revalidate).
 * Kept per API client (one per signed-in pane), the most recently used few only: a record is tens
 * of kilobytes, a day's inbox hundreds of emails. Never older than a few minutes (a colleague's
 * change should not hide behind a cached record for long, even for a moment), emptied when another
 * user signs in on the same pane, and emptied by every write the pane itself makes (forgetAnswers):
 * after saving, no view may draw the record as it was before the save.
 */
const LIMIT = 30;
export const MAX_AGE_MS = 5 * 60_000;

interface Store {
  user: string;
  /** Counts the writes: an answer asked before one may be stale and is not kept. */
  generation: number;
  entries: Map<string, { at: number; value: unknown }>;
}

const stores = new WeakMap<object, Store>();

function storeOf(owner: object): Store {
  let store = stores.get(owner);
  if (!store) stores.set(owner, (store = { user: "", generation: 0, entries: new Map() }));
  return store;
}

export interface SelectionCache<T> {
  /** The answer kept under `key`, unless it is older than MAX_AGE_MS. */
  get(key: string): T | undefined;
  /** Where a load starts: give it to `set`, which drops the answer if the pane wrote meanwhile. */
  stamp(): number;
  set(key: string, value: T, stamp: number): void;
}

/** The answers of one kind (`name`) the signed-in `user` was shown through `owner` (the API client). */
export function selectionCache<T>(owner: object, name: string, user: string): SelectionCache<T> {
  const store = storeOf(owner);
  if (store.user !== user) {
    // Someone else on this pane: nothing of the previous user's is shown, not even for a moment.
    store.entries.clear();
    store.user = user;
    store.generation++;
  }
  const { entries } = store;
  return {
    get(key) {
      const full = `${name}\n${key}`;
      const entry = entries.get(full);
      if (!entry) return undefined;
      entries.delete(full);
      if (Date.now() - entry.at > MAX_AGE_MS) return undefined;
      // Used again: the last to go.
      entries.set(full, entry);
      return entry.value as T;
    },
    stamp: () => store.generation,
    set(key, value, stamp) {
      if (stamp !== store.generation || store.user !== user) return;
      const full = `${name}\n${key}`;
      entries.delete(full);
      entries.set(full, { at: Date.now(), value });
      while (entries.size > LIMIT) entries.delete(entries.keys().next().value!);
    },
  };
}

/** The pane changed something: every kept answer may show it as it was, so none is drawn again. */
export function forgetAnswers(owner: object): void {
  const store = storeOf(owner);
  store.entries.clear();
  store.generation++;
}

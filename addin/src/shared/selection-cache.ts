/**
 * Answers kept per selected email, so that going back to one draws its record at once (and the
 * view asks again in the background). Kept per API client (one per signed-in pane), the most
 * recently used few only: a record is tens of kilobytes, a day's inbox hundreds of emails.
 */
const LIMIT = 30;
const caches = new WeakMap<object, Map<string, unknown>>();

export interface SelectionCache<T> {
  get(key: string): T | undefined;
  set(key: string, value: T): void;
}

export function selectionCache<T>(owner: object, name: string): SelectionCache<T> {
  let entries = caches.get(owner);
  if (!entries) caches.set(owner, (entries = new Map()));
  const store = entries;
  return {
    get(key) {
      const full = `${name}\n${key}`;
      if (!store.has(full)) return undefined;
      const value = store.get(full) as T;
      // Used again: the last to go.
      store.delete(full);
      store.set(full, value);
      return value;
    },
    set(key, value) {
      const full = `${name}\n${key}`;
      store.delete(full);
      store.set(full, value);
      while (store.size > LIMIT) store.delete(store.keys().next().value!);
    },
  };
}

/**
 * A read started ahead of the view that shows it, so that it goes out together with the ones it
 * does not depend on (whether this email is logged needs only its message id, not the record the
 * button sits in). The view takes the answer once; after that, or when it is old, it asks anew.
 */
const MAX_AGE_MS = 10_000;
const LIMIT = 20;
const started = new WeakMap<
  object,
  Map<string, { at: number; answer: Promise<unknown>; settled?: { value: unknown } }>
>();

function pendingOf(owner: object) {
  let pending = started.get(owner);
  if (!pending) started.set(owner, (pending = new Map()));
  return pending;
}

export function prefetch<T>(owner: object, key: string, load: () => Promise<T>): Promise<T> {
  const pending = pendingOf(owner);
  const answer = load();
  const entry: { at: number; answer: Promise<unknown>; settled?: { value: unknown } } = { at: Date.now(), answer };
  // Nobody may take it: a failure is the taker's to see, not an unhandled rejection. An answer that
  // has arrived is noted, so that a view can draw it in its first render (takeArrived).
  answer.then(
    (value) => (entry.settled = { value }),
    () => undefined,
  );
  pending.delete(key);
  pending.set(key, entry);
  while (pending.size > LIMIT) pending.delete(pending.keys().next().value!);
  return answer;
}

/** As prefetch, unless the same read is already waiting for its taker (the pane's start sent it). */
export function prefetchUnlessWaiting<T>(owner: object, key: string, load: () => Promise<T>): void {
  const entry = pendingOf(owner).get(key);
  if (!entry || Date.now() - entry.at > MAX_AGE_MS) void prefetch(owner, key, load);
}

export function takePrefetched<T>(owner: object, key: string, load: () => Promise<T>): Promise<T> {
  const pending = pendingOf(owner);
  const entry = pending.get(key);
  pending.delete(key);
  return entry && Date.now() - entry.at <= MAX_AGE_MS ? (entry.answer as Promise<T>) : load();
}

/**
 * The prefetched answer if it has arrived already, taken like takePrefetched (undefined, and left
 * for takePrefetched, while it is still under way or when it failed): a view that finds it draws it
 * at once instead of a spinner for the one frame its effect would take to read it.
 */
export function takeArrived<T>(owner: object, key: string): { value: T } | undefined {
  const pending = pendingOf(owner);
  const entry = pending.get(key);
  if (!entry?.settled || Date.now() - entry.at > MAX_AGE_MS) return undefined;
  pending.delete(key);
  return entry.settled as { value: T };
}

export const emailLogStatusKey = (internetMessageId: string) => `email-log-status\n${internetMessageId}`;
/** The message the pane opened on, read as it starts (by the mailbox: first-lookup.ts, use-mail-item.ts). */
export const CURRENT_ITEM_KEY = "current-item";

/**
 * A read started ahead of the view that shows it, so that it goes out together with the ones it
 * does not depend on (whether this email is logged needs only its message id, not the record the
 * button sits in). The view takes the answer once; after that, or when it is old, it asks anew.
 */
const MAX_AGE_MS = 10_000;
const LIMIT = 20;
const started = new WeakMap<object, Map<string, { at: number; answer: Promise<unknown> }>>();

function pendingOf(owner: object) {
  let pending = started.get(owner);
  if (!pending) started.set(owner, (pending = new Map()));
  return pending;
}

export function prefetch<T>(owner: object, key: string, load: () => Promise<T>): void {
  const pending = pendingOf(owner);
  const answer = load();
  // Nobody may take it: a failure is the taker's to see, not an unhandled rejection.
  answer.catch(() => undefined);
  pending.delete(key);
  pending.set(key, { at: Date.now(), answer });
  while (pending.size > LIMIT) pending.delete(pending.keys().next().value!);
}

export function takePrefetched<T>(owner: object, key: string, load: () => Promise<T>): Promise<T> {
  const pending = pendingOf(owner);
  const entry = pending.get(key);
  pending.delete(key);
  return entry && Date.now() - entry.at <= MAX_AGE_MS ? (entry.answer as Promise<T>) : load();
}

export const emailLogStatusKey = (internetMessageId: string) => `email-log-status\n${internetMessageId}`;

/**
 * One Idempotency-Key per user action (IETF httpapi draft "The Idempotency-Key HTTP Header Field"):
 * pressing "Save" makes a new key; sending the same request again while the first one's outcome is
 * unknown (no answer, a 5xx, still running) is a retry of that action and carries the same key, so
 * the service answers it with what the first attempt created instead of creating it twice. Any
 * answer settles the action: the next press is a new one. A request changed in between (the user
 * edited the form) is a new action with a new key, as the draft requires.
 */
export interface IdempotencyKeys {
  keyFor(request: string): string;
  /** The request got a definite answer: its key is not used again. */
  settle(request: string): void;
}

/** An action left unanswered is not retried after this long: the same request then is a new action. */
const FORGET_AFTER_MS = 10 * 60_000;

export function createIdempotencyKeys(now: () => number = Date.now, newKey: () => string = randomKey): IdempotencyKeys {
  const unsettled = new Map<string, { key: string; at: number }>();
  return {
    keyFor(request) {
      const open = unsettled.get(request);
      if (open && now() - open.at < FORGET_AFTER_MS) return open.key;
      for (const [other, { at }] of unsettled) if (now() - at >= FORGET_AFTER_MS) unsettled.delete(other);
      const key = newKey();
      unsettled.set(request, { key, at: now() });
      return key;
    },
    settle(request) {
      unsettled.delete(request);
    },
  };
}

function randomKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  // Outside a secure context randomUUID is missing; 16 random bytes are as good a key.
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** What identifies a request for a retry: method, path with query, and the body (or, for a file, its size and type). */
export function requestSignature(method: string, path: string, body: BodyInit | undefined): string {
  const content =
    body === undefined
      ? ""
      : typeof body === "string"
        ? body
        : body instanceof Blob
          ? `blob ${body.size} ${body.type}`
          : ArrayBuffer.isView(body)
            ? `bytes ${body.byteLength}`
            : String(body);
  return `${method} ${path}\n${content}`;
}

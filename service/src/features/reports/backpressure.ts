import { once } from "node:events";
import type { Writable } from "node:stream";

/**
 * Waits until a slow client has taken what was written (or has gone), then removes both listeners,
 * so a long export does not pile up one pair per page on the response.
 */
export async function drained(out: Writable): Promise<void> {
  const abort = new AbortController();
  try {
    await Promise.race([once(out, "drain", { signal: abort.signal }), once(out, "close", { signal: abort.signal })]);
  } finally {
    abort.abort();
  }
}

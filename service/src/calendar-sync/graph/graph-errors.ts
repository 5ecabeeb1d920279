import type { SyncWaitReason } from "contract";

/** What the sync does about a failed Graph call. */
export type GraphErrorKind =
  | "auth" // 401/403: the user must sign in again or consent; retry later, never drop
  | "gone" // 404: the event no longer exists
  | "delta-expired" // 410: the delta token is stale; start a full resync
  | "conflict" // 412: someone changed the event since we read it (ETag); let the pull decide
  | "retry" // 408/429/5xx or no answer: try again after Retry-After, or with backoff; never given up
  | "rejected"; // any other 4xx: this request will never succeed; show the error

export interface GraphFailure {
  kind: GraphErrorKind;
  status: number;
  code: string;
  message: string;
  /** How long Graph asked us to wait (Retry-After); absent, the worker backs off on its own. */
  retryAfterMs?: number;
}

/** The one place that turns a Graph status (0 = no answer at all) into what the sync does next. */
export function classifyGraphError(status: number, body: unknown, retryAfter?: string | null): GraphFailure {
  const error = (body as { error?: { code?: string; message?: string } } | undefined)?.error;
  const code = error?.code ?? (status === 0 ? "NetworkError" : `Http${status}`);
  const message = error?.message ?? (status === 0 ? "Graph did not answer" : `Graph answered ${status}`);
  const base = { status, code, message };
  if (status === 401 || status === 403) return { ...base, kind: "auth" };
  if (status === 404) return { ...base, kind: "gone" };
  if (status === 410 || /^(syncStateNotFound|syncStateInvalid|resyncRequired)$/i.test(code))
    return { ...base, kind: "delta-expired" };
  if (status === 412) return { ...base, kind: "conflict" };
  if (status === 0 || status === 408 || status === 429 || status >= 500)
    return { ...base, kind: "retry", retryAfterMs: retryAfterMs(retryAfter) };
  return { ...base, kind: "rejected" };
}

/** What an activity waiting on a retryable (or sign-in) failure shows as the reason. */
export function waitReasonOf(failure: GraphFailure): SyncWaitReason {
  if (failure.kind === "auth") return "SIGN_IN";
  if (failure.status === 0) return "UNREACHABLE";
  if (failure.status === 429 || (failure.status === 503 && failure.retryAfterMs !== undefined)) return "THROTTLED";
  return "OUTLOOK_ERROR";
}

/** Retry-After is seconds or an HTTP date. */
export function retryAfterMs(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** A failed call, thrown by the gateway for single requests (batched ones report per item). */
export class GraphCallError extends Error {
  constructor(readonly failure: GraphFailure) {
    super(`${failure.code}: ${failure.message}`);
    this.name = "GraphCallError";
  }
}

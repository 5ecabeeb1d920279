import type { ErrorBody } from "contract";
import { fieldLabel, inWords } from "./field-labels";

type ErrorCode = ErrorBody["error"]["code"] | "network" | "unexpected";

/** A failed API call, with what a person can do about it. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details: { field: string; message: string }[] = [],
  ) {
    super(message);
    this.name = "ApiError";
  }

  /** Sentence for the pane: the service's message, with a hint when the cause is not the input. */
  get userMessage(): string {
    switch (this.code) {
      case "network":
        return "The CRM service cannot be reached. Check your connection, then try again.";
      case "unauthenticated":
        return "Your sign-in has expired or was refused. Sign in again.";
      case "forbidden":
        return `You are not allowed to do this: ${this.message}`;
      // Only a stale version is cured by reloading; a taken account number is said as it is.
      case "conflict":
        return this.isStale ? `${this.message}. Reload the record and try again.` : inWords(this.message);
      case "rate_limited":
        return `${this.message}; nothing was changed.`;
      case "request_in_progress":
        return "Your earlier attempt is still being saved. Wait a moment, then try again.";
      // A failure on the service's side may come after a commit; the pane's retry carries the same
      // Idempotency-Key, so trying again is safe; "nothing was changed" would not be true.
      case "unavailable":
        return "The CRM service cannot reach its database just now. Try again in a moment.";
      case "internal":
      case "unexpected":
        return "The CRM service had a problem. Try again in a moment.";
      default:
        return this.details.length > 0
          ? this.details.map((detail) => `${fieldLabel(detail.field)}: ${inWords(detail.message)}`).join("; ")
          : inWords(this.message);
    }
  }

  /** A 409 for a version someone else changed meanwhile (not a duplicate or a state that forbids it). */
  get isStale(): boolean {
    return this.code === "conflict" && this.details.some((detail) => detail.field === "version");
  }
}

export function isErrorBody(value: unknown): value is ErrorBody {
  const error = (value as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  return typeof error?.code === "string" && typeof error.message === "string";
}

export async function toApiError(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => undefined);
  if (isErrorBody(body))
    return new ApiError(response.status, body.error.code, body.error.message, body.error.details ?? []);
  return new ApiError(response.status, "unexpected", `HTTP ${response.status}`);
}

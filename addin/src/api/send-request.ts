import { ApiError, toApiError } from "./api-error";
import { type IdempotencyKeys, createIdempotencyKeys, requestSignature } from "./idempotency-keys";

/** Gives a bearer token for each request; signing in again happens behind it. */
export type TokenSource = () => Promise<string>;

export interface RequestOptions {
  body?: BodyInit;
  contentType?: string;
  accept?: string;
}

/** A retry that arrives while the first attempt still runs gets a 409; it is answered within moments. */
const IN_PROGRESS_WAITS_MS = [500, 1_000, 2_000];

/**
 * Every request the pane makes to the service: the bearer token on it, a network failure as an
 * ApiError with status 0, and any non-2xx answer as the service's error body. Callers read the body.
 * Every POST carries an Idempotency-Key, one per user action (see idempotency-keys.ts), so a retry
 * after a network error never creates a note, an activity or a quote twice.
 */
export function createSendRequest(
  baseUrl: string,
  token: TokenSource,
  keys: IdempotencyKeys = createIdempotencyKeys(),
) {
  return async function send(method: string, path: string, options: RequestOptions = {}): Promise<Response> {
    const signature = method === "POST" ? requestSignature(method, path, options.body) : null;
    const key = signature === null ? null : keys.keyFor(signature);
    for (let attempt = 0; ; attempt++) {
      let response: Response;
      try {
        response = await fetch(`${baseUrl}${path}`, {
          method,
          headers: {
            authorization: `Bearer ${await token()}`,
            ...(options.accept ? { accept: options.accept } : {}),
            ...(options.contentType ? { "content-type": options.contentType } : {}),
            // A structured-field string, as the draft defines the header.
            ...(key === null ? {} : { "idempotency-key": `"${key}"` }),
          },
          body: options.body,
        });
      } catch (error) {
        // No answer: whether it was applied is unknown, so the key stays for the user's retry.
        if (error instanceof ApiError) throw error;
        throw new ApiError(0, "network", (error as Error).message);
      }
      if (response.ok) {
        if (signature !== null) keys.settle(signature);
        return response;
      }
      const failure = await toApiError(response);
      if (failure.code === "request_in_progress" && attempt < IN_PROGRESS_WAITS_MS.length) {
        await new Promise((resolve) => setTimeout(resolve, IN_PROGRESS_WAITS_MS[attempt]));
        continue;
      }
      // A 5xx (a proxy's too) leaves the outcome open; any other answer settles the action.
      if (signature !== null && failure.status < 500 && failure.code !== "request_in_progress") keys.settle(signature);
      throw failure;
    }
  };
}

export type SendRequest = ReturnType<typeof createSendRequest>;

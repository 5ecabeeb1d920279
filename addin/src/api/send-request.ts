import { ApiError, toApiError } from "./api-error";

/** Gives a bearer token for each request; signing in again happens behind it. */
export type TokenSource = () => Promise<string>;

export interface RequestOptions {
  body?: BodyInit;
  contentType?: string;
  accept?: string;
}

/**
 * Every request the pane makes to the service: the bearer token on it, a network failure as an
 * ApiError with status 0, and any non-2xx answer as the service's error body. Callers read the body.
 */
export function createSendRequest(baseUrl: string, token: TokenSource) {
  return async function send(method: string, path: string, options: RequestOptions = {}): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(`${baseUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${await token()}`,
          ...(options.accept ? { accept: options.accept } : {}),
          ...(options.contentType ? { "content-type": options.contentType } : {}),
        },
        body: options.body,
      });
    } catch (error) {
      if (error instanceof ApiError) throw error;
      throw new ApiError(0, "network", (error as Error).message);
    }
    if (!response.ok) throw await toApiError(response);
    return response;
  };
}

export type SendRequest = ReturnType<typeof createSendRequest>;

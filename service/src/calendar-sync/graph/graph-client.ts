import {
  Client,
  type Context,
  HTTPMessageHandler,
  type Middleware,
  RetryHandler,
  RetryHandlerOptions,
} from "@microsoft/microsoft-graph-client";
import { retryAfterMs } from "./graph-errors";

// The client's default chain adds the bearer token only for graph.microsoft.com (and https custom
// hosts), so a local fake over http would get no token: this chain always sends it, to our base URL only.
class BearerMiddleware implements Middleware {
  private next?: Middleware;
  constructor(
    private readonly token: string,
    private readonly origin: string,
  ) {}
  async execute(context: Context): Promise<void> {
    const url = typeof context.request === "string" ? context.request : context.request.url;
    if (new URL(url).origin === this.origin) {
      context.options = context.options ?? {};
      context.options.headers = {
        ...(context.options.headers as Record<string, string>),
        Authorization: `Bearer ${this.token}`,
      };
    }
    return this.next!.execute(context);
  }
  setNext(next: Middleware) {
    this.next = next;
  }
}

/** Gives up on a request Graph does not answer in time; each retry gets a fresh timer. */
class TimeoutMiddleware implements Middleware {
  private next?: Middleware;
  constructor(private readonly timeoutMs: number) {}
  async execute(context: Context): Promise<void> {
    context.options = { ...context.options, signal: AbortSignal.timeout(this.timeoutMs) };
    return this.next!.execute(context);
  }
  setNext(next: Middleware) {
    this.next = next;
  }
}

const MAX_CLIENT_WAIT_MS = 10_000;

export interface GraphClientOptions {
  baseUrl: string;
  timeoutMs: number;
  /** Retries of a whole request on 429/503/504 (Retry-After honoured by the client's RetryHandler). */
  maxRetries: number;
}

/** A msgraph client for one user's token. Paths are relative to baseUrl (which includes the version). */
export function createGraphClient(token: string, options: GraphClientOptions): Client {
  const bearer = new BearerMiddleware(token, new URL(options.baseUrl).origin);
  // Short Retry-After waits are sat out here; longer ones go back to the worker, which retries the entry
  // later instead of holding a "sync now" request for minutes.
  const retry = new RetryHandler(
    new RetryHandlerOptions(1, options.maxRetries, (_delay, _attempt, _request, _options, response) => {
      const wait = retryAfterMs(response?.headers?.get("retry-after"));
      return wait === undefined || wait <= MAX_CLIENT_WAIT_MS;
    }),
  );
  const timeout = new TimeoutMiddleware(options.timeoutMs);
  const http = new HTTPMessageHandler();
  return Client.initWithMiddleware({
    middleware: [bearer, retry, timeout, http],
    baseUrl: options.baseUrl,
    defaultVersion: "",
  });
}

/** nextLink and deltaLink are absolute; the client wants them relative to its base URL. */
export function relativeToBase(link: string, baseUrl: string): string {
  const base = baseUrl.replace(/\/+$/, "");
  return link.startsWith(base) ? link.slice(base.length) : link;
}

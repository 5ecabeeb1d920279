import express, { type Request, type RequestHandler, type Response } from "express";
import findMyWay from "find-my-way";
import { z } from "zod";
import type { CurrentUser } from "../auth/current-user";
import type { Permission } from "../auth/permissions";
import { AppError } from "../shared/app-error";
import { pathNotUtf8, requireJsonBody } from "./request-body";
import { logOf } from "./request-log";
import { type Idempotency, fingerprintOf, idempotencyKeyOf } from "./idempotency";

type Method = "get" | "post" | "patch" | "put" | "delete";
type Schema = z.ZodType;
type Input<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface RouteContext<P, Q, B> {
  params: Input<P>;
  query: Input<Q>;
  body: Input<B>;
  user: CurrentUser;
  request: Request;
}

/** A reply with a status other than the route's default (e.g. 200 for an already logged email). */
export class Reply<T> {
  constructor(
    readonly status: number,
    readonly body: T,
  ) {}
}

/**
 * A file instead of JSON (CSV, PDF): the headers go out once the handler has validated everything,
 * then `write` streams the body, so a large export never sits in memory. A failure half-way can no
 * longer become an error body: the connection is cut, and the client sees a broken download.
 */
export class Download {
  constructor(
    readonly contentType: string,
    readonly fileName: string,
    readonly write: (response: Response) => Promise<void>,
  ) {}
}

export interface RouteSpec<
  P extends Schema | undefined,
  Q extends Schema | undefined,
  B extends Schema | undefined,
  R extends Schema,
> {
  method: Method;
  /** Express path, e.g. /api/customers/:id */
  path: string;
  summary: string;
  tag: string;
  params?: P;
  query?: Q;
  body?: B;
  response: R;
  /** Status of a successful reply; 200 unless given. */
  status?: number;
  /**
   * Statuses only the route knows it answers (documented in OpenAPI): a 2xx with the response body
   * (200 for an e-mail logged already), a 4xx or 5xx with the error body. Everything the spec itself
   * shows (validation, authentication, authorisation, :id, bodies, idempotency, limits) is derived.
   */
  alsoReplies?: number[];
  /**
   * The permissions of the authorisation table (contract/authorization.contract.ts) this route's
   * service checks; every write route names at least one. Printed in OpenAPI; the services enforce them.
   */
  authorization?: Permission | readonly Permission[];
  /**
   * Honours an Idempotency-Key (a retry gets the first answer again); by default every POST that
   * creates, i.e. answers 201.
   */
  idempotent?: boolean;
  /** Media types of a successful reply when not only JSON (a Download), e.g. ["application/json", "text/csv"]. */
  produces?: readonly string[];
  /**
   * Media types of a raw request body (an upload: the file itself is the body, read before the JSON
   * parser); documented in OpenAPI as binary. None by default: a body is JSON, described by `body`.
   */
  accepts?: readonly string[];
  /** OpenAPI operationId; by default derived from the method and path (see openapi.ts). */
  operationId?: string;
  handler: (context: RouteContext<P, Q, B>) => Promise<z.input<R> | Reply<z.input<R>> | Download>;
}

// The registry is erased over the schema types: each route keeps its own types where it is declared.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRoute = RouteSpec<any, any, any, Schema>;

export function defineRoute<
  R extends Schema,
  P extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  B extends Schema | undefined = undefined,
>(spec: RouteSpec<P, Q, B, R>): AnyRoute {
  return spec as AnyRoute;
}

export const isIdempotent = (route: AnyRoute) => route.idempotent ?? (route.method === "post" && route.status === 201);

/**
 * The API's routes as one middleware: finds the route of a request in find-my-way's radix tree (one
 * walk of the path, however many routes there are; Express's own router tries each route's pattern
 * in turn), validates params, query and body with the route's schemas, then runs it; a create with an
 * Idempotency-Key runs once per user and key (see idempotency.ts). A request no route matches goes on
 * to the next middleware (the 404). Paths use Express's syntax (/api/customers/:id).
 */
export function apiRoutes(routes: AnyRoute[], options: { idempotency?: Idempotency } = {}): ApiRoutes {
  // ignoreTrailingSlash: as Express's non-strict routing, /api/lookup/ is /api/lookup. A parameter is
  // a UUID or a short code; a longer one still reaches its route, whose schema answers a 400 naming it.
  // A path that does not percent-decode comes back with no route (store null): a 400 naming the path.
  const tree = findMyWay({ ignoreTrailingSlash: true, maxParamLength: 2000, onBadUrl: () => undefined });
  // Only a route that takes a body parses one: a GET (lookup, search, the record) passes no parser.
  const jsonBody = express.json({ limit: JSON_BODY_LIMIT });
  const answers: string[] = [];
  for (const route of routes) {
    // Fail at start-up, not in production: a write nobody decided the rules for is a hole.
    if (route.method !== "get" && permissionsOf(route).length === 0)
      throw new Error(`${route.method.toUpperCase()} ${route.path} names no permission of the authorisation table`);
    const keyed = Boolean(options.idempotency) && isIdempotent(route);
    const handle = async (request: Request, response: Response, rawParams: Record<string, string | undefined>) => {
      const user = response.locals.user as CurrentUser;
      const params = parse("path", route.params, rawParams);
      const query = parse("query", route.query, request.query);
      if (route.body) requireJsonBody(request);
      const body = parse("body", route.body, request.body);
      const context = { params, query, body, user, request };
      const key = keyed ? idempotencyKeyOf(request) : null;
      if (key !== null) {
        const scope = { userId: user.id, key, fingerprint: fingerprintOf(request) };
        return options.idempotency!.once(scope, response, async () =>
          statusAndPayload(route, await route.handler(context)),
        );
      }
      const result = await route.handler(context);
      if (result instanceof Download) return sendDownload(response, result);
      const { status, payload } = statusAndPayload(route, result);
      if (status === 204) response.status(204).end();
      else sendJson(response, status, payload);
    };
    const entry: MountedRoute = { route, handle, readsBody: Boolean(route.body) };
    const method = route.method.toUpperCase() as findMyWay.HTTPMethod;
    tree.on(method, route.path, () => undefined, entry);
    answers.push(`${method} ${route.path}`);
  }
  const dispatch: ApiRoutes = async (request, response, next) => {
    const found = tree.find(request.method as findMyWay.HTTPMethod, request.path);
    if (!found) return next();
    if (found.store === null) throw pathNotUtf8();
    const { route, handle, readsBody } = found.store as MountedRoute;
    // What the request log names as the matched route (a template, never the caller's values).
    response.locals.route = route.path;
    const params = found.params;
    request.params = params as Record<string, string>;
    if (!readsBody) return handle(request, response, params);
    await new Promise<void>((resolve, reject) =>
      jsonBody(request, response, (error?: unknown) => (error ? reject(error) : resolve())),
    );
    return handle(request, response, params);
  };
  // What the tree answers, as it was registered: tools list the app's routes from it.
  dispatch.answers = answers;
  return dispatch;
}

/** The API's middleware, and the routes it answers ("GET /api/customers/:id"). */
export type ApiRoutes = RequestHandler & { answers?: string[] };

interface MountedRoute {
  route: AnyRoute;
  readsBody: boolean;
  handle: (request: Request, response: Response, params: Record<string, string | undefined>) => Promise<void>;
}

/**
 * JSON as Express's response.json writes it (same headers, same bytes), without its per-call
 * settings look-ups, charset negotiation and freshness check: every API answer is no-store JSON.
 */
function sendJson(response: Response, status: number, payload: unknown): void {
  const body = JSON.stringify(payload) ?? "";
  response.statusCode = status;
  response.setHeader("Content-Type", "application/json; charset=utf-8");
  response.setHeader("Content-Length", Buffer.byteLength(body));
  response.end(response.req.method === "HEAD" ? undefined : body);
}

/** The largest JSON body a route reads (contract text limits fit well within it); 413 above. */
export const JSON_BODY_LIMIT = "5mb";

export function permissionsOf(route: AnyRoute): readonly Permission[] {
  const declared = route.authorization;
  return declared === undefined ? [] : typeof declared === "string" ? [declared] : declared;
}

function statusAndPayload(route: AnyRoute, result: unknown): { status: number; payload: unknown } {
  if (result instanceof Download) throw new Error(`${route.path}: a download is never idempotent`);
  return result instanceof Reply
    ? { status: result.status, payload: result.body }
    : { status: route.status ?? 200, payload: result };
}

async function sendDownload(response: Response, download: Download): Promise<void> {
  response.status(200);
  response.setHeader("Content-Type", download.contentType);
  response.setHeader(
    "Content-Disposition",
    `attachment; filename="${download.fileName.replace(/[^\w.-]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(download.fileName)}`,
  );
  try {
    await download.write(response);
    if (!response.writableEnded) response.end();
  } catch (error) {
    logOf(response).error({ err: error, fileName: download.fileName }, "download failed half-way");
    response.destroy(error as Error);
  }
}

function parse(where: "path" | "query" | "body", schema: Schema | undefined, value: unknown): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(value ?? (where === "body" ? undefined : {}));
  if (result.success) return result.data;
  throw validationError(where, result.error);
}

export function validationError(where: string, error: z.ZodError): AppError {
  const details = error.issues.map((issue) => ({
    field: [where, ...issue.path.map(String)].join("."),
    message: issue.message,
  }));
  const summary = details.map((detail) => `${detail.field}: ${detail.message}`).join("; ");
  return new AppError("bad_request", `Invalid request: ${summary}`, details);
}

import express, { type Request, type RequestHandler, type Response, type Router } from "express";
import { z } from "zod";
import type { CurrentUser } from "../auth/current-user";
import type { Permission } from "../auth/permissions";
import { AppError } from "../shared/app-error";
import { requireJsonBody } from "./request-body";
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
 * Mounts routes on a router: validates params, query and body with the route's schemas, then runs it;
 * a create with an Idempotency-Key runs once per user and key (see idempotency.ts).
 */
export function mountRoutes(router: Router, routes: AnyRoute[], options: { idempotency?: Idempotency } = {}): void {
  // Only a route that takes a body parses one: a GET (lookup, search, the record) passes no parser.
  const jsonBody = express.json({ limit: JSON_BODY_LIMIT });
  for (const route of routes) {
    // Fail at start-up, not in production: a write nobody decided the rules for is a hole.
    if (route.method !== "get" && permissionsOf(route).length === 0)
      throw new Error(`${route.method.toUpperCase()} ${route.path} names no permission of the authorisation table`);
    const keyed = Boolean(options.idempotency) && isIdempotent(route);
    const handler: RequestHandler = async (request, response) => {
      const user = response.locals.user as CurrentUser;
      const params = parse("path", route.params, request.params);
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
      else response.status(status).json(payload);
    };
    if (route.body) router[route.method](route.path, jsonBody, handler);
    else router[route.method](route.path, handler);
  }
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

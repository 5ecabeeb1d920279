import { z } from "zod";
import { ErrorBody, PERMISSIONS, type Permission, isRestricted, permissionClause } from "contract";
import packageJson from "../../../package.json";
import { IDEMPOTENCY_HEADER } from "./idempotency";
import { type AnyRoute, defineRoute, isIdempotent, permissionsOf } from "./route";

/**
 * What the document says about one operation: a route of apiRoutes, or one served before the
 * API's pipeline (health, the development sign-in), described here so clients see it too.
 */
export type DescribedOperation = Omit<AnyRoute, "handler"> & {
  /** Said before the authorisation sentence (e.g. "development only"). */
  description?: string;
  /** Served without a bearer token: no 401. */
  anonymous?: boolean;
  /** Answers before the rate limits and the database are asked (health): only its own replies. */
  bare?: boolean;
  /** Replies with bodies of their own rather than the error body (the readiness check's 503). */
  replies?: Record<number, { description: string; schema: z.ZodType; retryAfter?: boolean }>;
};

export interface OpenApiOptions {
  /** Operations served outside apiRoutes (health, the development sign-in). */
  unmounted?: DescribedOperation[];
  /** Where clients send requests; relative to the document's own address unless given. */
  serverUrl?: string;
}

/**
 * GET /api/openapi.json: the document for the routes and for itself, built once at start-up (a
 * duplicate operationId stops the start, as a write naming no permission does in apiRoutes).
 */
export function openApiRoute(routes: AnyRoute[], options: OpenApiOptions = {}): AnyRoute {
  let document: Record<string, unknown> = {};
  const route = defineRoute({
    method: "get",
    path: "/api/openapi.json",
    tag: "meta",
    summary: "This document (OpenAPI 3.1), generated from the zod schemas the routes validate with",
    response: z.record(z.string(), z.unknown()),
    handler: async () => document,
  });
  document = buildOpenApi([...(options.unmounted ?? []), ...routes, route], options);
  return route;
}

/** The OpenAPI document, generated from the same zod schemas the routes validate with. */
export function buildOpenApi(
  operations: DescribedOperation[],
  options: Pick<OpenApiOptions, "serverUrl"> = {},
): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const operationIds = new Map<string, string>();
  for (const operation of operations) {
    const path = operation.path.replace(/:(\w+)/g, "{$1}");
    const operationId = operation.operationId ?? operationIdOf(operation.method, operation.path);
    const taken = operationIds.get(operationId);
    if (taken) throw new Error(`operationId ${operationId} of ${operation.method} ${path} is also that of ${taken}`);
    operationIds.set(operationId, `${operation.method} ${path}`);
    const description = [operation.description, authorizationSentence(permissionsOf(operation as AnyRoute))]
      .filter(Boolean)
      .join("\n\n");
    paths[path] = {
      ...paths[path],
      [operation.method]: {
        operationId,
        summary: operation.summary,
        ...(description && { description }),
        ...authorizationTable(permissionsOf(operation as AnyRoute)),
        tags: [operation.tag],
        ...(operation.anonymous && { security: [] }),
        parameters: [
          ...parameters(operation.params, "path"),
          ...parameters(operation.query, "query"),
          ...(isIdempotent(operation as AnyRoute) ? [{ $ref: "#/components/parameters/IdempotencyKey" }] : []),
        ],
        ...requestBody(operation),
        responses: responses(operation),
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Outlook CRM service",
      version: packageJson.version,
      description:
        "The CRM's service for its Outlook task pane and for scripts. Every call but the health checks and the development sign-in needs a bearer token (Entra ID, or the development issuer); errors are `{ error: { code, message, details } }` with `details` naming the fields.",
    },
    servers: [{ url: options.serverUrl ?? "/", description: "This service" }],
    security: [{ bearer: [] }],
    paths,
    components: COMPONENTS,
  };
}

/**
 * GET /api/customers/:id/attachments → getCustomersByIdAttachments: the method and the path's words,
 * a parameter as By<Name>. Depends on nothing but the operation's own method and path, so renaming
 * or adding another route never changes it (unique, because Express answers one route per method and path).
 */
export function operationIdOf(method: string, path: string): string {
  const words = path
    .replace(/^\/api(?=\/|$)/, "")
    .split("/")
    .flatMap((segment) => {
      const parameter = /^[:{](\w+)\}?$/.exec(segment);
      return parameter ? ["by", parameter[1]!] : segment.split(/[^A-Za-z0-9]+/);
    })
    .filter(Boolean);
  return method.toLowerCase() + words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join("");
}

function authorizationSentence(permissions: readonly Permission[]): string {
  if (permissions.length === 0) return "";
  return `Authorisation: ${permissions.map((permission) => `${permissionClause(permission)} (\`${permission}\`)`).join("; ")}.`;
}

/**
 * The authorisation table's rows for the route, generated from the table: the grants
 * (role → relations: owner, linked, anyone) as `x-authorization`.
 */
function authorizationTable(permissions: readonly Permission[]) {
  if (permissions.length === 0) return {};
  return {
    "x-authorization": permissions.map((permission) => {
      const rule: { does: string; owner?: string; grants: object } = PERMISSIONS[permission];
      return { permission, does: rule.does, ...(rule.owner && { owner: rule.owner }), grants: rule.grants };
    }),
  };
}

function requestBody(operation: DescribedOperation) {
  if (operation.accepts)
    return {
      requestBody: {
        required: true,
        description: "The file itself, with its type as Content-Type (no JSON, no multipart)",
        content: Object.fromEntries(
          operation.accepts.map((type) => [type, { schema: { type: "string", format: "binary" } }]),
        ),
      },
    };
  if (!operation.body) return {};
  return { requestBody: { required: !acceptsAbsent(operation.body), content: json(operation.body, "input") } };
}

const ref = (kind: "responses" | "headers" | "schemas", name: string) => ({ $ref: `#/components/${kind}/${name}` });
const WRITES = ["post", "patch", "put"];

/**
 * Every status the operation can answer, derived from what its spec shows (inputs, token,
 * authorisation, :id and referenced ids, body, idempotency, limits, database), plus `alsoReplies`.
 */
function responses(operation: DescribedOperation): Record<string, unknown> {
  const status = operation.status ?? 200;
  const success = successResponse(operation, status);
  const answers: Record<string, unknown> = { [status]: success };
  for (const other of operation.alsoReplies ?? [])
    answers[other] = other < 300 ? { ...success, description: describeSuccess(other) } : errorReply(operation, other);
  for (const [code, reply] of Object.entries(operation.replies ?? {}))
    answers[code] = {
      description: reply.description,
      ...(reply.retryAfter && { headers: { "Retry-After": ref("headers", "RetryAfter") } }),
      content: json(reply.schema, "output"),
    };
  if (operation.bare) return answers;

  const hasBody = Boolean(operation.body || operation.accepts);
  const restricted = permissionsOf(operation as AnyRoute).some(isRestricted);
  const idempotent = isIdempotent(operation as AnyRoute);
  const derived: Record<number, unknown> = {
    400: operation.params || operation.query || hasBody ? ref("responses", "BadRequest") : undefined,
    401: operation.anonymous ? undefined : ref("responses", "Unauthenticated"),
    403: restricted ? ref("responses", "Forbidden") : undefined,
    404: operation.params || referencesRecords(operation.body) ? ref("responses", "NotFound") : undefined,
    409: (WRITES.includes(operation.method) && !operation.anonymous) || idempotent ? conflict(operation) : undefined,
    413: hasBody ? ref("responses", "PayloadTooLarge") : undefined,
    415: hasBody ? ref("responses", "UnsupportedMediaType") : undefined,
    422: idempotent ? ref("responses", "IdempotencyKeyReused") : undefined,
    429: ref("responses", "TooManyRequests"),
    500: ref("responses", "Internal"),
    503: ref("responses", "Unavailable"),
  };
  for (const [code, response] of Object.entries(derived)) if (response && !answers[code]) answers[code] = response;
  return answers;
}

function describeSuccess(status: number): string {
  return status === 201 ? "Created" : status === 204 ? "No content" : "OK";
}

function successResponse(operation: DescribedOperation, status: number) {
  const description = describeSuccess(status);
  const headers = {
    ...(isIdempotent(operation as AnyRoute) && { "Idempotent-Replayed": ref("headers", "IdempotentReplayed") }),
    ...(operation.produces?.some((type) => type !== "application/json") && {
      "Content-Disposition": ref("headers", "ContentDisposition"),
    }),
  };
  return {
    description,
    ...(Object.keys(headers).length > 0 && { headers }),
    ...(status !== 204 && { content: successContent(operation) }),
  };
}

function successContent(operation: DescribedOperation) {
  if (!operation.produces) return json(operation.response, "output");
  return Object.fromEntries(
    operation.produces.map((type) =>
      type === "application/json"
        ? [type, json(operation.response, "output")["application/json"]]
        : [type, { schema: { type: "string", format: "binary" } }],
    ),
  );
}

/** Why a write may be refused as a conflict: what its spec shows, and what any write may meet. */
function conflict(operation: DescribedOperation) {
  const reasons = [
    ...(operation.body && "version" in (inputSchema(operation.body).properties ?? {})
      ? ["the record was changed since the `version` sent (reload and apply the change again)"]
      : []),
    "a value that must be unique is taken, or the record's state does not allow this (the message says which)",
    ...(isIdempotent(operation as AnyRoute) ? ["a request with this Idempotency-Key is still running"] : []),
  ];
  return { description: `Conflict: ${reasons.join("; ")}`, content: errorContent() };
}

function errorReply(operation: DescribedOperation, status: number) {
  if (status === 409) return conflict(operation);
  const shared = SHARED_ERRORS[status];
  if (!shared) return { description: "Refused", content: errorContent() };
  return ref("responses", shared.name);
}

const errorContent = () => ({ "application/json": { schema: ref("schemas", "ErrorBody") } });

const SHARED_ERRORS: Record<number, { name: string; description: string; retryAfter?: boolean }> = {
  400: {
    name: "BadRequest",
    description: "Invalid input; `error.details` name the fields (`query.search`, `body.lines.0.unitPrice`)",
  },
  401: { name: "Unauthenticated", description: "Missing, expired or invalid bearer token" },
  403: {
    name: "Forbidden",
    description: "The authorisation table does not allow the caller this; the message says who may",
  },
  404: {
    name: "NotFound",
    description: "The record in the path, or one the body refers to, does not exist (`details` name the field)",
  },
  413: {
    name: "PayloadTooLarge",
    description: "The body (or the file) is larger than the limit; the message names it",
  },
  415: {
    name: "UnsupportedMediaType",
    description:
      "The body's Content-Type or Content-Encoding is not one this operation takes (an upload: the file's type is not allowed, or its first bytes are not what it was declared as)",
  },
  422: { name: "IdempotencyKeyReused", description: "This Idempotency-Key was used for a different request" },
  429: {
    name: "TooManyRequests",
    description: "Too many requests from this user or address; Retry-After says when to try again",
    retryAfter: true,
  },
  500: { name: "Internal", description: "Something went wrong on the service's side; quote `error.requestId`" },
  503: {
    name: "Unavailable",
    description:
      "The service is starting, or its database cannot be reached just now (the message says whether a write was applied); try again after Retry-After",
    retryAfter: true,
  },
};

// The draft's advice: publish the key's format and how long it is kept.
const IDEMPOTENCY_PARAMETER = {
  name: IDEMPOTENCY_HEADER,
  in: "header",
  required: false,
  description:
    'One key per user action, e.g. "8e03978e-40d5-43e8-bc93-6894a57f9324" (a quoted string of 8-255 visible ASCII characters). A retry with the same key and request gets the first answer again (Idempotent-Replayed: true) for 24 hours; the same key with another request is a 422; keys are per user.',
  schema: { type: "string", minLength: 8, maxLength: 257 },
};

const COMPONENTS = {
  securitySchemes: {
    bearer: {
      type: "http",
      scheme: "bearer",
      bearerFormat: "JWT",
      description: "An Entra ID access token for the service's API (or one of the development issuer's)",
    },
  },
  parameters: { IdempotencyKey: IDEMPOTENCY_PARAMETER },
  headers: {
    RetryAfter: { description: "Seconds to wait before trying again", schema: { type: "integer", minimum: 0 } },
    IdempotentReplayed: {
      description: "`true` when this is the first answer again, for a retry with the same Idempotency-Key",
      schema: { type: "string", enum: ["true"] },
    },
    ContentDisposition: {
      description: "A download: `attachment; filename=\"…\"; filename*=UTF-8''…`",
      schema: { type: "string" },
    },
  },
  responses: Object.fromEntries(
    Object.values(SHARED_ERRORS).map(({ name, description, retryAfter }) => [
      name,
      {
        description,
        ...(retryAfter && { headers: { "Retry-After": ref("headers", "RetryAfter") } }),
        content: errorContent(),
      },
    ]),
  ),
  schemas: { ErrorBody: toJsonSchema(ErrorBody, "output") },
};

function json(schema: z.ZodType, io: "input" | "output") {
  return { "application/json": { schema: toJsonSchema(schema, io) } };
}

type JsonSchema = { properties?: Record<string, JsonSchema>; required?: string[]; [key: string]: unknown };

function toJsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _dialect, ...jsonSchema } = z.toJSONSchema(schema, {
    io,
    unrepresentable: "any",
    // zod lists a key as required when its declared input type has no undefined, but a preprocess
    // (?type= given once, repeated or not at all) or a default lets the request leave it out. What
    // the route accepts decides: a key is required when the schema refuses it absent.
    override: ({ zodSchema, jsonSchema }) => {
      const def = zodSchema._zod.def;
      if (io !== "input" || def.type !== "object") return;
      const required = Object.keys(def.shape).filter((key) => !acceptsAbsent(def.shape[key] as z.ZodType));
      if (required.length > 0) jsonSchema.required = required;
      else delete jsonSchema.required;
    },
  }) as JsonSchema;
  return jsonSchema;
}

/** Whether the schema takes a missing value (optional, default, preprocess to a list). */
function acceptsAbsent(schema: z.ZodType): boolean {
  try {
    return schema.safeParse(undefined).success;
  } catch {
    // An async refinement cannot be run here; keep it required.
    return false;
  }
}

const inputSchema = (schema: z.ZodType) => toJsonSchema(schema, "input");

/** Whether a body names other records by id (a customerId, an ownerId): one that does not exist is a 404. */
function referencesRecords(schema: z.ZodType | undefined): boolean {
  return schema !== undefined && JSON.stringify(inputSchema(schema)).includes('"format":"uuid"');
}

function parameters(schema: z.ZodType | undefined, where: "path" | "query") {
  if (!schema) return [];
  const jsonSchema = inputSchema(schema);
  return Object.entries(jsonSchema.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === "path" || (jsonSchema.required ?? []).includes(name),
    schema: property,
  }));
}

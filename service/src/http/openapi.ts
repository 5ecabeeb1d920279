import { z } from "zod";
import { ErrorBody, PERMISSIONS, type Permission, isRestricted, permissionClause } from "contract";
import { IDEMPOTENCY_HEADER } from "./idempotency";
import { type AnyRoute, isIdempotent, permissionsOf } from "./route";

/** The OpenAPI document, generated from the same zod schemas the routes validate with. */
export function buildOpenApi(routes: AnyRoute[]): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = route.path.replace(/:(\w+)/g, "{$1}");
    const status = route.status ?? 200;
    const responses: Record<string, unknown> = {
      [status]: status === 204 ? { description: "No content" } : { description: "OK", content: successContent(route) },
      ...Object.fromEntries(
        (route.alsoReplies ?? []).map((other) => [
          other,
          { description: "OK", content: json(route.response, "output") },
        ]),
      ),
      400: errorResponse("Invalid input; details name the fields"),
      401: errorResponse("Missing or invalid bearer token"),
      429: errorResponse("Too many requests from this user or address; Retry-After says when to try again"),
      ...(permissionsOf(route).some(isRestricted)
        ? { 403: errorResponse("The authorisation table does not allow the caller this; the message says who may") }
        : {}),
      ...(route.params ? { 404: errorResponse("Not found") } : {}),
      ...(["post", "patch", "put"].includes(route.method)
        ? { 409: errorResponse("Conflict: duplicate or stale version") }
        : {}),
      ...(isIdempotent(route)
        ? {
            409: errorResponse("Conflict: duplicate, or a request with this Idempotency-Key is still running"),
            422: errorResponse("This Idempotency-Key was used for a different request"),
          }
        : {}),
    };
    paths[path] = {
      ...paths[path],
      [route.method]: {
        summary: route.summary,
        ...authorization(permissionsOf(route)),
        tags: [route.tag],
        parameters: [
          ...parameters(route.params, "path"),
          ...parameters(route.query, "query"),
          ...(isIdempotent(route) ? [IDEMPOTENCY_PARAMETER] : []),
        ],
        ...(route.body ? { requestBody: { required: true, content: json(route.body, "input") } } : {}),
        responses,
        ...(route.path === "/api/health" ? { security: [] } : {}),
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: { title: "Outlook CRM service", version: "1" },
    components: { securitySchemes: { bearer: { type: "http", scheme: "bearer", bearerFormat: "JWT" } } },
    security: [{ bearer: [] }],
    paths,
  };
}

/**
 * The authorisation table's rows for the route, generated from the table: a sentence per permission
 * in the description, and the grants (role → relations: owner, linked, anyone) as `x-authorization`.
 */
function authorization(permissions: readonly Permission[]) {
  if (permissions.length === 0) return {};
  return {
    description: `Authorisation: ${permissions.map((permission) => `${permissionClause(permission)} (\`${permission}\`)`).join("; ")}.`,
    "x-authorization": permissions.map((permission) => {
      const rule: { does: string; owner?: string; grants: object } = PERMISSIONS[permission];
      return { permission, does: rule.does, ...(rule.owner && { owner: rule.owner }), grants: rule.grants };
    }),
  };
}
// The draft's advice: publish the key's format and how long it is kept.
const IDEMPOTENCY_PARAMETER = {
  name: IDEMPOTENCY_HEADER,
  in: "header",
  required: false,
  description:
    'One key per user action, e.g. "8e03978e-40d5-43e8-bc93-6894a57f9324" (a quoted string of 8-255 visible ASCII characters). A retry with the same key and request gets the first answer again (Idempotent-Replayed: true) for 24 hours; the same key with another request is a 422; keys are per user.',
  schema: { type: "string", minLength: 8, maxLength: 257 },
};

function json(schema: z.ZodType, io: "input" | "output") {
  return { "application/json": { schema: z.toJSONSchema(schema, { io, unrepresentable: "any" }) } };
}

function successContent(route: AnyRoute) {
  if (!route.produces) return json(route.response, "output");
  return Object.fromEntries(
    route.produces.map((type) =>
      type === "application/json"
        ? [type, json(route.response, "output")["application/json"]]
        : [type, { schema: { type: "string", format: "binary" } }],
    ),
  );
}

function errorResponse(description: string) {
  return { description, content: json(ErrorBody, "output") };
}

function parameters(schema: z.ZodType | undefined, where: "path" | "query") {
  if (!schema) return [];
  const jsonSchema = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as {
    properties?: Record<string, unknown>;
    required?: string[];
  };
  return Object.entries(jsonSchema.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === "path" || (jsonSchema.required ?? []).includes(name),
    schema: property,
  }));
}

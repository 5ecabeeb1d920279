// Walks the service's own OpenAPI document (generated from the zod contract) so a suite can send
// every route a body or query whose every string, or every date, carries a chosen value. New routes
// and fields are covered without touching the suite.

export interface JsonSchema {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minimum?: number;
  default?: unknown;
}

export interface Operation {
  method: string;
  /** With {param} placeholders. */
  path: string;
  pathParams: string[];
  query: { name: string; schema: JsonSchema }[];
  body?: JsonSchema;
  /** Served without a token, before the API's pipeline (health, the development sign-in). */
  anonymous: boolean;
}

interface OpenApiDocument {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: { name: string; in: string; schema: JsonSchema }[];
        requestBody?: { content: Record<string, { schema: JsonSchema }> };
        security?: unknown[];
      }
    >
  >;
}

export function operationsOf(document: OpenApiDocument): Operation[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      method: method.toUpperCase(),
      path,
      pathParams: (operation.parameters ?? []).filter((p) => p.in === "path").map((p) => p.name),
      query: (operation.parameters ?? []).filter((p) => p.in === "query").map(({ name, schema }) => ({ name, schema })),
      body: operation.requestBody?.content["application/json"]?.schema,
      anonymous: operation.security?.length === 0,
    })),
  );
}

/** What kind of leaf: a date, a date-time, any other string (free text, or enum, id...), an integer. */
export type StringKind = "date" | "date-time" | "free-text" | "constrained";
export type LeafKind = StringKind | "integer";
export interface Leaf {
  /** As the service names fields: body.a.0.b */
  field: string;
  kind: LeafKind;
}

const stringKind = (schema: JsonSchema): StringKind =>
  schema.format === "date" || schema.format === "date-time"
    ? schema.format
    : schema.enum || schema.const !== undefined || schema.pattern || schema.format
      ? "constrained"
      : "free-text";

const types = (schema: JsonSchema) => (Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : []);

/**
 * A value for the schema in which every string (and integer) leaf is `value(kind)`, or left
 * valid-looking when value returns undefined, and the leaves that were set.
 */
export function fill(
  schema: JsonSchema,
  field: string,
  value: (kind: LeafKind) => string | number | undefined,
  leaves: Leaf[],
): unknown {
  const options = schema.anyOf ?? schema.oneOf;
  if (options) {
    const stringOption = options.find((option) => types(option).includes("string"));
    const chosen = stringOption ?? options.find((option) => !types(option).includes("null")) ?? options[0]!;
    return fill(chosen, field, value, leaves);
  }
  const type = types(schema);
  if (type.includes("object") || schema.properties)
    return Object.fromEntries(
      Object.entries(schema.properties ?? {}).map(([key, property]) => [
        key,
        fill(property, `${field}.${key}`, value, leaves),
      ]),
    );
  if (type.includes("array")) return schema.items ? [fill(schema.items, `${field}.0`, value, leaves)] : [];
  if (type.includes("string")) {
    const kind = stringKind(schema);
    const chosen = value(kind);
    if (chosen === undefined) return plausible(schema, kind);
    leaves.push({ field, kind });
    return chosen;
  }
  if (type.includes("integer")) {
    const chosen = value("integer");
    if (chosen === undefined) return Math.max(schema.minimum ?? 1, 1);
    leaves.push({ field, kind: "integer" });
    return chosen;
  }
  if (type.includes("number")) return Math.max(schema.minimum ?? 1, 1);
  if (type.includes("boolean")) return false;
  return null;
}

function plausible(schema: JsonSchema, kind: StringKind): string {
  if (schema.enum) return String(schema.enum[0]);
  if (schema.const !== undefined) return String(schema.const);
  if (kind === "date") return "2027-03-01";
  if (kind === "date-time") return "2027-03-01T09:00:00Z";
  if (schema.format === "uuid") return "00000000-0000-4000-8000-000000000000";
  if (schema.format === "email") return "someone@example.com";
  return "plain";
}

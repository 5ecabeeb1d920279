import { randomUUID } from "node:crypto";
import {
  EVENT_READ_ONLY,
  EVENT_WRITABLE,
  type FieldType,
  GRAPH_ACCEPTED_ZONES,
  GRAPH_COMPLEX_TYPES,
  GRAPH_ENUMS,
  GRAPH_NOT_NULL,
} from "./graph-event.schema";

// The fake's validation layer: what Graph refuses, refused the same way, with the error body Graph
// documents (https://learn.microsoft.com/graph/errors: `{ error: { code, message, innerError } }`).
// Handlers validate through here; they do not check shapes of their own.

export interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export const graphError = (
  status: number,
  code: string,
  message: string,
  headers?: Record<string, string>,
): Answer => ({
  status,
  body: {
    error: {
      code,
      message,
      innerError: {
        date: new Date().toISOString().slice(0, 19),
        "request-id": randomUUID(),
        "client-request-id": randomUUID(),
      },
    },
  },
  headers,
});

// Outlook's calendar service answers a body it cannot read with OData's RequestBodyRead error,
// naming the property and its type in the Outlook namespace.
const bodyRead = (message: string) => graphError(400, "RequestBodyRead", message);
const typeName = (name: string) => `Microsoft.OutlookServices.${name[0]!.toUpperCase()}${name.slice(1)}`;

/** How OData names a field type in its errors: Edm.Int32, Microsoft.OutlookServices.DateTimeTimeZone. */
const EDM: Record<string, string> = {
  string: "String",
  boolean: "Boolean",
  int32: "Int32",
  double: "Double",
  date: "Date",
  dateTimeOffset: "DateTimeOffset",
};
const edmName = (type: FieldType): string =>
  typeof type === "string"
    ? `Edm.${EDM[type]}`
    : "enum" in type
      ? typeName(type.enum)
      : "complex" in type
        ? typeName(type.complex)
        : `Collection(${edmName(type.collection)})`;

function checkValue(value: unknown, type: FieldType, path: string): Answer | null {
  if (value === null) return null; // nullable unless GRAPH_NOT_NULL says otherwise (checked in checkObject)
  if (typeof type === "string") {
    const ok =
      type === "string" || type === "date" || type === "dateTimeOffset"
        ? typeof value === "string"
        : type === "boolean"
          ? typeof value === "boolean"
          : type === "int32"
            ? Number.isInteger(value) && Math.abs(value as number) <= 2 ** 31 - 1
            : typeof value === "number" && Number.isFinite(value);
    if (!ok)
      return bodyRead(
        `Cannot convert the literal '${JSON.stringify(value)}' to the expected type 'Edm.${type}' (${path}).`,
      );
    if (type === "date" && !/^\d{4}-\d{2}-\d{2}$/.test(value as string))
      return bodyRead(`Cannot convert the literal '${String(value)}' to the expected type 'Edm.Date' (${path}).`);
    if (type === "dateTimeOffset" && Number.isNaN(Date.parse(value as string)))
      return bodyRead(
        `Cannot convert the literal '${String(value)}' to the expected type 'Edm.DateTimeOffset' (${path}).`,
      );
    return null;
  }
  if ("enum" in type) {
    const members = GRAPH_ENUMS[type.enum] as readonly string[];
    if (typeof value !== "string" || !members.includes(value))
      return bodyRead(
        `Cannot convert the literal '${String(value)}' to the expected type '${typeName(type.enum)}' (${path}).`,
      );
    return null;
  }
  if ("collection" in type) {
    if (!Array.isArray(value)) return bodyRead(`A collection was expected for '${path}'.`);
    for (const [index, item] of value.entries()) {
      const wrong = checkValue(item, type.collection, `${path}[${index}]`);
      if (wrong) return wrong;
    }
    return null;
  }
  return checkObject(value, GRAPH_COMPLEX_TYPES[type.complex], type.complex, path);
}

function checkObject(
  value: unknown,
  properties: Record<string, FieldType>,
  name: string,
  path: string,
  ignored: Record<string, FieldType> = {},
): Answer | null {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return bodyRead(`An object of type '${typeName(name)}' was expected for '${path || name}'.`);
  for (const [key, item] of Object.entries(value)) {
    if (key.startsWith("@odata.")) continue;
    const type = properties[key] ?? ignored[key];
    if (!type)
      return bodyRead(
        `The property '${key}' does not exist on type '${typeName(name)}'. Make sure to only use property names that are defined by the type.`,
      );
    if (item === null && GRAPH_NOT_NULL[name as keyof typeof GRAPH_NOT_NULL]?.includes(key))
      return bodyRead(
        `A null value was found for the property named '${key}', which has the expected type '${edmName(type)}[Nullable=False]'. The expected type '${edmName(type)}[Nullable=False]' does not allow null values.`,
      );
    const wrong = checkValue(item, type, path ? `${path}.${key}` : key);
    if (wrong) return wrong;
  }
  return null;
}

/** The zone names of a start/end Graph takes on create and update (Windows zones, the documented IANA ones). */
function checkZone(value: { timeZone?: unknown } | null | undefined): Answer | null {
  if (!value || typeof value.timeZone !== "string") return null;
  if (GRAPH_ACCEPTED_ZONES.has(value.timeZone)) return null;
  return graphError(
    400,
    "TimeZoneNotSupportedException",
    `A valid TimeZone value must be specified. The following TimeZone value is not supported: '${value.timeZone}'.`,
  );
}

// What each pattern and range type needs (https://learn.microsoft.com/graph/api/resources/recurrencepattern,
// https://learn.microsoft.com/graph/api/resources/recurrencerange): "Required" per type there.
const PATTERN_NEEDS: Record<string, string[]> = {
  daily: ["interval"],
  weekly: ["interval", "daysOfWeek"],
  absoluteMonthly: ["interval", "dayOfMonth"],
  relativeMonthly: ["interval", "daysOfWeek"],
  absoluteYearly: ["interval", "dayOfMonth", "month"],
  relativeYearly: ["interval", "daysOfWeek", "month"],
};
const RANGE_NEEDS: Record<string, string[]> = {
  endDate: ["startDate", "endDate"],
  noEnd: ["startDate"],
  numbered: ["startDate", "numberOfOccurrences"],
};

/**
 * A patternedRecurrence as Graph takes it: both parts, each with what its type needs, a positive
 * interval and count, an end not before the start, and a recurrenceTimeZone Graph knows (the same
 * names as start and end; https://learn.microsoft.com/graph/api/resources/recurrencerange).
 */
function checkRecurrence(value: unknown): Answer | null {
  if (value === undefined || value === null) return null;
  const invalid = (message: string) => graphError(400, "ErrorInvalidRequest", message);
  const { pattern, range } = value as { pattern?: Record<string, unknown>; range?: Record<string, unknown> };
  if (!pattern || !range) return invalid("recurrence needs both a pattern and a range.");
  if (typeof pattern.type !== "string" || typeof range.type !== "string")
    return invalid("recurrence.pattern.type and recurrence.range.type are required.");
  const absent = (item: unknown) => item === undefined || item === null || (Array.isArray(item) && item.length === 0);
  const missing = (part: Record<string, unknown>, needs: string[] | undefined, name: string) => {
    const key = (needs ?? []).find((need) => absent(part[need]));
    return key ? `recurrence.${name}.${key} is required for a ${String(part.type)} ${name}.` : null;
  };
  const lacking =
    missing(pattern, PATTERN_NEEDS[pattern.type], "pattern") ?? missing(range, RANGE_NEEDS[range.type], "range");
  if (lacking) return invalid(lacking);
  if ((pattern.interval as number) < 1) return invalid("recurrence.pattern.interval must be at least 1.");
  if (range.type === "numbered" && (range.numberOfOccurrences as number) < 1)
    return invalid("recurrence.range.numberOfOccurrences must be at least 1.");
  if (range.type === "endDate" && (range.endDate as string) < (range.startDate as string))
    return invalid("recurrence.range.endDate is before its startDate.");
  if (typeof range.recurrenceTimeZone === "string") return checkZone({ timeZone: range.recurrenceTimeZone });
  return null;
}

/** An event body for POST /me/events (partial: false) or PATCH /me/events/{id}; null when Graph would take it. */
export function validateEventBody(body: unknown, partial: boolean): Answer | null {
  const wrong = checkObject(body, EVENT_WRITABLE, "event", "", EVENT_READ_ONLY);
  if (wrong) return wrong;
  const event = body as Record<string, { dateTime?: unknown; timeZone?: unknown } | undefined>;
  for (const key of ["start", "end"] as const) {
    const value = event[key];
    if (!value) continue;
    if (
      typeof value.dateTime !== "string" ||
      !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?$/.test(value.dateTime)
    )
      return graphError(
        400,
        "ErrorInvalidRequest",
        `${key}.dateTime is not a date and time: ${JSON.stringify(value.dateTime)}`,
      );
    const zone = checkZone(value);
    if (zone) return zone;
  }
  const recurrence = checkRecurrence(event.recurrence);
  if (recurrence) return recurrence;
  // start and end go together (https://learn.microsoft.com/graph/api/user-post-events: both are required).
  if (!partial && (!event.start || !event.end))
    return graphError(
      400,
      "ErrorInvalidRequest",
      "Your request can't be completed. An event needs a start and an end.",
    );
  return null;
}

/** The event properties a stored event keeps from a write (read-only ones are Graph's own). */
export function writableOf(body: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([key]) => key in EVENT_WRITABLE));
}

export interface BatchItem {
  id: string;
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  dependsOn?: string[];
}

/** At most 20 requests in one $batch (https://learn.microsoft.com/graph/json-batching#batch-size-limitations). */
export const MAX_BATCH_REQUESTS = 20;
const METHODS = new Set(["GET", "POST", "PATCH", "PUT", "DELETE"]);

/**
 * A JSON batch as https://learn.microsoft.com/graph/json-batching describes it: `requests`, each with
 * a unique string `id`, a `method`, a `url` relative to the version, `headers` with a Content-Type
 * when there is a `body`, and `dependsOn` naming other requests of the same batch. Anything else
 * refuses the whole batch with 400.
 */
export function validateBatch(body: unknown): { requests: BatchItem[] } | Answer {
  const bad = (message: string) => graphError(400, "BadRequest", message);
  const requests = (body as { requests?: unknown } | null)?.requests;
  if (!Array.isArray(requests)) return bad("Invalid batch payload format: a 'requests' array is required.");
  if (requests.length === 0) return bad("Invalid batch payload format: 'requests' is empty.");
  if (requests.length > MAX_BATCH_REQUESTS)
    return bad(`Number of batch request steps exceeds the maximum value of ${MAX_BATCH_REQUESTS}.`);
  const ids = new Set<string>();
  for (const item of requests as Partial<BatchItem>[]) {
    if (typeof item?.id !== "string" || item.id === "") return bad("Every batch request needs a string 'id'.");
    if (ids.has(item.id)) return bad(`Batch request ids must be unique; '${item.id}' appears twice.`);
    ids.add(item.id);
    if (typeof item.method !== "string" || !METHODS.has(item.method.toUpperCase()))
      return bad(`Request '${item.id}': 'method' must be one of ${[...METHODS].join(", ")}.`);
    if (typeof item.url !== "string" || !item.url.startsWith("/") || /^\/v1\.0\//.test(item.url))
      return bad(`Request '${item.id}': 'url' must be relative to the version, e.g. /me/events.`);
    if (item.body !== undefined) {
      const contentType = Object.entries(item.headers ?? {}).find(([key]) => key.toLowerCase() === "content-type")?.[1];
      if (!contentType) return bad(`Request '${item.id}': a request with a body needs a Content-Type header.`);
    }
  }
  for (const item of requests as BatchItem[]) {
    if (item.dependsOn === undefined) continue;
    if (!Array.isArray(item.dependsOn) || item.dependsOn.some((id) => typeof id !== "string"))
      return bad(`Request '${item.id}': 'dependsOn' must be an array of request ids.`);
    for (const id of item.dependsOn)
      if (!ids.has(id) || id === item.id)
        return bad(`Request '${item.id}' depends on '${id}', which is not another request of this batch.`);
  }
  // Requests run after what they depend on: a cycle can never run.
  const order = new Map((requests as BatchItem[]).map((item) => [item.id, item.dependsOn ?? []]));
  const done = new Set<string>();
  const visiting = new Set<string>();
  const cyclic = (id: string): boolean => {
    if (done.has(id)) return false;
    if (visiting.has(id)) return true;
    visiting.add(id);
    const found = order.get(id)!.some(cyclic);
    visiting.delete(id);
    done.add(id);
    return found;
  };
  for (const id of order.keys()) if (cyclic(id)) return bad(`The dependsOn of request '${id}' form a cycle.`);
  return { requests: requests as BatchItem[] };
}

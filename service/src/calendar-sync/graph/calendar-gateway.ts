import { ResponseType } from "@microsoft/microsoft-graph-client";
import { type GraphClientOptions, createGraphClient, relativeToBase } from "./graph-client";
import { GraphCallError, type GraphFailure, classifyGraphError } from "./graph-errors";
import type { GraphDeltaItem, GraphEvent, GraphEventWrite } from "./graph-event.types";
import { ACTIVITY_ID_PROPERTY } from "./graph-event.mapper";

/** Whose calendar: the CRM user the token is for. */
export interface Mailbox {
  userId: string;
  email: string;
}

export interface GraphTokenProvider {
  /** A Graph access token for the user; throws GraphCallError (auth) when there is none. */
  tokenFor(mailbox: Mailbox): Promise<string>;
}

/** One request of a $batch; key comes back with its result. */
export type CalendarRequest =
  | { key: string; kind: "create"; event: GraphEventWrite }
  /** A PATCH with only the fields the CRM changed. */
  | { key: string; kind: "update"; eventId: string; changeKey: string | null; event: Partial<GraphEventWrite> }
  | { key: string; kind: "delete"; eventId: string }
  | { key: string; kind: "cancel"; eventId: string; comment: string }
  | { key: string; kind: "get"; eventId: string };

export type CalendarResult =
  { key: string; ok: true; event: GraphEvent | null } | { key: string; ok: false; failure: GraphFailure };

export interface DeltaPage {
  items: GraphDeltaItem[];
  nextLink: string | null;
  deltaLink: string | null;
}

/** Everything the sync asks of Outlook. The only way to Graph; tests use a fake Graph at the HTTP level. */
export interface CalendarGateway {
  /** Up to MAX_BATCH requests in one $batch, one result each; throws GraphCallError if the batch itself fails. */
  batch(mailbox: Mailbox, requests: CalendarRequest[]): Promise<CalendarResult[]>;
  /** One page of calendarView/delta: a fresh window, or a nextLink/deltaLink from an earlier page. */
  deltaPage(mailbox: Mailbox, from: { link: string } | { start: Date; end: Date }): Promise<DeltaPage>;
}

/** Graph's limit of requests per $batch. */
export const MAX_BATCH = 20;

const UTC_PREFER = 'outlook.timezone="UTC"';
const encode = encodeURIComponent;

function toBatchItem(request: CalendarRequest) {
  const json = { "Content-Type": "application/json", Prefer: UTC_PREFER };
  switch (request.kind) {
    case "create":
      return { id: request.key, method: "POST", url: "/me/events", headers: json, body: request.event };
    case "update":
      return {
        id: request.key,
        method: "PATCH",
        url: `/me/events/${encode(request.eventId)}`,
        // If-Match: a change made in Outlook since our last look is not overwritten blindly (412).
        headers: request.changeKey ? { ...json, "If-Match": `W/"${request.changeKey}"` } : json,
        body: request.event,
      };
    case "delete":
      return { id: request.key, method: "DELETE", url: `/me/events/${encode(request.eventId)}` };
    case "cancel":
      return {
        id: request.key,
        method: "POST",
        url: `/me/events/${encode(request.eventId)}/cancel`,
        headers: json,
        body: { comment: request.comment },
      };
    case "get":
      return {
        id: request.key,
        method: "GET",
        url: `/me/events/${encode(request.eventId)}?$expand=singleValueExtendedProperties($filter=id eq '${ACTIVITY_ID_PROPERTY}')`,
        headers: { Prefer: UTC_PREFER },
      };
  }
}

interface BatchResponseItem {
  id: string;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

// The msgraph client wraps what fetch threw (a TypeError for a dropped connection, a DOMException
// when the timeout's signal fired) in a GraphError: its code is the original's name, its body the
// original itself or its text.
function isTimeout(error: unknown): boolean {
  const wrapped = error as { name?: string; code?: string | null; body?: unknown };
  const inner = wrapped.body as { name?: string } | string | undefined;
  const names = [wrapped.name, wrapped.code, typeof inner === "string" ? inner : inner?.name];
  return names.some((name) => typeof name === "string" && /TimeoutError|AbortError/.test(name));
}

function detailOf(error: unknown): string {
  const wrapped = error as { message?: string; body?: unknown };
  const inner = wrapped.body as { message?: string; cause?: { message?: string } } | string | undefined;
  if (typeof inner === "string" && inner) return inner;
  return inner && typeof inner === "object"
    ? (inner.cause?.message ?? inner.message ?? "no answer")
    : wrapped.message || "no answer";
}

const header = (headers: Record<string, string> | undefined, name: string) =>
  Object.entries(headers ?? {}).find(([key]) => key.toLowerCase() === name)?.[1] ?? null;

export function createGraphCalendarGateway(tokens: GraphTokenProvider, options: GraphClientOptions): CalendarGateway {
  const clientFor = async (mailbox: Mailbox) => createGraphClient(await tokens.tokenFor(mailbox), options);

  /** Sends one request and returns its raw response; a request that got no answer is a retryable failure. */
  async function send(mailbox: Mailbox, run: (client: Awaited<ReturnType<typeof clientFor>>) => Promise<Response>) {
    const client = await clientFor(mailbox);
    let response: Response;
    try {
      response = await run(client);
    } catch (error) {
      if (error instanceof GraphCallError) throw error;
      const message = isTimeout(error)
        ? `Graph did not answer within ${options.timeoutMs} ms`
        : `Graph could not be reached: ${detailOf(error)}`;
      throw new GraphCallError(classifyGraphError(0, { error: { code: "NetworkError", message } }));
    }
    const text = await response.text().catch(() => "");
    const body = text ? (JSON.parse(text) as unknown) : undefined;
    if (!response.ok)
      throw new GraphCallError(classifyGraphError(response.status, body, response.headers.get("retry-after")));
    return body;
  }

  return {
    async batch(mailbox, requests) {
      if (requests.length === 0) return [];
      if (requests.length > MAX_BATCH) throw new Error(`at most ${MAX_BATCH} requests per $batch`);
      const body = (await send(mailbox, (client) =>
        client
          .api("/$batch")
          .responseType(ResponseType.RAW)
          .post({ requests: requests.map(toBatchItem) }),
      )) as { responses?: BatchResponseItem[] };
      const byId = new Map((body.responses ?? []).map((item) => [item.id, item]));
      return requests.map((request): CalendarResult => {
        const item = byId.get(request.key);
        if (!item) return { key: request.key, ok: false, failure: classifyGraphError(0, undefined) };
        if (item.status >= 200 && item.status < 300)
          return { key: request.key, ok: true, event: (item.body as GraphEvent | undefined) ?? null };
        // Inside a batch the client's RetryHandler sees only the outer 200: Retry-After is read here.
        return {
          key: request.key,
          ok: false,
          failure: classifyGraphError(item.status, item.body, header(item.headers, "retry-after")),
        };
      });
    },

    async deltaPage(mailbox, from) {
      const path =
        "link" in from
          ? relativeToBase(from.link, options.baseUrl)
          : `/me/calendarView/delta?startDateTime=${from.start.toISOString()}&endDateTime=${from.end.toISOString()}`;
      const body = (await send(mailbox, (client) =>
        client.api(path).header("Prefer", `${UTC_PREFER}, odata.maxpagesize=100`).responseType(ResponseType.RAW).get(),
      )) as { value?: GraphDeltaItem[]; "@odata.nextLink"?: string; "@odata.deltaLink"?: string };
      return {
        items: body.value ?? [],
        nextLink: body["@odata.nextLink"] ?? null,
        deltaLink: body["@odata.deltaLink"] ?? null,
      };
    },
  };
}

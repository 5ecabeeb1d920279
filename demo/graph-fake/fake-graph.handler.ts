import { randomUUID } from "node:crypto";
import type { GraphEvent, GraphEventWrite } from "../../service/src/calendar-sync/graph/graph-event.types";
import { FakeMailbox, type StoredEvent, applyOnlineMeeting, instancesIn, present } from "./fake-calendar.store";
import { type Answer, graphError, validateBatch, validateEventBody, writableOf } from "./graph-validation";
import { type FakeSubscription, type LifecycleEvent, createFakeSubscriptions } from "./fake-subscriptions";

/** A fault to inject: matched against outer requests and requests inside a $batch alike. */
export interface FakeFault {
  method?: string;
  /** Matched against the path after the version, e.g. /me/events or /$batch. */
  path?: RegExp;
  status?: number;
  /** Graph's error code and message in the answer's body (a refusal in Graph's words); generic unless given. */
  code?: string;
  message?: string;
  retryAfterSeconds?: number;
  /** Apply the request, then fail anyway: Graph created the event but the answer never arrived. */
  afterApply?: boolean;
  /** Drop the connection instead of answering (outer requests only). */
  networkError?: boolean;
  /** Answer this much later (with afterApply: Graph did the work, but the client gave up waiting). */
  delayMs?: number;
  /** How many requests it hits; 1 unless given. */
  times?: number;
}

/**
 * Graph down for a while: every HTTP request fails alike, until `until` (on the fake's clock) or
 * until endOutage(). "network" drops the connection (what a client sees when Graph or the network
 * between is unreachable); "status" answers with a 5xx (503 by default), with Retry-After if given,
 * as Graph's front end does when a service is unavailable.
 */
export interface FakeOutage {
  kind: "network" | "status";
  status?: number;
  retryAfterSeconds?: number;
  until?: number;
}

/** One request the fake answered, outer or inside a $batch, for tests to inspect. */
export interface FakeLogEntry {
  at: number;
  method: string;
  path: string;
  status: number;
  inBatch: boolean;
  /** The bearer token the request came with: whose mailbox. */
  mailbox: string | null;
  /** What a PATCH or POST of an event carried, as sent (for tests of what the CRM sends). */
  body?: unknown;
}

export interface FakeStats {
  /** HTTP requests that reached the fake (a $batch counts once). */
  httpRequests: number;
  /** Requests by "METHOD /path-pattern", counting those inside batches. */
  operations: Record<string, number>;
  /** Times a create was answered with an existing event because of its transactionId. */
  deduplicatedCreates: number;
}

export interface GraphFakeOptions {
  /** Where the fake answers, including the version, e.g. https://graph.fake.test/v1.0 */
  baseUrl: string;
  /** Simulated latency of every HTTP request. */
  latencyMs?: number;
  /** Items per calendarView/delta page unless the client asks for fewer (Prefer: odata.maxpagesize). */
  pageSize?: number;
  /** The fake's clock (ms), for outages that end at a time: a test's controllable clock. */
  now?: () => number;
  /** How long after a change its notification is sent (Graph's usual delay is seconds). */
  notificationDelayMs?: number;
  /** What the fake sends notifications and validation requests with (the global fetch unless given). */
  fetch?: typeof fetch;
}

interface DeltaSession {
  items: unknown[];
  offset: number;
  deltaToken: string;
}

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
const unb64 = <T>(value: string): T | null => {
  try {
    return JSON.parse(Buffer.from(value, "base64url").toString()) as T;
  } catch {
    return null;
  }
};

export type GraphFake = ReturnType<typeof createGraphFake>;

/**
 * A Microsoft Graph calendar fake as one fetch-style handler: `handle(Request) => Response`.
 * msw handlers (jest) and a plain http server (`npm run graph-fake`) both delegate to it.
 */
export function createGraphFake(options: GraphFakeOptions) {
  const base = new URL(options.baseUrl);
  const basePath = base.pathname.replace(/\/+$/, "");
  const mailboxes = new Map<string, FakeMailbox>();
  const sessions = new Map<string, DeltaSession>();
  const faults: (FakeFault & { left: number })[] = [];
  const stats: FakeStats = { httpRequests: 0, operations: {}, deduplicatedCreates: 0 };
  const log: FakeLogEntry[] = [];
  const clock = options.now ?? Date.now;
  const note = (
    method: string,
    path: string,
    status: number,
    inBatch: boolean,
    mailbox: string | null,
    body?: unknown,
  ) => {
    if (log.length < 100_000)
      log.push({ at: clock(), method, path, status, inBatch, mailbox, ...(body !== undefined && { body }) });
  };
  const settings = {
    latencyMs: options.latencyMs ?? 0,
    pageSize: options.pageSize ?? 50,
    notificationDelayMs: options.notificationDelayMs ?? 0,
  };
  const subscriptions = createFakeSubscriptions({ clock, settings, fetch: options.fetch });
  let outage: FakeOutage | null = null;
  // Delays of injected faults end early on clearFaults(), so a test never leaves a request hanging.
  const held = new Set<() => void>();
  const hold = (ms: number) =>
    new Promise<void>((resolve) => {
      const release = () => (clearTimeout(timer), held.delete(release), resolve());
      const timer = setTimeout(release, ms);
      held.add(release);
    });

  const mailbox = (token: string) => {
    let found = mailboxes.get(token);
    if (!found) {
      mailboxes.set(token, (found = new FakeMailbox(token)));
      found.onChange = (event, change) => subscriptions.changed(token, event.id, change);
    }
    return found;
  };

  /** network: only connection drops; status: only answers; any: both (the $batch request itself). */
  function takeFault(method: string, path: string, kind: "network" | "status" | "any"): FakeFault | null {
    const index = faults.findIndex(
      (fault) =>
        (!fault.method || fault.method === method) &&
        (!fault.path || fault.path.test(path)) &&
        (kind === "any" || (kind === "network") === Boolean(fault.networkError)),
    );
    if (index < 0) return null;
    const fault = faults[index]!;
    if (--fault.left <= 0) faults.splice(index, 1);
    return fault;
  }

  const faultAnswer = (fault: FakeFault): Answer =>
    graphError(
      fault.status ?? 503,
      fault.code ?? (fault.status === 429 ? "TooManyRequests" : "ServiceUnavailable"),
      fault.message ?? "Injected fault",
      fault.retryAfterSeconds !== undefined ? { "Retry-After": String(fault.retryAfterSeconds) } : undefined,
    );

  function link(params: Record<string, string>) {
    return `${options.baseUrl.replace(/\/+$/, "")}/me/calendarView/delta?${new URLSearchParams(params)}`;
  }

  function delta(box: FakeMailbox, url: URL, prefer: string): Answer {
    const utc = /outlook\.timezone="?UTC"?/i.test(prefer);
    const maxPage = Number(/odata\.maxpagesize=(\d+)/i.exec(prefer)?.[1] ?? settings.pageSize);
    const pageSize = Math.min(maxPage, settings.pageSize);
    const skip = url.searchParams.get("$skiptoken");
    let session: DeltaSession | undefined;
    if (skip) {
      session = sessions.get(skip);
      if (!session) return graphError(410, "SyncStateNotFound", "The skip token is no longer valid");
      sessions.delete(skip);
    } else {
      const deltaToken = url.searchParams.get("$deltatoken");
      let since = -1;
      let window: { a: string; b: string };
      if (deltaToken) {
        const state = unb64<{ s: number; a: string; b: string }>(deltaToken);
        if (!state || state.s < box.oldestValidSeq)
          return graphError(410, "SyncStateNotFound", "The sync state was not found; start a full sync");
        since = state.s;
        window = state;
      } else {
        const a = url.searchParams.get("startDateTime");
        const b = url.searchParams.get("endDateTime");
        if (!a || !b || Number.isNaN(Date.parse(a)) || Number.isNaN(Date.parse(b)))
          return graphError(400, "ErrorInvalidParameter", "startDateTime and endDateTime are required");
        window = { a, b };
      }
      const start = new Date(window.a);
      const end = new Date(window.b);
      const items: unknown[] = [];
      for (const event of box.events.values()) {
        if (event.seq <= since) continue;
        if (event.deleted) {
          if (since >= 0) for (const id of removedIds(event, start, end)) items.push(removed(id));
          continue;
        }
        const instances = instancesIn(event, start, end);
        for (const instance of instances) items.push(present(instance, utc));
        if (since >= 0) {
          if (!event.recurrence && instances.length === 0) items.push(removed(event.id));
          for (const day of event.deletedOccurrences ?? []) items.push(removed(`${event.id}_occ_${day}`));
        }
      }
      session = { items, offset: 0, deltaToken: b64({ s: box.seq, a: window.a, b: window.b }) };
    }
    const page = session.items.slice(session.offset, session.offset + pageSize);
    session.offset += page.length;
    const body: Record<string, unknown> = { value: page };
    if (session.offset < session.items.length) {
      const token = randomUUID();
      sessions.set(token, session);
      body["@odata.nextLink"] = link({ $skiptoken: token });
    } else body["@odata.deltaLink"] = link({ $deltatoken: session.deltaToken });
    return { status: 200, body };
  }

  const removed = (id: string) => ({ id, "@removed": { reason: "deleted" } });
  const removedIds = (event: StoredEvent, start: Date, end: Date) =>
    event.recurrence
      ? instancesIn({ ...event, deleted: false }, start, end).map((occurrence) => occurrence.id)
      : [event.id];

  /** One Graph request against a mailbox: used for outer requests and for each item of a $batch. */
  function dispatch(
    box: FakeMailbox,
    method: string,
    url: URL,
    headers: Headers,
    body: unknown,
    inBatch: boolean,
  ): Answer {
    const path = url.pathname.slice(basePath.length).replace(/\/+$/, "");
    const utc = /outlook\.timezone="?UTC"?/i.test(headers.get("prefer") ?? "");
    const eventMatch = /^\/me\/events\/([^/]+)(\/cancel)?$/.exec(path);
    const operation = `${method} ${eventMatch ? `/me/events/{id}${eventMatch[2] ?? ""}` : path}`;
    stats.operations[operation] = (stats.operations[operation] ?? 0) + 1;
    const fault = takeFault(method, path, "status");
    const answer = fault && !fault.afterApply ? faultAnswer(fault) : apply();
    const final = fault ? faultAnswer(fault) : answer;
    note(method, path, final.status, inBatch, box.token, method === "PATCH" || method === "POST" ? body : undefined);
    return final;

    function apply(): Answer {
      if (path === "/me/calendarView/delta" && method === "GET") return delta(box, url, headers.get("prefer") ?? "");
      if (path === "/me/events" && method === "POST") {
        const invalid = validateEventBody(body, false);
        if (invalid) return invalid;
        const write = writableOf(body as Record<string, unknown>) as unknown as GraphEventWrite;
        if (write.transactionId) {
          const existing = box.live().find((event) => event.transactionId === write.transactionId);
          if (existing) {
            stats.deduplicatedCreates++;
            return { status: 201, body: present(existing, utc) };
          }
        }
        const created = box.insert(write as unknown as GraphEvent);
        applyOnlineMeeting(box, created, write);
        return { status: 201, body: present(created, utc) };
      }
      if (path === "/me/calendar" && method === "GET")
        return {
          status: 200,
          body: {
            id: "AAMkCalendar",
            name: "Calendar",
            allowedOnlineMeetingProviders: box.allowedOnlineMeetingProviders,
            defaultOnlineMeetingProvider: box.allowedOnlineMeetingProviders[0] ?? "unknown",
          },
        };
      if (!eventMatch) return graphError(400, "BadRequest", `Unsupported ${method} ${path}`);
      const id = decodeURIComponent(eventMatch[1]!);
      const event = box.find(id);
      if (!event) return graphError(404, "ErrorItemNotFound", "The specified object was not found in the store.");
      const ifMatch = headers.get("if-match");
      if (ifMatch && ifMatch !== "*" && ifMatch.replace(/^W\//, "").replace(/"/g, "") !== event.changeKey)
        // https://learn.microsoft.com/graph/api/event-update: Exchange's answer to a stale change key.
        return graphError(
          412,
          "ErrorIrresolvableConflict",
          "The send or update operation could not be performed because the change key passed in the request does not match the current change key for the item.",
        );
      if (method === "GET") {
        const expanded = url.searchParams.get("$expand")?.includes("singleValueExtendedProperties");
        const presented = present(event, utc);
        return {
          status: 200,
          body: expanded
            ? { ...presented, singleValueExtendedProperties: event.singleValueExtendedProperties ?? [] }
            : presented,
        };
      }
      if (event.type === "occurrence" || event.type === "exception") {
        // An instance of a series: deleting it leaves a gap, changing it makes it an exception
        // (its id stays; event resource, "type" and "seriesMasterId").
        const master = box.events.get(event.seriesMasterId!)!;
        const day = id.slice(-10);
        if (method === "DELETE" || (method === "POST" && eventMatch[2])) {
          box.touchOccurrence(master, day, null);
          return { status: method === "DELETE" ? 204 : 202 };
        }
        if (method !== "PATCH") return graphError(405, "MethodNotAllowed", `${method} is not supported here`);
        const invalid = validateEventBody(body, true);
        if (invalid) return invalid;
        const write = writableOf(body as Record<string, unknown>) as Partial<GraphEventWrite>;
        if ("recurrence" in write) return graphError(400, "ErrorInvalidRequest", "an occurrence has no recurrence");
        box.touchOccurrence(master, day, write as Partial<GraphEvent>);
        return { status: 200, body: present(box.find(id)!, utc) };
      }
      if (method === "PATCH") {
        const invalid = validateEventBody(body, true);
        if (invalid) return invalid;
        const write = writableOf(body as Record<string, unknown>) as Partial<GraphEventWrite>;
        Object.assign(event, write);
        if ("isOnlineMeeting" in write || "onlineMeetingProvider" in write) applyOnlineMeeting(box, event, write);
        box.touch(event);
        return { status: 200, body: present(event, utc) };
      }
      if (method === "DELETE" || (method === "POST" && eventMatch[2])) {
        if (eventMatch[2])
          box.cancellations.push({ eventId: id, comment: String((body as { comment?: string })?.comment ?? "") });
        event.deleted = true;
        box.touch(event);
        return { status: method === "DELETE" ? 204 : 202 };
      }
      return graphError(405, "MethodNotAllowed", `${method} is not supported here`);
    }
  }

  async function handle(request: Request): Promise<Response> {
    stats.httpRequests++;
    if (settings.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, settings.latencyMs));
    const url = new URL(request.url);
    const token = /^Bearer\s+(\S+)$/i.exec(request.headers.get("authorization") ?? "")?.[1];
    const reply = (answer: Answer) =>
      new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
        status: answer.status,
        headers: { "content-type": "application/json", ...answer.headers },
      });
    const path = url.pathname.slice(basePath.length).replace(/\/+$/, "");
    if (outage && outage.until !== undefined && clock() >= outage.until) outage = null;
    if (outage) {
      note(request.method, path, outage.kind === "network" ? 0 : (outage.status ?? 503), false, token ?? null);
      if (outage.kind === "network") return Response.error();
      const status = outage.status ?? 503;
      const retryAfter = outage.retryAfterSeconds;
      return reply(
        graphError(
          status,
          status === 503 ? "ServiceUnavailable" : status === 504 ? "GatewayTimeout" : "InternalServerError",
          "Injected outage",
          retryAfter !== undefined ? { "Retry-After": String(retryAfter) } : undefined,
        ),
      );
    }
    if (!token) return reply(graphError(401, "InvalidAuthenticationToken", "Access token is empty."));
    const box = mailbox(token);
    const text = await request.text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      return reply(
        graphError(
          400,
          "BadRequest",
          "Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.",
        ),
      );
    }
    if (path.startsWith("/subscriptions")) {
      const operation = `${request.method} ${path.replace(/^\/subscriptions\/[^/]+/, "/subscriptions/{id}")}`;
      stats.operations[operation] = (stats.operations[operation] ?? 0) + 1;
      const answer = await subscriptions.handle(token, request.method, path, body);
      if (answer) {
        note(request.method, path, answer.status, false, token);
        return reply(answer);
      }
    }
    if (path === "/$batch" && request.method === "POST") {
      const fault = takeFault("POST", path, "any");
      if (fault && !fault.afterApply) {
        note("POST", path, fault.networkError ? 0 : (fault.status ?? 503), false, token);
        if (fault.delayMs) await hold(fault.delayMs);
        return fault.networkError ? Response.error() : reply(faultAnswer(fault));
      }
      const batch = validateBatch(body);
      if ("status" in batch) {
        note("POST", path, batch.status, false, token);
        return reply(batch);
      }
      // In order, so a request runs after those it dependsOn; one that failed fails its dependants
      // with 424 (https://learn.microsoft.com/graph/json-batching#sequencing-requests-with-the-dependson-property).
      const statusById = new Map<string, number>();
      const responses = batch.requests.map((item) => {
        const failedDependency = (item.dependsOn ?? []).some((id) => (statusById.get(id) ?? 424) >= 400);
        const answer = failedDependency
          ? graphError(424, "FailedDependency", "A request this one depends on failed.")
          : dispatch(
              box,
              item.method.toUpperCase(),
              new URL(`${basePath}${item.url}`, base),
              new Headers(item.headers),
              item.body,
              true,
            );
        statusById.set(item.id, answer.status);
        return { id: item.id, status: answer.status, headers: answer.headers ?? {}, body: answer.body };
      });
      note("POST", path, 200, false, token);
      if (fault?.afterApply) {
        // Graph did every request of the batch; the answer arrives late or never.
        if (fault.delayMs) await hold(fault.delayMs);
        return fault.networkError ? Response.error() : reply(faultAnswer(fault));
      }
      return reply({ status: 200, body: { responses } });
    }
    if (takeFault(request.method, path, "network")) return Response.error();
    return reply(dispatch(box, request.method, url, request.headers, body, false));
  }

  return {
    handle,
    stats,
    settings,
    /** Every request answered, in order (outer ones and those inside batches). */
    log,
    /** The mailbox behind a bearer token (created on first use). */
    mailbox,
    /** Every mailbox used so far. */
    mailboxes: () => [...mailboxes.values()],
    inject(fault: FakeFault) {
      faults.push({ ...fault, left: fault.times ?? 1 });
    },
    clearFaults() {
      faults.length = 0;
      outage = null;
      for (const release of [...held]) release();
    },
    /** Graph unreachable, or answering 5xx, from now until `until` (the fake's clock) or endOutage(). */
    outage(next: FakeOutage) {
      outage = { ...next };
    },
    endOutage() {
      outage = null;
    },
    /** Whether an outage is on now. */
    get down() {
      return outage !== null && (outage.until === undefined || clock() < outage.until);
    },
    resetStats() {
      stats.httpRequests = 0;
      stats.operations = {};
      stats.deduplicatedCreates = 0;
      log.length = 0;
    },
    /** What a user does in Outlook itself, outside the CRM. */
    outlook: {
      create(token: string, fields: Omit<GraphEvent, "id" | "changeKey" | "lastModifiedDateTime">, at?: Date) {
        return mailbox(token).insert(fields, at);
      },
      update(token: string, id: string, changes: Partial<GraphEvent>, at?: Date) {
        const event = mailbox(token).events.get(id);
        if (!event || event.deleted) throw new Error(`no event ${id}`);
        Object.assign(event, changes);
        mailbox(token).touch(event, at);
        return event;
      },
      delete(token: string, id: string) {
        const event = mailbox(token).events.get(id);
        if (!event || event.deleted) throw new Error(`no event ${id}`);
        event.deleted = true;
        mailbox(token).touch(event);
      },
      /** Changes one occurrence of a series in Outlook (it becomes an exception), by its instance id. */
      updateOccurrence(token: string, occurrenceId: string, changes: Partial<GraphEvent>) {
        const box = mailbox(token);
        const occurrence = box.find(occurrenceId);
        if (!occurrence?.seriesMasterId) throw new Error(`no occurrence ${occurrenceId}`);
        const master = box.events.get(occurrence.seriesMasterId)!;
        const day = occurrenceId.slice(-10);
        box.touchOccurrence(master, day, changes);
      },
      /** Deletes one occurrence of a series in Outlook. */
      deleteOccurrence(token: string, occurrenceId: string) {
        const box = mailbox(token);
        const occurrence = box.find(occurrenceId);
        if (!occurrence?.seriesMasterId) throw new Error(`no occurrence ${occurrenceId}`);
        const master = box.events.get(occurrence.seriesMasterId)!;
        box.touchOccurrence(master, occurrenceId.slice(-10), null);
      },
      /** Graph forgets its delta sync state: every earlier deltaLink now answers 410. */
      expireDeltaTokens(token: string) {
        mailbox(token).oldestValidSeq = mailbox(token).seq + 1;
      },
    },
    /** The instances of a mailbox's series and single events in [start, end), as calendarView returns them. */
    instances(token: string, start: Date, end: Date): GraphEvent[] {
      return mailbox(token)
        .live()
        .flatMap((event) => instancesIn(event, start, end))
        .map((event) => present(event, true));
    },
    /** Change notifications: the subscriptions made, what was sent, and Graph's lifecycle events. */
    notifications: {
      subscriptions: (token: string) => subscriptions.of(token),
      all: () => [...subscriptions.subscriptions.values()],
      /** A subscription kept from an earlier run (fake-graph.state.ts). */
      restore: (subscription: FakeSubscription) => subscriptions.subscriptions.set(subscription.id, subscription),
      deliveries: subscriptions.deliveries,
      /** Sends a lifecycle notification to the mailbox's subscriptions, as Graph does. */
      lifecycle: (token: string, event: LifecycleEvent) => subscriptions.lifecycle(token, event),
      /** Every notification queued or sent so far answered. */
      settled: () => subscriptions.settled(),
    },
    /** Live events of a mailbox as Graph would return them (series masters unexpanded). */
    events(token: string): GraphEvent[] {
      return mailbox(token)
        .live()
        .map((event) => ({
          ...present(event, true),
          singleValueExtendedProperties: event.singleValueExtendedProperties,
        }));
    },
  };
}

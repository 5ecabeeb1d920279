import { randomUUID } from "node:crypto";

// Graph's change notifications, as the fake plays them, from Microsoft's documents:
// - POST /subscriptions (https://learn.microsoft.com/en-us/graph/api/subscription-post-subscriptions):
//   changeType of created, updated, deleted; a resource; an https notificationUrl; an
//   expirationDateTime no further than the resource's maximum (Outlook events: 10,080 minutes,
//   https://learn.microsoft.com/en-us/graph/api/resources/subscription#subscription-lifetime);
//   clientState at most 128 characters. Before creating it, Graph POSTs each URL with
//   ?validationToken=… (Content-Type text/plain) and wants 200, text/plain, the token decoded,
//   within 10 seconds, or the create fails with 400
//   (https://learn.microsoft.com/en-us/graph/change-notifications-delivery-webhooks#notificationurl-validation).
// - PATCH /subscriptions/{id} renews (and reauthorises); POST /subscriptions/{id}/reauthorize;
//   DELETE /subscriptions/{id}; an expired subscription is gone (404).
// - A change of an event POSTs a changeNotificationCollection to the notificationUrl, with the
//   clientState; lifecycle notifications (reauthorizationRequired, subscriptionRemoved, missed) go to
//   the lifecycleNotificationUrl (https://learn.microsoft.com/en-us/graph/change-notifications-lifecycle-events).
// One deviation, for tests on one machine: an http notificationUrl on a loopback address is taken
// (Graph takes https only; a local service has no certificate Graph would trust).

const MAX_MINUTES = 10_080;
const VALIDATION_TIMEOUT_MS = 10_000;
/** Graph expects an answer to a notification within 3 seconds. */
const DELIVERY_TIMEOUT_MS = 3_000;
const CHANGE_TYPES = new Set(["created", "updated", "deleted"]);
const EVENTS_RESOURCE = /^\/?(me|users\/[^/]+)\/(calendar\/)?events$/i;

export type LifecycleEvent = "reauthorizationRequired" | "subscriptionRemoved" | "missed";

export interface FakeSubscription {
  id: string;
  /** Whose mailbox (the bearer token that made it). */
  token: string;
  resource: string;
  changeType: string;
  notificationUrl: string;
  lifecycleNotificationUrl: string | null;
  clientState: string | null;
  expirationDateTime: string;
  /** After reauthorizationRequired: no notifications until it is renewed or reauthorised. */
  needsReauthorization: boolean;
}

/** One POST the fake made to a subscriber, for tests to inspect. */
export interface FakeDelivery {
  at: number;
  kind: "validation" | "change" | "lifecycle";
  url: string;
  subscriptionId: string | null;
  /** 0: no answer in time (or no connection). */
  status: number;
  items: number;
}

interface Answer {
  status: number;
  body?: unknown;
}

const error = (status: number, code: string, message: string): Answer => ({
  status,
  body: { error: { code, message } },
});

export function createFakeSubscriptions(options: {
  clock: () => number;
  settings: { notificationDelayMs: number };
  fetch?: typeof fetch;
}) {
  const subscriptions = new Map<string, FakeSubscription>();
  const deliveries: FakeDelivery[] = [];
  const inFlight = new Set<Promise<unknown>>();
  const queued = new Map<string, { subscription: FakeSubscription; items: unknown[] }>();
  const send = (...args: Parameters<typeof fetch>) => (options.fetch ?? fetch)(...args);

  const live = (subscription: FakeSubscription | undefined, token: string) =>
    subscription && subscription.token === token && Date.parse(subscription.expirationDateTime) > options.clock()
      ? subscription
      : undefined;

  function checkUrl(value: unknown, name: string): Answer | null {
    let url: URL;
    try {
      url = new URL(String(value));
    } catch {
      return error(400, "InvalidRequest", `${name} must be an absolute URL`);
    }
    const loopback = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/.test(url.hostname);
    if (url.protocol !== "https:" && !(url.protocol === "http:" && loopback))
      return error(400, "InvalidRequest", `${name} must be https`);
    return null;
  }

  function checkExpiration(value: unknown): Answer | null {
    const at = Date.parse(String(value));
    if (typeof value !== "string" || Number.isNaN(at))
      return error(400, "InvalidRequest", "expirationDateTime must be a date and time");
    if (at <= options.clock()) return error(400, "InvalidRequest", "Subscription expiration must be in the future.");
    if (at > options.clock() + MAX_MINUTES * 60_000)
      return error(400, "InvalidRequest", `Subscription expiration can only be ${MAX_MINUTES} minutes in the future.`);
    return null;
  }

  /** Graph's validation request: the token has spaces and colons, so the subscriber must decode it. */
  async function validate(url: string): Promise<boolean> {
    const token = `Validation: Testing client application reachability for subscription Request-Id: ${randomUUID()}`;
    const target = `${url}${url.includes("?") ? "&" : "?"}validationToken=${encodeURIComponent(token)}`;
    let status = 0;
    let ok = false;
    try {
      const response = await send(target, {
        method: "POST",
        headers: { "content-type": "text/plain; charset=utf-8" },
        signal: AbortSignal.timeout(VALIDATION_TIMEOUT_MS),
      });
      status = response.status;
      const type = response.headers.get("content-type") ?? "";
      ok = status === 200 && /^text\/plain/i.test(type) && (await response.text()) === token;
    } catch {
      ok = false;
    }
    deliveries.push({ at: options.clock(), kind: "validation", url, subscriptionId: null, status, items: 0 });
    return ok;
  }

  async function create(token: string, body: Record<string, unknown>): Promise<Answer> {
    const changeTypes = String(body.changeType ?? "").split(",");
    if (changeTypes.length === 0 || changeTypes.some((type) => !CHANGE_TYPES.has(type)))
      return error(400, "InvalidRequest", "changeType must be created, updated or deleted, comma-separated");
    if (typeof body.resource !== "string" || !EVENTS_RESOURCE.test(body.resource))
      return error(400, "InvalidRequest", `This fake subscribes to events only, not ${String(body.resource)}`);
    const invalid =
      checkUrl(body.notificationUrl, "notificationUrl") ??
      (body.lifecycleNotificationUrl !== undefined
        ? checkUrl(body.lifecycleNotificationUrl, "lifecycleNotificationUrl")
        : null) ??
      checkExpiration(body.expirationDateTime);
    if (invalid) return invalid;
    if (body.clientState !== undefined && (typeof body.clientState !== "string" || body.clientState.length > 128))
      return error(400, "InvalidRequest", "clientState must be a string of at most 128 characters");
    const urls = [String(body.notificationUrl)];
    if (body.lifecycleNotificationUrl && body.lifecycleNotificationUrl !== body.notificationUrl)
      urls.push(String(body.lifecycleNotificationUrl));
    for (const url of urls)
      if (!(await validate(url)))
        return error(
          400,
          "ValidationError",
          "Subscription validation request failed. Notification endpoint must respond with 200 OK to validation request.",
        );
    const subscription: FakeSubscription = {
      id: randomUUID(),
      token,
      resource: body.resource,
      changeType: changeTypes.join(","),
      notificationUrl: String(body.notificationUrl),
      lifecycleNotificationUrl: body.lifecycleNotificationUrl ? String(body.lifecycleNotificationUrl) : null,
      clientState: (body.clientState as string | undefined) ?? null,
      expirationDateTime: new Date(Date.parse(String(body.expirationDateTime))).toISOString(),
      needsReauthorization: false,
    };
    subscriptions.set(subscription.id, subscription);
    return { status: 201, body: present(subscription) };
  }

  const present = (subscription: FakeSubscription) => ({
    "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#subscriptions/$entity",
    id: subscription.id,
    resource: subscription.resource,
    changeType: subscription.changeType,
    clientState: subscription.clientState,
    notificationUrl: subscription.notificationUrl,
    lifecycleNotificationUrl: subscription.lifecycleNotificationUrl,
    expirationDateTime: subscription.expirationDateTime,
    applicationId: "00000000-0000-0000-0000-00000000c4e1",
    latestSupportedTlsVersion: "v1_2",
  });

  function post(url: string, kind: "change" | "lifecycle", subscriptionId: string, items: unknown[]) {
    const delivery: FakeDelivery = { at: options.clock(), kind, url, subscriptionId, status: 0, items: items.length };
    deliveries.push(delivery);
    const sent = send(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ value: items }),
      signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
    })
      .then(async (response) => {
        delivery.status = response.status;
        await response.arrayBuffer().catch(() => undefined);
      })
      .catch(() => undefined);
    inFlight.add(sent);
    void sent.finally(() => inFlight.delete(sent));
  }

  function flush(id: string) {
    const batch = queued.get(id);
    queued.delete(id);
    if (batch) post(batch.subscription.notificationUrl, "change", id, batch.items);
  }

  return {
    subscriptions,
    /** Every validation request and notification sent, in order. */
    deliveries,

    /** /subscriptions requests of one mailbox; null when the path is not theirs. */
    async handle(token: string, method: string, path: string, body: unknown): Promise<Answer | null> {
      const match = /^\/subscriptions(?:\/([^/]+))?(\/reauthorize)?$/.exec(path);
      if (!match) return null;
      const fields = (body ?? {}) as Record<string, unknown>;
      if (!match[1]) {
        if (method === "POST") return create(token, fields);
        if (method === "GET")
          return {
            status: 200,
            body: { value: [...subscriptions.values()].filter((s) => live(s, token)).map(present) },
          };
        return error(405, "MethodNotAllowed", `${method} is not supported here`);
      }
      const subscription = live(subscriptions.get(decodeURIComponent(match[1])), token);
      if (!subscription) return error(404, "ResourceNotFound", "The object was not found.");
      if (match[2]) {
        if (method !== "POST") return error(405, "MethodNotAllowed", `${method} is not supported here`);
        subscription.needsReauthorization = false;
        return { status: 200 };
      }
      if (method === "GET") return { status: 200, body: present(subscription) };
      if (method === "DELETE") {
        subscriptions.delete(subscription.id);
        return { status: 204 };
      }
      if (method !== "PATCH") return error(405, "MethodNotAllowed", `${method} is not supported here`);
      if (fields.expirationDateTime !== undefined) {
        const invalid = checkExpiration(fields.expirationDateTime);
        if (invalid) return invalid;
      }
      if (fields.notificationUrl !== undefined) {
        const invalid = checkUrl(fields.notificationUrl, "notificationUrl");
        if (invalid) return invalid;
        if (!(await validate(String(fields.notificationUrl))))
          return error(400, "ValidationError", "Subscription validation request failed.");
        subscription.notificationUrl = String(fields.notificationUrl);
      }
      if (fields.expirationDateTime !== undefined)
        subscription.expirationDateTime = new Date(Date.parse(String(fields.expirationDateTime))).toISOString();
      // Renewing reauthorises too.
      subscription.needsReauthorization = false;
      return { status: 200, body: present(subscription) };
    },

    /** An event of the mailbox changed: its subscriptions are notified (after notificationDelayMs, together). */
    changed(token: string, eventId: string, changeType: "created" | "updated" | "deleted") {
      for (const subscription of subscriptions.values()) {
        if (!live(subscription, token) || subscription.needsReauthorization) continue;
        if (!subscription.changeType.split(",").includes(changeType)) continue;
        const item = {
          subscriptionId: subscription.id,
          subscriptionExpirationDateTime: subscription.expirationDateTime,
          changeType,
          resource: `Users/fake-user/Events/${eventId}`,
          resourceData: {
            "@odata.type": "#Microsoft.Graph.Event",
            "@odata.id": `Users/fake-user/Events/${eventId}`,
            id: eventId,
          },
          clientState: subscription.clientState,
          tenantId: "00000000-0000-0000-0000-0000000fa4e0",
        };
        const batch = queued.get(subscription.id);
        if (batch) batch.items.push(item);
        else {
          queued.set(subscription.id, { subscription, items: [item] });
          setTimeout(() => flush(subscription.id), options.settings.notificationDelayMs);
        }
      }
    },

    /** Graph's lifecycle notification to a mailbox's subscriptions; subscriptionRemoved also removes them. */
    lifecycle(token: string, event: LifecycleEvent) {
      for (const subscription of [...subscriptions.values()]) {
        if (!live(subscription, token)) continue;
        if (event === "reauthorizationRequired") subscription.needsReauthorization = true;
        if (event === "subscriptionRemoved") subscriptions.delete(subscription.id);
        post(subscription.lifecycleNotificationUrl ?? subscription.notificationUrl, "lifecycle", subscription.id, [
          {
            subscriptionId: subscription.id,
            subscriptionExpirationDateTime: subscription.expirationDateTime,
            tenantId: "00000000-0000-0000-0000-0000000fa4e0",
            clientState: subscription.clientState,
            lifecycleEvent: event,
          },
        ]);
      }
    },

    /** Live subscriptions of a mailbox. */
    of(token: string): FakeSubscription[] {
      return [...subscriptions.values()].filter((subscription) => live(subscription, token));
    },

    /** Waits until every notification queued or sent so far has been answered (or timed out). */
    async settled(): Promise<void> {
      while (queued.size > 0 || inFlight.size > 0) {
        await new Promise((resolve) => setTimeout(resolve, Math.max(5, options.settings.notificationDelayMs)));
        await Promise.all([...inFlight]);
      }
    },
  };
}

export type FakeSubscriptions = ReturnType<typeof createFakeSubscriptions>;

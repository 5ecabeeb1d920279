import { ResponseType } from "@microsoft/microsoft-graph-client";
import type { GraphTokenProvider, Mailbox } from "./calendar-gateway";
import { type GraphClientOptions, createGraphClient } from "./graph-client";
import { GraphCallError, classifyGraphError } from "./graph-errors";

// Graph change notifications on a user's events, through webhooks.
// - Create: POST /subscriptions (https://learn.microsoft.com/en-us/graph/api/subscription-post-subscriptions).
//   Graph first sends the notificationUrl (and the lifecycleNotificationUrl) a validation request and
//   creates the subscription only if it is echoed in time
//   (https://learn.microsoft.com/en-us/graph/change-notifications-delivery-webhooks).
// - Renew: PATCH /subscriptions/{id} with a later expirationDateTime; renewing also reauthorises
//   (https://learn.microsoft.com/en-us/graph/api/subscription-update and
//   https://learn.microsoft.com/en-us/graph/change-notifications-lifecycle-events).
// - Delete: DELETE /subscriptions/{id}.

/** Graph's maximum lifetime of a subscription on Outlook events: 10,080 minutes, under 7 days
 * ("Subscription lifetime" in https://learn.microsoft.com/en-us/graph/api/resources/subscription). */
export const MAX_EVENT_SUBSCRIPTION_MINUTES = 10_080;

/** What the CRM subscribes to: every change of the user's events. */
export const EVENT_CHANGE_TYPES = "created,updated,deleted";
export const EVENTS_RESOURCE = "me/events";

export interface GraphSubscription {
  id: string;
  expirationDateTime: string;
}

export interface SubscriptionGateway {
  create(
    mailbox: Mailbox,
    request: { notificationUrl: string; lifecycleNotificationUrl: string; clientState: string; expiresAt: Date },
  ): Promise<GraphSubscription>;
  renew(mailbox: Mailbox, subscriptionId: string, expiresAt: Date): Promise<GraphSubscription>;
  delete(mailbox: Mailbox, subscriptionId: string): Promise<void>;
}

export function createGraphSubscriptionGateway(
  tokens: GraphTokenProvider,
  options: GraphClientOptions,
): SubscriptionGateway {
  async function send(mailbox: Mailbox, method: "post" | "patch" | "delete", path: string, body?: unknown) {
    const client = createGraphClient(await tokens.tokenFor(mailbox), options)
      .api(path)
      .responseType(ResponseType.RAW);
    let response: Response;
    try {
      response = (await (method === "delete" ? client.delete() : client[method](body))) as Response;
    } catch (error) {
      throw new GraphCallError(
        classifyGraphError(0, {
          error: { code: "NetworkError", message: `Graph could not be reached: ${(error as Error).message}` },
        }),
      );
    }
    const text = await response.text().catch(() => "");
    const parsed = text ? (JSON.parse(text) as unknown) : undefined;
    if (!response.ok)
      throw new GraphCallError(classifyGraphError(response.status, parsed, response.headers.get("retry-after")));
    return parsed as GraphSubscription;
  }

  return {
    create: (mailbox, request) =>
      send(mailbox, "post", "/subscriptions", {
        changeType: EVENT_CHANGE_TYPES,
        notificationUrl: request.notificationUrl,
        lifecycleNotificationUrl: request.lifecycleNotificationUrl,
        resource: EVENTS_RESOURCE,
        expirationDateTime: request.expiresAt.toISOString(),
        clientState: request.clientState,
      }),
    renew: (mailbox, subscriptionId, expiresAt) =>
      send(mailbox, "patch", `/subscriptions/${encodeURIComponent(subscriptionId)}`, {
        expirationDateTime: expiresAt.toISOString(),
      }),
    delete: async (mailbox, subscriptionId) => {
      await send(mailbox, "delete", `/subscriptions/${encodeURIComponent(subscriptionId)}`);
    },
  };
}

import { z } from "zod";

// What Graph POSTs to the notification URL: a changeNotificationCollection
// (https://learn.microsoft.com/en-us/graph/api/resources/changenotificationcollection) of
// changeNotification items (https://learn.microsoft.com/en-us/graph/api/resources/changenotification).
// Lifecycle notifications come in the same shape with `lifecycleEvent` set
// (https://learn.microsoft.com/en-us/graph/change-notifications-lifecycle-events). Only
// subscriptionId and clientState are used; the rest is bounded and otherwise ignored.

/** Graph sends few items per POST; far more than it ever batches is refused. */
export const MAX_NOTIFICATIONS_PER_POST = 1_000;

export const GraphNotification = z
  .object({
    subscriptionId: z.string().min(1).max(200),
    clientState: z.string().max(256).optional(),
    changeType: z.string().max(100).optional(),
    lifecycleEvent: z.string().max(100).optional(),
    resource: z.string().max(2_000).optional(),
    subscriptionExpirationDateTime: z.string().max(100).optional(),
    tenantId: z.string().max(100).optional(),
  })
  .passthrough();
export type GraphNotification = z.infer<typeof GraphNotification>;

export const GraphNotificationCollection = z
  .object({
    value: z.array(GraphNotification).min(1).max(MAX_NOTIFICATIONS_PER_POST),
    validationTokens: z.array(z.string().max(10_000)).max(100).optional(),
  })
  .passthrough();

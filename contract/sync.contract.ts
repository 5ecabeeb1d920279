import { z } from "zod";
import { IsoDateTime } from "./common.contract";

export const SyncState = z.enum(["NOT_SYNCED", "PENDING", "SYNCED", "FAILED"]);

/**
 * Why an activity waits for Outlook. None of these ever turns it FAILED: the worker retries with
 * exponential backoff (at most SYNC_RETRY_CAP_MS apart), and "Sync with Outlook" retries at once.
 */
export const SyncWaitReason = z.enum([
  "UNREACHABLE", // no answer from Graph: network error or timeout
  "THROTTLED", // 429 (or 503 with Retry-After): Graph asked us to slow down
  "OUTLOOK_ERROR", // 5xx or 408 from Graph
  "SIGN_IN", // 401/403: the user must open the pane (sign in) again
]);
export type SyncWaitReason = z.infer<typeof SyncWaitReason>;

/** An activity's Outlook state, as every activity carries it. */
export const ActivitySync = z.object({
  state: SyncState,
  eventId: z.string().nullable(),
  /** FAILED: Graph's reason for refusing the change. PENDING and waiting: what the last attempt got. */
  error: z.string().nullable(),
  lastSyncedAt: IsoDateTime.nullable(),
  /** Set while PENDING after failed attempts ("Outlook unreachable since 10:42, retrying"). */
  waiting: z
    .object({
      reason: SyncWaitReason,
      /** The first failure of this run of failures. */
      since: IsoDateTime,
      /** The next attempt; null when one is due now (the activity changed, or "Sync with Outlook"). */
      retryAt: IsoDateTime.nullable(),
    })
    .nullable(),
});
export type ActivitySync = z.infer<typeof ActivitySync>;

/** What "sync now" did for the caller: pushed CRM changes to Outlook, then pulled Outlook's back. */
export const SyncRunResult = z.object({
  /** False when the service has no Graph access configured; nothing ran. */
  enabled: z.boolean(),
  push: z.object({
    pushed: z.number().int(),
    failed: z.number().int(),
    retrying: z.number().int(),
    conflicts: z.number().int(),
  }),
  pull: z.object({
    pages: z.number().int(),
    fullResync: z.boolean(),
    updated: z.number().int(),
    cancelled: z.number().int(),
    imported: z.number().int(),
  }),
  /** The caller's activities still waiting for Outlook (unreachable, throttled, or sign-in needed). */
  pending: z.number().int(),
  /** Set when the pull could not run (e.g. Outlook sign-in needed); the push may still have run. */
  error: z.string().nullable(),
  finishedAt: IsoDateTime,
});
export type SyncRunResult = z.infer<typeof SyncRunResult>;

/**
 * The user's Graph subscription (change notifications on their events). OFF: the service has no
 * SYNC_NOTIFICATION_URL, calendars are polled; NONE: not made yet; REAUTHORIZE / REMOVED: Graph's
 * lifecycle notifications, being renewed or made again; FAILED: retried with backoff, polled meanwhile.
 */
export const SubscriptionState = z.enum(["OFF", "NONE", "ACTIVE", "REAUTHORIZE", "REMOVED", "FAILED"]);
export type SubscriptionState = z.infer<typeof SubscriptionState>;

/** One user's calendar sync, as an admin or the user sees it. */
export const SyncHealthEntry = z.object({
  user: z.object({ id: z.uuid(), email: z.string(), name: z.string() }),
  /** The last time Outlook took a change of this user's activities. */
  lastPushAt: IsoDateTime.nullable(),
  /** The last time the user's Outlook calendar was read in full (delta). */
  lastPullAt: IsoDateTime.nullable(),
  /** Activities not in Outlook yet (due now, or waiting: see waiting). */
  pending: z.number().int(),
  /** Activities Outlook refused (FAILED), until edited or sent again. */
  failed: z.number().int(),
  /** What waits and why: activities per reason, since the first failure, next try. */
  waiting: z.array(
    z.object({
      reason: SyncWaitReason,
      activities: z.number().int(),
      since: IsoDateTime,
      retryAt: IsoDateTime.nullable(),
    }),
  ),
  lastError: z
    .object({
      source: z.enum(["PUSH", "PULL", "SUBSCRIPTION"]),
      message: z.string(),
      at: IsoDateTime.nullable(),
    })
    .nullable(),
  subscription: z.object({
    state: SubscriptionState,
    expiresAt: IsoDateTime.nullable(),
    lastNotificationAt: IsoDateTime.nullable(),
  }),
});
export type SyncHealthEntry = z.infer<typeof SyncHealthEntry>;

/** GET /api/sync/health (admins): every user whose calendar syncs. */
export const SyncHealthList = z.object({
  /** False when the service has no Graph access configured. */
  enabled: z.boolean(),
  /** True when Graph notifies the service of changes (SYNC_NOTIFICATION_URL); false: polling only. */
  notifications: z.boolean(),
  users: z.array(SyncHealthEntry),
});
export type SyncHealthList = z.infer<typeof SyncHealthList>;

/** GET /api/sync/health/me: the caller's own, for the pane's "Outlook sync" panel. */
export const MySyncHealth = z.object({
  enabled: z.boolean(),
  notifications: z.boolean(),
  health: SyncHealthEntry,
});
export type MySyncHealth = z.infer<typeof MySyncHealth>;

import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { Logger } from "../../shared/logger";
import { GraphCallError } from "../graph/graph-errors";
import type { SubscriptionGateway } from "../graph/subscription-gateway";
import type { GraphNotification } from "./graph-notification.schema";
import type { MailboxRepository, MailboxRow, SyncingUser } from "./mailbox.repository";

export interface SubscriptionOptions {
  /** The public https address of POST /api/graph/notifications; used for lifecycle notifications too. */
  notificationUrl: string;
  /** Asked of Graph on every create and renewal; at most Graph's maximum for events. */
  lifetimeMinutes: number;
  retryBaseMs: number;
  retryCapMs: number;
  workerId: string;
  now: () => Date;
  logger: Logger;
}

/** What a notification POST asked for, once its clientStates were checked. */
export interface Received {
  accepted: number;
  rejected: number;
  /** Users whose calendar is to be pulled (a change, a missed notification, a removed subscription). */
  pulls: string[];
  /** Users whose subscription is to be renewed or made again (lifecycle notifications). */
  maintain: string[];
}

// Creating a subscription waits for Graph's validation request to our endpoint (up to 10 s), so the
// lease of a user's subscription row outlasts it comfortably.
const SUBSCRIPTION_LEASE_MS = 60_000;

const sha256 = (value: string) => createHash("sha256").update(value, "utf8").digest();

/** clientState against the stored hash, in constant time (both sides are 32-byte digests). */
export function clientStateMatches(given: string | undefined, storedHash: string | null): boolean {
  if (!given || !storedHash) return false;
  const stored = Buffer.from(storedHash, "hex");
  const digest = sha256(given);
  return stored.length === digest.length && timingSafeEqual(stored, digest);
}

/**
 * One Graph subscription per user on their events, kept alive: created when the user syncs, renewed
 * before it expires, renewed on `reauthorizationRequired`, made again after `subscriptionRemoved`
 * (https://learn.microsoft.com/en-us/graph/change-notifications-lifecycle-events). Each subscription
 * has its own clientState secret (32 random bytes), stored only as its sha256.
 */
export function createSubscriptions(
  repository: MailboxRepository,
  gateway: SubscriptionGateway,
  options: SubscriptionOptions,
) {
  const lifetimeMs = options.lifetimeMinutes * 60_000;
  const failures = new Map<string, number>();
  const backoffMs = (count: number) => {
    const ceiling = Math.min(options.retryCapMs, options.retryBaseMs * 2 ** Math.min(count, 30));
    return ceiling / 2 + Math.random() * (ceiling / 2);
  };

  /** Whether the user's subscription needs work now: none, flagged by Graph, failing and due, or expiring. */
  function due(row: MailboxRow | undefined, now: Date): boolean {
    if (!row) return true;
    switch (row.subscriptionState) {
      case "NONE":
      case "REAUTHORIZE":
      case "REMOVED":
        return true;
      case "FAILED":
        return !row.retryAt || row.retryAt <= now;
      case "ACTIVE":
        // Renewed once less than a quarter of its lifetime is left: days before Graph would drop it.
        return !row.expiresAt || row.expiresAt.getTime() - now.getTime() < lifetimeMs / 4;
    }
  }

  async function create(user: SyncingUser, expiresAt: Date) {
    const clientState = randomBytes(32).toString("base64url");
    const created = await gateway.create(user, {
      notificationUrl: options.notificationUrl,
      lifecycleNotificationUrl: options.notificationUrl,
      clientState,
      expiresAt,
    });
    return { created, clientStateHash: sha256(clientState).toString("hex") };
  }

  /** Creates or renews one user's subscription, if this replica gets the row's lease. */
  async function maintainOne(user: SyncingUser, row: MailboxRow | undefined): Promise<void> {
    const now = options.now();
    if (!(await repository.claimSubscription(user.userId, options.workerId, now, SUBSCRIPTION_LEASE_MS))) return;
    const expiresAt = new Date(now.getTime() + lifetimeMs);
    try {
      if (row?.subscriptionId && row.subscriptionState !== "REMOVED") {
        try {
          const renewed = await gateway.renew(user, row.subscriptionId, expiresAt);
          await repository.settleSubscription(user.userId, options.workerId, {
            kind: "active",
            subscriptionId: renewed.id ?? row.subscriptionId,
            expiresAt: new Date(renewed.expirationDateTime ?? expiresAt),
          });
          failures.delete(user.userId);
          return;
        } catch (error) {
          // Expired or deleted on Graph's side: made again below.
          if (!(error instanceof GraphCallError && error.failure.kind === "gone")) throw error;
        }
      }
      const { created, clientStateHash } = await create(user, expiresAt);
      await repository.settleSubscription(user.userId, options.workerId, {
        kind: "active",
        subscriptionId: created.id,
        clientStateHash,
        expiresAt: new Date(created.expirationDateTime ?? expiresAt),
      });
      failures.delete(user.userId);
      // Changes made before the subscription existed (or while it was gone) send no notification,
      // and one may have come before its id was stored: one pull covers them.
      await repository.requestPull([user.userId], options.now());
    } catch (error) {
      if (!(error instanceof GraphCallError)) {
        await repository.settleSubscription(user.userId, options.workerId, {
          kind: "failed",
          error: (error as Error).message,
          retryAt: new Date(now.getTime() + backoffMs(1)),
        });
        throw error;
      }
      const count = (failures.get(user.userId) ?? 0) + 1;
      failures.set(user.userId, count);
      options.logger.warn({ userId: user.userId, err: error }, "Graph subscription could not be created or renewed");
      await repository.settleSubscription(user.userId, options.workerId, {
        kind: "failed",
        error: `Outlook change notifications: ${error.failure.message}`,
        retryAt: new Date(options.now().getTime() + backoffMs(count)),
      });
    }
  }

  return {
    /** Every syncing user (or the ones given) with a subscription that needs work gets it. */
    async maintain(only?: string[]): Promise<void> {
      const now = options.now();
      const rows = new Map((await repository.all()).map((row) => [row.userId, row]));
      const users = await repository.syncingUsers();
      for (const user of users) {
        if (only && !only.includes(user.userId)) continue;
        const row = rows.get(user.userId);
        if (due(row, now)) await maintainOne(user, row);
      }
    },

    /**
     * A notification POST: each item counts only with the clientState of a subscription we hold;
     * what it says changed is never read (the pull asks Graph itself).
     */
    async receive(items: GraphNotification[]): Promise<Received> {
      const ids = [...new Set(items.map((item) => item.subscriptionId))];
      const rows = new Map((await repository.bySubscriptionIds(ids)).map((row) => [row.subscriptionId!, row]));
      const pulls = new Set<string>();
      const maintain = new Set<string>();
      let accepted = 0;
      for (const item of items) {
        const row = rows.get(item.subscriptionId);
        if (!row || !clientStateMatches(item.clientState, row.clientStateHash)) continue;
        accepted++;
        switch (item.lifecycleEvent) {
          case "reauthorizationRequired":
            await repository.markSubscription(row.userId, item.subscriptionId, "REAUTHORIZE");
            maintain.add(row.userId);
            break;
          case "subscriptionRemoved":
            await repository.markSubscription(row.userId, item.subscriptionId, "REMOVED");
            maintain.add(row.userId);
            pulls.add(row.userId);
            break;
          default:
            // A change, or "missed" (Graph could not deliver some): the delta pull catches up either way.
            pulls.add(row.userId);
        }
      }
      await repository.requestPull([...pulls], options.now());
      return { accepted, rejected: items.length - accepted, pulls: [...pulls], maintain: [...maintain] };
    },
  };
}

export type Subscriptions = ReturnType<typeof createSubscriptions>;

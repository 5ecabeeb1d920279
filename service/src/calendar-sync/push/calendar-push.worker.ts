import type { CalendarGateway, CalendarRequest, CalendarResult, Mailbox } from "../graph/calendar-gateway";
import { MAX_BATCH } from "../graph/calendar-gateway";
import { GraphCallError, type GraphFailure } from "../graph/graph-errors";
import { toGraphEvent, toGraphEventCreate } from "../graph/graph-event.mapper";
import type { LeasedActivity, OutboxRepository, PushOutcome } from "../outbox/outbox.repository";

export interface PushReport {
  pushed: number;
  failed: number;
  retrying: number;
  /** Changed in Outlook since our last look (412): the pull decides who wins, then we push again. */
  conflicts: number;
}

export interface PushWorkerOptions {
  workerId: string;
  /** How long a claimed entry stays ours; after a crash, another worker takes it over after this. */
  leaseMs: number;
  /** Entries claimed per round. */
  claimLimit: number;
  /** $batch requests in flight per mailbox (Outlook allows 4 concurrent requests per mailbox). */
  concurrency: number;
  /** Retry-After waits longer than this end the run for those entries; a later run retries them. */
  maxWaitMs: number;
  /** Rounds of in-run retries for throttled or failed requests. */
  maxRounds: number;
  /** Failed attempts across runs before an entry is given up with a visible error. */
  maxAttempts: number;
  now: () => Date;
  sleep: (ms: number) => Promise<void>;
}

export const DEFAULT_PUSH_OPTIONS: Omit<PushWorkerOptions, "workerId"> = {
  leaseMs: 120_000,
  claimLimit: 200,
  concurrency: 4,
  maxWaitMs: 30_000,
  maxRounds: 6,
  maxAttempts: 12,
  now: () => new Date(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** What Outlook needs for the activity as it is now (not as it was when the entry was written). */
function requestFor(activity: LeasedActivity): CalendarRequest | null {
  const key = activity.id;
  if (!activity.graphEventId)
    return activity.status === "PLANNED" ? { key, kind: "create", event: toGraphEventCreate(activity) } : null;
  if (activity.status === "CANCELLED")
    // With an attendee the cancel tells them; without one a plain delete is the same thing.
    return activity.attendee
      ? { key, kind: "cancel", eventId: activity.graphEventId, comment: "Cancelled in the CRM" }
      : { key, kind: "delete", eventId: activity.graphEventId };
  return {
    key,
    kind: "update",
    eventId: activity.graphEventId,
    changeKey: activity.graphChangeKey,
    event: toGraphEvent(activity),
  };
}

function chunks<T>(items: T[], size: number): T[][] {
  const result: T[][] = [];
  for (let index = 0; index < items.length; index += size) result.push(items.slice(index, index + size));
  return result;
}

/** Pushes outbox entries to Outlook: create (transactionId), PATCH (If-Match), cancel/delete, in $batch of 20. */
export function createPushWorker(outbox: OutboxRepository, gateway: CalendarGateway, options: PushWorkerOptions) {
  const backoffMs = (attempts: number) => Math.min(3_600_000, 5_000 * 2 ** attempts);

  async function pushMailbox(mailbox: Mailbox, activities: LeasedActivity[], report: PushReport) {
    const byId = new Map(activities.map((activity) => [activity.id, activity]));
    const record = (activity: LeasedActivity, outcome: PushOutcome) => outbox.record(activity, outcome, options.now());
    let queue: CalendarRequest[] = [];
    for (const activity of activities) {
      const request = requestFor(activity);
      if (request) queue.push(request);
      else await record(activity, { kind: "nothing-to-do" });
    }

    const retryLater = async (request: CalendarRequest, failure: GraphFailure) => {
      const activity = byId.get(request.key)!;
      if (failure.kind === "retry" && activity.attempts + 1 >= options.maxAttempts) {
        report.failed++;
        return record(activity, {
          kind: "failed",
          message: `Outlook did not accept this change after ${options.maxAttempts} attempts: ${failure.message}`,
        });
      }
      report.retrying++;
      const waitMs = failure.retryAfterMs ?? backoffMs(activity.attempts);
      const showOnActivity = failure.kind === "auth" ? `Waiting for Outlook sign-in: ${failure.message}` : undefined;
      return record(activity, {
        kind: "retry",
        availableAt: new Date(options.now().getTime() + Math.max(waitMs, 1_000)),
        message: failure.message,
        showOnActivity,
      });
    };

    type Synced = Parameters<OutboxRepository["recordSynced"]>[0][number];
    async function settle(
      request: CalendarRequest,
      result: CalendarResult,
      synced: Synced[],
    ): Promise<GraphFailure | null> {
      const activity = byId.get(request.key)!;
      if (result.ok) {
        if (request.kind === "delete" || request.kind === "cancel") await record(activity, { kind: "removed" });
        else {
          const event = result.event;
          const eventId = event?.id ?? (request.kind === "update" ? request.eventId : null);
          if (!eventId) return { kind: "retry", status: 0, code: "NoEventId", message: "Graph returned no event id" };
          synced.push({ activity, eventId, changeKey: event?.changeKey ?? null });
        }
        report.pushed++;
        return null;
      }
      const failure = result.failure;
      switch (failure.kind) {
        case "gone":
          report.pushed++;
          // Our event no longer exists: deleting it is done; changing it means it was deleted in Outlook.
          await record(
            activity,
            request.kind === "delete" || request.kind === "cancel"
              ? { kind: "removed" }
              : { kind: "deleted-in-outlook" },
          );
          return null;
        case "conflict":
          report.conflicts++;
          await record(activity, { kind: "retry", availableAt: options.now(), message: failure.message });
          return null;
        case "rejected":
        case "delta-expired":
          report.failed++;
          await record(activity, {
            kind: "failed",
            message: `Outlook refused this change (${failure.code}): ${failure.message}`,
          });
          return null;
        default:
          return failure; // retry or auth: decided by the caller
      }
    }

    for (let round = 0; queue.length > 0; round++) {
      const again: { request: CalendarRequest; failure: GraphFailure }[] = [];
      let authFailure: GraphFailure | null = null;
      const batches = chunks(queue, MAX_BATCH);
      // A few batches in flight at once; each batch's results are recorded as soon as it returns.
      let next = 0;
      const lanes = Array.from({ length: Math.min(options.concurrency, batches.length) }, async () => {
        while (next < batches.length && !authFailure) {
          const batch = batches[next++]!;
          let results: CalendarResult[];
          try {
            results = await gateway.batch(mailbox, batch);
          } catch (error) {
            if (!(error instanceof GraphCallError)) throw error;
            results = batch.map((request) => ({ key: request.key, ok: false, failure: error.failure }));
          }
          const synced: Synced[] = [];
          for (const [index, result] of results.entries()) {
            const failure = await settle(batch[index]!, result, synced);
            if (failure?.kind === "auth") authFailure = failure;
            if (failure) again.push({ request: batch[index]!, failure });
          }
          await outbox.recordSynced(synced, options.now());
        }
      });
      await Promise.all(lanes);
      const untried = batches.slice(next).flat();
      if (authFailure) {
        // No token for this mailbox: everything waits for the user to sign in again.
        for (const { request } of again) await retryLater(request, authFailure);
        for (const request of untried) await retryLater(request, authFailure);
        return;
      }
      if (again.length === 0) return;
      const waitMs = Math.max(...again.map(({ failure }) => failure.retryAfterMs ?? 1_000));
      if (round + 1 >= options.maxRounds || waitMs > options.maxWaitMs) {
        for (const { request, failure } of again) await retryLater(request, failure);
        return;
      }
      // Throttled (429/503, inside the batch too): wait as long as Graph asked, then only those again.
      await options.sleep(waitMs);
      queue = again.map(({ request }) => request);
    }
  }

  /**
   * An activity given to a colleague: its event leaves the previous owner's calendar first (delete or
   * cancel there), then it is created in the new owner's like a new one. Those whose removal must wait are left out.
   */
  async function moveBetweenOwners(activities: LeasedActivity[], report: PushReport): Promise<LeasedActivity[]> {
    const moving = activities.filter((a) => a.graphEventId && a.graphMailbox && a.graphMailbox.userId !== a.ownerId);
    if (moving.length === 0) return activities;
    const waiting = new Set<string>();
    const byMailbox = new Map<string, LeasedActivity[]>();
    for (const activity of moving)
      byMailbox.set(activity.graphMailbox!.userId, [...(byMailbox.get(activity.graphMailbox!.userId) ?? []), activity]);
    for (const group of byMailbox.values()) {
      for (const batch of chunks(group, MAX_BATCH)) {
        const requests: CalendarRequest[] = batch.map((activity) =>
          activity.attendee
            ? {
                key: activity.id,
                kind: "cancel",
                eventId: activity.graphEventId!,
                comment: "Handed over to a colleague",
              }
            : { key: activity.id, kind: "delete", eventId: activity.graphEventId! },
        );
        let results: CalendarResult[];
        try {
          results = await gateway.batch(group[0]!.graphMailbox!, requests);
        } catch (error) {
          if (!(error instanceof GraphCallError)) throw error;
          results = requests.map((request) => ({ key: request.key, ok: false, failure: error.failure }));
        }
        for (const [index, result] of results.entries()) {
          const activity = batch[index]!;
          if (result.ok || result.failure.kind === "gone" || result.failure.kind === "rejected") {
            await outbox.movedOut(activity);
            Object.assign(activity, { graphEventId: null, graphChangeKey: null, graphMailbox: null });
            activity.graphGeneration++;
          } else {
            waiting.add(activity.id);
            report.retrying++;
            await outbox.record(
              activity,
              {
                kind: "retry",
                availableAt: new Date(
                  options.now().getTime() + (result.failure.retryAfterMs ?? backoffMs(activity.attempts)),
                ),
                message: result.failure.message,
              },
              options.now(),
            );
          }
        }
      }
    }
    return activities.filter((activity) => !waiting.has(activity.id));
  }

  return {
    /** Pushes due entries (of one owner, or all) until none is left that this run has not tried. */
    async push(ownerId?: string): Promise<PushReport> {
      const report: PushReport = { pushed: 0, failed: 0, retrying: 0, conflicts: 0 };
      const tried = new Set<string>();
      for (;;) {
        const ids = await outbox.claim({
          workerId: options.workerId,
          now: options.now(),
          leaseMs: options.leaseMs,
          limit: options.claimLimit,
          ownerId,
        });
        const fresh = ids.filter((id) => !tried.has(id));
        // Entries this run already tried (a conflict waiting for the pull) stay due, for the next run.
        await outbox.release(ids.filter((id) => tried.has(id)));
        if (fresh.length === 0) return report;
        fresh.forEach((id) => tried.add(id));
        const activities = await moveBetweenOwners(await outbox.load(fresh), report);
        const byOwner = new Map<string, LeasedActivity[]>();
        for (const activity of activities)
          byOwner.set(activity.ownerId, [...(byOwner.get(activity.ownerId) ?? []), activity]);
        await Promise.all(
          [...byOwner.values()].map((owned) =>
            pushMailbox({ userId: owned[0]!.ownerId, email: owned[0]!.ownerEmail }, owned, report),
          ),
        );
      }
    },
  };
}

export type PushWorker = ReturnType<typeof createPushWorker>;

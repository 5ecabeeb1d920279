import type { Logger } from "../../shared/logger";
import type { CalendarGateway, CalendarRequest, CalendarResult, Mailbox } from "../graph/calendar-gateway";
import { MAX_BATCH } from "../graph/calendar-gateway";
import type { SyncWaitReason } from "contract";
import { nextLink, outlookNeeds } from "../event-link/activity-event-link";
import { GraphCallError, type GraphFailure, waitReasonOf } from "../graph/graph-errors";
import { joinUrlOf, pushedFieldsAfter, toGraphEventCreate, toGraphPatch } from "../graph/graph-event.mapper";
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
  /**
   * How long a claimed entry stays ours. Renewed while the work goes on and handed back on stop;
   * after a crash, another worker takes it over once this has passed.
   */
  leaseMs: number;
  /** How often held leases are renewed; leaseMs / 3 unless given (0: never, i.e. a replica that stalls). */
  renewEveryMs?: number;
  /** Entries claimed per round. */
  claimLimit: number;
  /** $batch requests in flight per mailbox (Outlook allows 4 concurrent requests per mailbox). */
  concurrency: number;
  /** Retry-After waits longer than this end the run for those entries; a later run retries them. */
  maxWaitMs: number;
  /** Rounds of in-run retries for items Graph throttled or failed inside an answered $batch. */
  maxRounds: number;
  /**
   * Backoff between runs for entries that got no answer, a 429 or a 5xx: never given up, waiting
   * base·2^attempts with jitter, at most cap (or as long as Retry-After says).
   */
  retryBaseMs: number;
  retryCapMs: number;
  now: () => Date;
  /** Resolves after ms, or early when the signal aborts (the worker is stopping). */
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  random: () => number;
  /** Where a lease that could not be renewed is reported. */
  logger?: Pick<Logger, "warn">;
}

export const DEFAULT_PUSH_OPTIONS: Omit<PushWorkerOptions, "workerId"> = {
  leaseMs: 15_000,
  claimLimit: 200,
  concurrency: 4,
  maxWaitMs: 30_000,
  maxRounds: 6,
  retryBaseMs: 5_000,
  retryCapMs: 300_000,
  now: () => new Date(),
  sleep: (ms, signal) =>
    new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      signal.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
    }),
  random: Math.random,
};

/** The wait before an in-run retry of an item Graph failed without saying how long to wait. */
const IN_RUN_RETRY_MS = 1_000;

/** What Outlook needs for the activity as it is now (not as it was when the entry was written). */
function requestFor(activity: LeasedActivity): CalendarRequest | null {
  const key = activity.id;
  const { link } = activity;
  switch (outlookNeeds(link, activity.status)) {
    case "create":
      return { key, kind: "create", event: toGraphEventCreate(activity) };
    case "remove":
      // With an attendee the cancel tells them; without one a plain delete is the same thing.
      return activity.attendee
        ? { key, kind: "cancel", eventId: link!.eventId, comment: "Cancelled in the CRM" }
        : { key, kind: "delete", eventId: link!.eventId };
    case "update":
      // Only what the CRM changed since it last sent the event: Outlook-side edits of the rest stay.
      return {
        key,
        kind: "update",
        eventId: link!.eventId,
        changeKey: link!.changeKey,
        event: toGraphPatch(activity, activity.pushed),
      };
    case "nothing":
      return null;
  }
}

function chunks<T>(items: T[], size: number): T[][] {
  const result: T[][] = [];
  for (let index = 0; index < items.length; index += size) result.push(items.slice(index, index + size));
  return result;
}

/** Pushes outbox entries to Outlook: create (transactionId), PATCH (If-Match), cancel/delete, in $batch of 20. */
export function createPushWorker(outbox: OutboxRepository, gateway: CalendarGateway, options: PushWorkerOptions) {
  // "Equal jitter" (AWS Architecture Blog, "Exponential Backoff And Jitter"): the wait still grows
  // with every failure, and replicas that failed together do not come back together.
  const backoffMs = (attempts: number) => {
    const ceiling = Math.min(options.retryCapMs, options.retryBaseMs * 2 ** Math.min(attempts, 30));
    return ceiling / 2 + options.random() * (ceiling / 2);
  };
  const waitFor = (activity: LeasedActivity, failure: GraphFailure) =>
    failure.retryAfterMs !== undefined ? Math.max(failure.retryAfterMs, 1_000) : backoffMs(activity.attempts);
  const stopping = new AbortController();

  /**
   * Entries that will be tried again later: counted, and recorded in bulk per reason once the
   * mailbox's round is over (an outage hits hundreds of entries at once).
   */
  function waitingList(report: PushReport) {
    const groups = new Map<string, { wait: { reason: SyncWaitReason; message: string }; items: Waiting[] }>();
    type Waiting = { activity: LeasedActivity; availableAt: Date };
    return {
      add(activity: LeasedActivity, failure: GraphFailure) {
        report.retrying++;
        const reason = waitReasonOf(failure);
        const message = reason === "SIGN_IN" ? `Waiting for Outlook sign-in: ${failure.message}` : failure.message;
        const group = groups.get(`${reason}\n${message}`) ?? { wait: { reason, message }, items: [] };
        group.items.push({ activity, availableAt: new Date(options.now().getTime() + waitFor(activity, failure)) });
        groups.set(`${reason}\n${message}`, group);
      },
      async flush() {
        for (const { wait, items } of groups.values()) await outbox.recordWaiting(items, wait, options.now());
        groups.clear();
      },
    };
  }

  async function pushMailbox(mailbox: Mailbox, activities: LeasedActivity[], report: PushReport) {
    const byId = new Map(activities.map((activity) => [activity.id, activity]));
    const record = (activity: LeasedActivity, outcome: PushOutcome) => outbox.record(activity, outcome, options.now());
    const waiting = waitingList(report);
    let queue: CalendarRequest[] = [];
    type Synced = Parameters<OutboxRepository["recordSynced"]>[0][number];
    // A change Outlook does not show (the activity's customer, say): in step without a request.
    const unchanged: Synced[] = [];
    for (const activity of activities) {
      if (activity.seriesId && !activity.link) {
        // An occurrence changed on its own before the pull learnt its Outlook instance: never a
        // create (that would duplicate it next to the series); it goes once the pull linked it.
        report.conflicts++;
        await record(activity, {
          kind: "retry",
          availableAt: options.now(),
          message: "waits for its series in Outlook",
        });
        continue;
      }
      const request = requestFor(activity);
      if (request?.kind === "update" && Object.keys(request.event).length === 0)
        unchanged.push({
          activity,
          eventId: request.eventId,
          changeKey: request.changeKey,
          pushed: pushedFieldsAfter(activity, null, activity.pushed, {}),
        });
      else if (request) queue.push(request);
      else await record(activity, { kind: "nothing-to-do" });
    }
    await outbox.recordSynced(unchanged, options.now());

    let answered = false;
    async function settle(
      request: CalendarRequest,
      result: CalendarResult,
      synced: Synced[],
    ): Promise<GraphFailure | null> {
      const activity = byId.get(request.key)!;
      if (result.ok) {
        answered = true;
        if (request.kind === "delete" || request.kind === "cancel") await record(activity, { kind: "removed" });
        else {
          const event = result.event;
          const eventId = event?.id ?? (request.kind === "update" ? request.eventId : null);
          if (!eventId) return { kind: "retry", status: 0, code: "NoEventId", message: "Graph returned no event id" };
          const sent = request.kind === "create" || request.kind === "update" ? request.event : {};
          synced.push({
            activity,
            eventId,
            changeKey: event?.changeKey ?? null,
            pushed: pushedFieldsAfter(activity, event, activity.pushed, sent),
            // Only an answer says what the meeting's link is now; without one the stored link stays.
            ...(event && { joinUrl: joinUrlOf(event) }),
          });
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
          // The only way to FAILED: Outlook answered and refused this change.
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

    try {
      for (let round = 0; queue.length > 0; round++) {
        const again: { request: CalendarRequest; failure: GraphFailure }[] = [];
        // No answer for a whole batch, or no token: the mailbox's other batches wait too (one
        // request per mailbox and round during an outage, not one per 20 entries).
        let stopped: GraphFailure | null = null;
        const batches = chunks(queue, MAX_BATCH);
        // A few batches in flight at once; each batch's results are recorded as soon as it returns.
        let next = 0;
        const lanes = Array.from({ length: Math.min(options.concurrency, batches.length) }, async () => {
          while (next < batches.length && !stopped && !stopping.signal.aborted) {
            const batch = batches[next++]!;
            let results: CalendarResult[];
            try {
              results = await gateway.batch(mailbox, batch);
            } catch (error) {
              if (!(error instanceof GraphCallError)) throw error;
              if (error.failure.kind === "retry" || error.failure.kind === "auth") stopped = error.failure;
              results = batch.map((request) => ({ key: request.key, ok: false, failure: error.failure }));
            }
            const synced: Synced[] = [];
            for (const [index, result] of results.entries()) {
              const failure = await settle(batch[index]!, result, synced);
              if (failure?.kind === "auth") stopped = failure;
              if (failure) again.push({ request: batch[index]!, failure });
            }
            await outbox.recordSynced(synced, options.now());
          }
        });
        await Promise.all(lanes);
        const untried = batches.slice(next).flat();
        if (stopping.signal.aborted) {
          // Stopping: what was not done is handed back as it was, for another replica to take at once.
          await outbox.release([...again.map(({ request }) => request.key), ...untried.map((request) => request.key)]);
          return;
        }
        if (stopped) {
          // A blip (one timeout, one 5xx) is ridden out within the run, once; a second one in a row
          // means Graph is down for now, and everything waits for its backoff.
          const blipWaitMs = (stopped as GraphFailure).retryAfterMs ?? IN_RUN_RETRY_MS;
          if ((stopped as GraphFailure).kind === "retry" && round === 0 && blipWaitMs <= options.maxWaitMs) {
            queue = [...again.map(({ request }) => request), ...untried];
            await options.sleep(blipWaitMs, stopping.signal);
            if (stopping.signal.aborted) {
              await outbox.release(queue.map((request) => request.key));
              return;
            }
            continue;
          }
          for (const { request, failure } of again) waiting.add(byId.get(request.key)!, failure);
          for (const request of untried) waiting.add(byId.get(request.key)!, stopped);
          return;
        }
        if (again.length === 0) return;
        const waitMs = Math.max(...again.map(({ failure }) => failure.retryAfterMs ?? IN_RUN_RETRY_MS));
        if (round + 1 >= options.maxRounds || waitMs > options.maxWaitMs) {
          for (const { request, failure } of again) waiting.add(byId.get(request.key)!, failure);
          return;
        }
        // Throttled or failed inside an answered batch (429/503 with Retry-After too): wait, then only those again.
        await options.sleep(waitMs, stopping.signal);
        queue = again.map(({ request }) => request);
      }
    } finally {
      await waiting.flush();
      // Graph is back (it answered this mailbox): what waits because it was unreachable goes now,
      // everyone's, and this mailbox's 5xx waits too, instead of sitting out their backoff.
      if (answered) {
        await outbox.wake(["UNREACHABLE"], options.now());
        await outbox.wake(["OUTLOOK_ERROR"], options.now(), mailbox.userId);
      }
    }
  }

  /**
   * An activity given to a colleague: its event leaves the previous owner's calendar first (delete or
   * cancel there), then it is created in the new owner's like a new one. Those whose removal must wait are left out.
   */
  async function moveBetweenOwners(activities: LeasedActivity[], report: PushReport): Promise<LeasedActivity[]> {
    const moving = activities.filter((a) => a.link && a.link.mailboxUserId !== a.ownerId);
    if (moving.length === 0) return activities;
    const waiting = waitingList(report);
    const held = new Set<string>();
    const byMailbox = new Map<string, LeasedActivity[]>();
    for (const activity of moving)
      byMailbox.set(activity.link!.mailboxUserId, [...(byMailbox.get(activity.link!.mailboxUserId) ?? []), activity]);
    for (const group of byMailbox.values()) {
      // Read once: each batch unlinks the activities it moved, the first one's too.
      const previous = { userId: group[0]!.link!.mailboxUserId, email: group[0]!.link!.mailboxEmail };
      for (const batch of chunks(group, MAX_BATCH)) {
        const requests: CalendarRequest[] = batch.map((activity) =>
          activity.attendee
            ? {
                key: activity.id,
                kind: "cancel",
                eventId: activity.link!.eventId,
                comment: "Handed over to a colleague",
              }
            : { key: activity.id, kind: "delete", eventId: activity.link!.eventId },
        );
        let results: CalendarResult[];
        try {
          results = await gateway.batch(previous, requests);
        } catch (error) {
          if (!(error instanceof GraphCallError)) throw error;
          results = requests.map((request) => ({ key: request.key, ok: false, failure: error.failure }));
        }
        for (const [index, result] of results.entries()) {
          const activity = batch[index]!;
          if (result.ok || result.failure.kind === "gone" || result.failure.kind === "rejected") {
            await outbox.movedOut(activity);
            // In step with the row: unlinked, and the create in the new owner's calendar gets a new transactionId.
            const moved = nextLink(activity.link, { kind: "moved-to-another-owner" });
            activity.link = null;
            if (moved.newGeneration) activity.graphGeneration++;
          } else {
            held.add(activity.id);
            waiting.add(activity, result.failure);
          }
        }
      }
    }
    await waiting.flush();
    return activities.filter((activity) => !held.has(activity.id));
  }

  return {
    /** Pushes due entries (of one owner, or all) until none is left that this run has not tried. */
    async push(ownerId?: string): Promise<PushReport> {
      const report: PushReport = { pushed: 0, failed: 0, retrying: 0, conflicts: 0 };
      const tried = new Set<string>();
      // Leases held while the work goes on are renewed, so a slow Graph never lets another replica
      // take an entry this one is still pushing; a crashed replica's leases simply run out.
      const renewEveryMs = options.renewEveryMs ?? options.leaseMs / 3;
      const renewal =
        renewEveryMs > 0
          ? setInterval(() => {
              outbox
                .renew(options.workerId, new Date(options.now().getTime() + options.leaseMs))
                .catch((error: unknown) => options.logger?.warn({ err: error }, "outbox leases not renewed"));
            }, renewEveryMs)
          : undefined;
      try {
        while (!stopping.signal.aborted) {
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
        return report;
      } finally {
        clearInterval(renewal);
      }
    },

    /** Stops the push in progress between batches (a throttled wait ends at once); unsent entries are released. */
    halt() {
      stopping.abort();
    },

    /** Hands back every lease this worker still holds. */
    releaseAll(): Promise<number> {
      return outbox.releaseAll(options.workerId);
    },
  };
}

export type PushWorker = ReturnType<typeof createPushWorker>;

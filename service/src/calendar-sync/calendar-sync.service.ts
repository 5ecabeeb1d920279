import { randomUUID } from "node:crypto";
import os from "node:os";
import type { SyncRunResult } from "contract";
import type { CurrentUser } from "../auth/current-user";
import type { PrismaClient } from "../generated/prisma/client";
import { type Logger, defaultLogger } from "../shared/logger";
import { createOboTokenProvider, type OboTokenProvider } from "./auth/obo-token.provider";
import { createStaticTokenProvider } from "./auth/static-token.provider";
import type { CalendarSyncConfig } from "./calendar-sync.config";
import { type CalendarGateway, type GraphTokenProvider, createGraphCalendarGateway } from "./graph/calendar-gateway";
import { GraphCallError } from "./graph/graph-errors";
import { type ActivityOutbox, NO_OUTBOX, calendarOutbox } from "./outbox/activity-outbox";
import { createOutboxRepository } from "./outbox/outbox.repository";
import { NO_SERIES_OUTBOX, type SeriesOutbox, seriesOutbox } from "./outbox/series-outbox";
import { createSeriesOutboxRepository } from "./outbox/series-outbox.repository";
import { createSeriesPush } from "./push/series-push";
import { type PullReport, type PullUser, createPullService } from "./pull/calendar-pull.service";
import { createPullRepository } from "./pull/pull.repository";
import { createSyncHealth, type SyncHealth } from "./health/sync-health.service";
import { type SubscriptionGateway, createGraphSubscriptionGateway } from "./graph/subscription-gateway";
import type { GraphNotification } from "./subscriptions/graph-notification.schema";
import { createMailboxRepository } from "./subscriptions/mailbox.repository";
import { createSubscriptions } from "./subscriptions/subscriptions.service";
import {
  DEFAULT_PUSH_OPTIONS,
  type PushReport,
  type PushWorkerOptions,
  createPushWorker,
} from "./push/calendar-push.worker";

export interface CalendarSync {
  enabled: boolean;
  /** Handed to the activities repository: writes the outbox entry in the activity's transaction. */
  outbox: ActivityOutbox;
  /** The Graph tokens this sync uses (on-behalf-of or static), shared with log on send; none without Graph access. */
  tokens: GraphTokenProvider | undefined;
  /** Handed to the activity-series repository: the series master's outbox entry, in the series' transaction. */
  seriesOutbox: SeriesOutbox;
  /** How far ahead occurrences of a series exist as activities: the pull window's future. */
  windowFutureDays: number;
  /** "Sync now": the caller's push, then pull (then push again if Outlook had changed an event meanwhile). */
  runForUser(user: CurrentUser, assertion?: string): Promise<SyncRunResult>;
  /**
   * A signed-in user's new add-in token: kept for on-behalf-of, so the background worker reaches
   * their calendar without waiting for "sync now". Never throws; a refused exchange shows later as
   * "Outlook sign-in needed" on the activities.
   */
  rememberAssertion(user: CurrentUser, assertion: string): Promise<void>;
  /** One background round: every due push, then a pull for every user who syncs (unless their pull backs off). */
  runAll(): Promise<void>;
  /**
   * Graph's notifications (POST /api/graph/notifications): those whose clientState matches ask for
   * their user's delta pull (folded with others, one pull at a time per user across replicas) and
   * lifecycle events renew or make the subscription again. Returns once recorded; the pull follows.
   */
  receiveNotifications(items: GraphNotification[]): Promise<void>;
  /** Creates, renews or remakes the Graph subscription of every syncing user that needs it (background). */
  maintainSubscriptions(): Promise<void>;
  /** Runs the pulls notifications asked for, until none is left for this replica; how many ran. */
  runNotifiedPulls(): Promise<number>;
  /** Per user: last push and pull, what waits and why, the last error, the subscription. */
  health: SyncHealth;
  /** The background worker: due pushes every pushPollMs, pulls every intervalMs (none when intervalMs is 0). */
  start(): void;
  /**
   * Stops the worker: no new rounds, the push in progress ends between batches (a request still in
   * flight is waited for a few seconds at most), and every outbox lease this replica holds is handed
   * back, so another replica takes the entries over at once.
   */
  stop(): Promise<void>;
}

export interface CalendarSyncOverrides {
  gateway?: CalendarGateway;
  subscriptionGateway?: SubscriptionGateway;
  tokens?: GraphTokenProvider;
  push?: Partial<PushWorkerOptions>;
  now?: () => Date;
  logger?: Logger;
}

/** How long stop() waits for a Graph request in flight before it hands the leases back anyway. */
const STOP_GRACE_MS = 5_000;

const EMPTY_PUSH: PushReport = { pushed: 0, failed: 0, retrying: 0, conflicts: 0 };
const EMPTY_PULL: PullReport = { pages: 0, fullResync: false, updated: 0, cancelled: 0, imported: 0 };
const addPulls = (a: PullReport, b: PullReport): PullReport => ({
  pages: a.pages + b.pages,
  fullResync: a.fullResync || b.fullResync,
  updated: a.updated + b.updated,
  cancelled: a.cancelled + b.cancelled,
  imported: a.imported + b.imported,
});

export function createCalendarSync(
  config: CalendarSyncConfig,
  prisma: PrismaClient,
  overrides: CalendarSyncOverrides = {},
): CalendarSync {
  const now = overrides.now ?? (() => new Date());
  const logger = overrides.logger ?? defaultLogger();
  const obo: OboTokenProvider | undefined =
    !overrides.tokens && !config.staticToken && config.onBehalfOf
      ? createOboTokenProvider(prisma, config.onBehalfOf)
      : undefined;
  const tokens = overrides.tokens ?? (config.staticToken ? createStaticTokenProvider(config.staticToken) : obo);
  const enabled = config.enabled && Boolean(tokens);
  const gateway =
    overrides.gateway ??
    createGraphCalendarGateway(tokens ?? { tokenFor: () => Promise.reject(new Error("no Graph token")) }, {
      baseUrl: config.graphBaseUrl,
      timeoutMs: config.timeoutMs,
      maxRetries: 3,
    });
  const outboxRepository = createOutboxRepository(prisma);
  const mailboxes = createMailboxRepository(prisma);
  const workerId = overrides.push?.workerId ?? `${os.hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
  // The push's batches, watched for the health view: a batch in which Outlook took a change is a push.
  const pushGateway: CalendarGateway = {
    ...gateway,
    async batch(mailbox, requests) {
      const results = await gateway.batch(mailbox, requests);
      if (results.some((result, index) => result.ok && requests[index]!.kind !== "get"))
        await mailboxes.recordPush(mailbox.userId, now()).catch((error: unknown) => {
          logger.warn({ err: error, userId: mailbox.userId }, "last push time not recorded");
        });
      return results;
    },
  };
  const push = createPushWorker(outboxRepository, pushGateway, {
    ...DEFAULT_PUSH_OPTIONS,
    workerId,
    leaseMs: config.leaseMs,
    retryBaseMs: config.retryBaseMs,
    retryCapMs: config.retryCapMs,
    now,
    logger,
    ...overrides.push,
  });
  // Recurring series go first: their masters must exist before an occurrence can be changed on its own.
  const seriesPush = createSeriesPush(createSeriesOutboxRepository(prisma), pushGateway, {
    workerId: `${workerId}-series`,
    leaseMs: config.leaseMs,
    retryBaseMs: config.retryBaseMs,
    retryCapMs: config.retryCapMs,
    now,
    random: Math.random,
    mergeMaster: (mailbox, seriesId, master) => pull.mergeSeriesMaster(mailbox, seriesId, master),
  });
  const notificationsOn = enabled && Boolean(config.notificationUrl);
  const subscriptions = createSubscriptions(
    mailboxes,
    overrides.subscriptionGateway ??
      createGraphSubscriptionGateway(tokens ?? { tokenFor: () => Promise.reject(new Error("no Graph token")) }, {
        baseUrl: config.graphBaseUrl,
        timeoutMs: config.timeoutMs,
        maxRetries: 3,
      }),
    {
      notificationUrl: config.notificationUrl ?? "",
      lifetimeMinutes: config.subscriptionMinutes,
      retryBaseMs: config.retryBaseMs,
      retryCapMs: config.retryCapMs,
      workerId,
      now,
      logger,
    },
  );
  const pull = createPullService(createPullRepository(prisma), gateway, {
    windowPastDays: config.windowPastDays,
    windowFutureDays: config.windowFutureDays,
    importOutlookEvents: config.importOutlookEvents,
    now,
  });

  // One round at a time in this process: "sync now" waits for a background round instead of racing it.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const result = queue.then(task);
    queue = result.catch(() => undefined);
    return result;
  };

  // A user whose calendar could not be read is left alone for a while by the background rounds
  // (backoff with jitter, like the push), so an outage does not cost a timeout per user and round;
  // "sync now" always reads. In memory: each replica keeps its own, and a restart simply tries again.
  const pullBackoff = new Map<string, { failures: number; nextAt: number }>();
  const pullWaitMs = (failures: number) => {
    const ceiling = Math.min(config.retryCapMs, config.retryBaseMs * 2 ** Math.min(failures, 30));
    return ceiling / 2 + Math.random() * (ceiling / 2);
  };

  async function pullUser(
    user: PullUser,
    { background }: { background: boolean },
  ): Promise<{ report: PullReport; error: string | null }> {
    const backoff = pullBackoff.get(user.userId);
    if (background && backoff && backoff.nextAt > now().getTime()) return { report: EMPTY_PULL, error: null };
    try {
      const report = await pull.pull(user);
      pullBackoff.delete(user.userId);
      await mailboxes.recordPull(user.userId, null, now());
      return { report, error: null };
    } catch (error) {
      if (!(error instanceof GraphCallError)) throw error;
      const failures = (backoff?.failures ?? 0) + 1;
      pullBackoff.set(user.userId, { failures, nextAt: now().getTime() + pullWaitMs(failures) });
      await prisma.calendarSyncState.updateMany({ where: { userId: user.userId }, data: { lastError: error.message } });
      await mailboxes.recordPull(user.userId, `Outlook could not be read: ${error.failure.message}`, now());
      return { report: EMPTY_PULL, error: `Outlook could not be read: ${error.failure.message}` };
    }
  }

  async function pullAll() {
    if (stopped) return;
    const users = await prisma.user.findMany({
      where: {
        OR: [{ calendarSyncState: { isNot: null } }, { activitiesOwned: { some: { graphEventId: { not: null } } } }],
      },
      select: { id: true, email: true, timeZone: true, calendarSyncState: { select: { lastPullAt: true } } },
    });
    // A user with a live subscription hears of changes within seconds: polling is only the fallback,
    // at the longer interval (a notification Graph lost still arrives that way, or as "missed").
    const subscribed = notificationsOn
      ? new Set((await mailboxes.all()).filter((row) => row.subscriptionState === "ACTIVE").map((row) => row.userId))
      : new Set<string>();
    for (const user of users) {
      const lastPullAt = user.calendarSyncState?.lastPullAt?.getTime() ?? 0;
      if (subscribed.has(user.id) && now().getTime() - lastPullAt < config.fallbackIntervalMs) continue;
      await pullUser({ userId: user.id, email: user.email, timeZone: user.timeZone }, { background: true });
    }
  }

  // Pulls asked for by notifications: one replica takes a user at a time (the row's lock), and the
  // requests that came meanwhile fold into one more pull. In this process one drain runs at a time;
  // a kick while it runs makes it look once more before it stops.
  const NOTIFIED_PULL_LOCK_MS = Math.max(config.leaseMs, 60_000);
  let draining: Promise<number> | null = null;
  let drainAgain = false;
  async function drainOnce(): Promise<number> {
    let ran = 0;
    for (;;) {
      if (stopped) return ran;
      const claim = await mailboxes.claimPull(now(), NOTIFIED_PULL_LOCK_MS);
      if (!claim) return ran;
      const user = await mailboxes.user(claim.userId);
      if (!user) continue;
      let failed = false;
      try {
        failed = (await serial(() => pullUser(user, { background: false }))).error !== null;
      } catch (error) {
        failed = true;
        logger.error({ err: error, userId: user.userId }, "pull after a notification failed");
      }
      ran++;
      // pullUser counted the failure in the user's backoff: the request comes back after that wait.
      const failures = pullBackoff.get(user.userId)?.failures ?? 1;
      await mailboxes.finishPull(
        user.userId,
        failed ? { retryAt: new Date(now().getTime() + pullWaitMs(failures)) } : { seq: claim.seq, now: now() },
      );
    }
  }
  function runNotifiedPulls(): Promise<number> {
    if (draining) {
      drainAgain = true;
      return draining;
    }
    const run = (async () => {
      let total = 0;
      do {
        drainAgain = false;
        total += await drainOnce();
      } while (drainAgain && !stopped);
      return total;
    })();
    draining = run.finally(() => (draining = null));
    return draining;
  }

  /** Due pushes; a conflict (412) is settled by a pull first, then the CRM's side goes out. */
  async function pushRound() {
    const series = await seriesPush.push();
    if ((await push.push()).conflicts + series.conflicts === 0 || stopped) return;
    await pullAll();
    await push.push();
  }

  const timers = new Map<string, NodeJS.Timeout>();
  let stopped = false;

  const sync: CalendarSync = {
    enabled,
    outbox: enabled ? calendarOutbox : NO_OUTBOX,
    tokens,
    seriesOutbox: enabled ? seriesOutbox : NO_SERIES_OUTBOX,
    windowFutureDays: config.windowFutureDays,
    health: createSyncHealth(prisma, { enabled, notificationsOn }),

    async receiveNotifications(items) {
      if (!notificationsOn) return;
      const received = await subscriptions.receive(items);
      if (received.rejected > 0)
        logger.warn(
          { rejected: received.rejected },
          "Graph notifications with an unknown subscription or clientState ignored",
        );
      // After the 202: the caller (Graph) is not kept waiting for Outlook.
      if (received.maintain.length > 0)
        void serial(() => subscriptions.maintain(received.maintain)).catch((error: unknown) =>
          logger.error({ err: error }, "subscription upkeep after a lifecycle notification failed"),
        );
      if (received.pulls.length > 0)
        void runNotifiedPulls().catch((error: unknown) => logger.error({ err: error }, "notified pulls failed"));
    },

    async maintainSubscriptions() {
      if (notificationsOn) await subscriptions.maintain();
    },

    runNotifiedPulls: () => (notificationsOn ? runNotifiedPulls() : Promise.resolve(0)),

    async rememberAssertion(user, assertion) {
      if (!enabled || !obo) return;
      await obo.remember(user.id, assertion).catch((error: Error) => {
        logger.warn({ err: error, userId: user.id }, "on-behalf-of exchange failed");
      });
    },

    async runForUser(user, assertion) {
      if (!enabled)
        return {
          enabled: false,
          push: EMPTY_PUSH,
          pull: EMPTY_PULL,
          pending: 0,
          error: null,
          finishedAt: now().toISOString(),
        };
      if (assertion) await sync.rememberAssertion(user, assertion);
      return serial(async () => {
        const mailbox = { userId: user.id, email: user.email, timeZone: user.timeZone };
        // Everything of the caller's that waits is tried now, whatever its backoff.
        await outboxRepository.retryNow(user.id, now());
        await seriesPush.retryNow(user.id);
        const series = await seriesPush.push(user.id);
        const first = await push.push(user.id);
        const pulled = await pullUser(mailbox, { background: false });
        // Conflicts, and occurrences changed on their own that wait for the pull to learn their Outlook id.
        const again = first.conflicts + series.conflicts > 0;
        const secondSeries = again ? await seriesPush.push(user.id) : { pushed: 0, conflicts: 0 };
        const second = again ? await push.push(user.id) : EMPTY_PUSH;
        // A master that went only after the pull (its 412 merged first) may have rebuilt occurrences
        // (a new time or rule): one more pull links them to Outlook's new instances in this run.
        const relinked = secondSeries.pushed > 0 ? await pullUser(mailbox, { background: false }) : null;
        return {
          enabled: true,
          push: {
            pushed: first.pushed + second.pushed + series.pushed + secondSeries.pushed,
            failed: first.failed + second.failed,
            retrying: second === EMPTY_PUSH ? first.retrying : second.retrying,
            conflicts: first.conflicts,
          },
          pull: relinked ? addPulls(pulled.report, relinked.report) : pulled.report,
          pending: await outboxRepository.pendingCount(user.id),
          error: pulled.error ?? relinked?.error ?? null,
          finishedAt: now().toISOString(),
        };
      });
    },

    async runAll() {
      if (!enabled) return;
      await serial(async () => {
        const series = await seriesPush.push();
        const pushed = await push.push();
        if (stopped) return;
        await pullAll();
        // Conflicts (412) wait for the pull to decide who wins; then the CRM's side goes out.
        if (pushed.conflicts + series.conflicts > 0) {
          await seriesPush.push();
          await push.push();
        }
      });
    },

    start() {
      if (!enabled || config.intervalMs === 0 || timers.size > 0 || stopped) return;
      const every = (name: string, intervalMs: number, firstMs: number, task: () => Promise<unknown>) => {
        const tick = () => {
          void serial(task)
            .catch((error: unknown) => logger.error({ err: error }, `calendar sync ${name} failed`))
            .finally(() => {
              if (!stopped) timers.set(name, setTimeout(tick, intervalMs));
            });
        };
        timers.set(name, setTimeout(tick, firstMs));
      };
      // Pushing is cheap when nothing is due (one indexed claim), so it looks often: a change reaches
      // Outlook within seconds, and a crashed replica's entries are taken over soon after its lease ends.
      every("push", config.pushPollMs, Math.min(config.pushPollMs, 1_000), pushRound);
      every("pull", config.intervalMs, Math.min(config.intervalMs, 1_000), pullAll);
      if (notificationsOn) {
        // Subscriptions are looked at as often as calendars are polled: cheap when nothing is due.
        every("subscriptions", config.intervalMs, Math.min(config.intervalMs, 1_000), () => subscriptions.maintain());
        // A pull another replica was asked for and could not finish (it stopped, or it crashed) is taken up here.
        const drainTimer = setInterval(() => void runNotifiedPulls().catch(() => undefined), config.pushPollMs);
        drainTimer.unref();
        timers.set("notified-pulls", drainTimer as unknown as NodeJS.Timeout);
      }
    },

    async stop() {
      stopped = true;
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
      push.halt();
      const grace = new Promise((resolve) => setTimeout(resolve, STOP_GRACE_MS).unref());
      await Promise.race([queue, grace]);
      await push.releaseAll().catch((error: unknown) => logger.warn({ err: error }, "outbox leases not handed back"));
      await seriesPush
        .releaseAll()
        .catch((error: unknown) => logger.warn({ err: error }, "series outbox leases not handed back"));
    },
  };
  return sync;
}

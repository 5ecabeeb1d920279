import { randomUUID } from "node:crypto";
import os from "node:os";
import type { SyncRunResult } from "../../../contract";
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
import { type PullReport, type PullUser, createPullService } from "./pull/calendar-pull.service";
import { createPullRepository } from "./pull/pull.repository";
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
  /** "Sync now": the caller's push, then pull (then push again if Outlook had changed an event meanwhile). */
  runForUser(user: CurrentUser, assertion?: string): Promise<SyncRunResult>;
  /**
   * A signed-in user's new add-in token: kept for on-behalf-of, so the background worker reaches
   * their calendar without waiting for "sync now". Never throws; a refused exchange shows later as
   * "Outlook sign-in needed" on the activities.
   */
  rememberAssertion(user: CurrentUser, assertion: string): Promise<void>;
  /** One background round: every due push, then a pull for every user who syncs. */
  runAll(): Promise<void>;
  start(): void;
  stop(): Promise<void>;
}

export interface CalendarSyncOverrides {
  gateway?: CalendarGateway;
  tokens?: GraphTokenProvider;
  push?: Partial<PushWorkerOptions>;
  now?: () => Date;
  logger?: Logger;
}

const EMPTY_PUSH: PushReport = { pushed: 0, failed: 0, retrying: 0, conflicts: 0 };
const EMPTY_PULL: PullReport = { pages: 0, fullResync: false, updated: 0, cancelled: 0, imported: 0 };

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
  const push = createPushWorker(outboxRepository, gateway, {
    ...DEFAULT_PUSH_OPTIONS,
    workerId: `${os.hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`,
    now,
    ...overrides.push,
  });
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

  async function pullUser(user: PullUser): Promise<{ report: PullReport; error: string | null }> {
    try {
      return { report: await pull.pull(user), error: null };
    } catch (error) {
      if (!(error instanceof GraphCallError)) throw error;
      await prisma.calendarSyncState.updateMany({ where: { userId: user.userId }, data: { lastError: error.message } });
      return { report: EMPTY_PULL, error: `Outlook could not be read: ${error.failure.message}` };
    }
  }

  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();

  const sync: CalendarSync = {
    enabled,
    outbox: enabled ? calendarOutbox : NO_OUTBOX,

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
        const first = await push.push(user.id);
        const pulled = await pullUser(mailbox);
        const second = first.conflicts > 0 ? await push.push(user.id) : EMPTY_PUSH;
        return {
          enabled: true,
          push: {
            pushed: first.pushed + second.pushed,
            failed: first.failed + second.failed,
            retrying: second === EMPTY_PUSH ? first.retrying : second.retrying,
            conflicts: first.conflicts,
          },
          pull: pulled.report,
          pending: await outboxRepository.pendingCount(user.id),
          error: pulled.error,
          finishedAt: now().toISOString(),
        };
      });
    },

    async runAll() {
      if (!enabled) return;
      await serial(async () => {
        const pushed = await push.push();
        const users = await prisma.user.findMany({
          where: {
            OR: [
              { calendarSyncState: { isNot: null } },
              { activitiesOwned: { some: { graphEventId: { not: null } } } },
            ],
          },
          select: { id: true, email: true, timeZone: true },
        });
        let conflicts = pushed.conflicts;
        for (const user of users) await pullUser({ userId: user.id, email: user.email, timeZone: user.timeZone });
        if (conflicts > 0) conflicts = (await push.push()).conflicts;
      });
    },

    start() {
      if (!enabled || config.intervalMs === 0 || timer) return;
      const tick = () => {
        running = sync
          .runAll()
          .catch((error: unknown) => logger.error({ err: error }, "calendar sync round failed"))
          .finally(() => {
            if (!stopped) timer = setTimeout(tick, config.intervalMs);
          });
      };
      timer = setTimeout(tick, Math.min(config.intervalMs, 1_000));
    },

    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
      await queue;
    },
  };
  return sync;
}

import type { Server } from "node:http";
import type { Express } from "express";
import { createApp } from "./app";
import type { LogOnSendWorker } from "./features/log-on-send/log-on-send.worker";
import type { LoanerRemindersWorker } from "./features/loaners/loaner-reminders.worker";
import type { MailDeltaGateway } from "./features/tracked-conversations/mail-delta.gateway";
import type { TrackingWorker } from "./features/tracked-conversations/tracked-conversations.worker";
import type { SentItemsGateway } from "./features/log-on-send/sent-items.gateway";
import { createTokenVerifier } from "./auth/token-verifier";
import {
  type CalendarSync,
  type CalendarSyncOverrides,
  createCalendarSync,
} from "./calendar-sync/calendar-sync.service";
import type { Config } from "./config";
import { type Database, openDatabase } from "./db/database";
import { ensureDataDir } from "./db/data-dir";
import { checkDatabase } from "./db/db-health";
import { isDatabaseUnreachable } from "./db/db-errors";
import { migrate } from "./db/migrate";
import { type Readiness, startingHandler } from "./http/health.routes";
import { createHttpServer, listen } from "./http/http-server";
import { type Logger, defaultLogger } from "./shared/logger";
import { createHtmlCleaner } from "./shared/html-cleaner";
import type { ActivityOutbox } from "./calendar-sync/outbox/activity-outbox";
import type { PrismaClient } from "./generated/prisma/client";

export interface RunningService {
  url: string;
  port: number;
  db: Database;
  server: Server;
  /** The Express app behind server, for tools that read its routes (the authorisation suite). */
  app: Express;
  calendarSync: CalendarSync;
  /** Log on send's worker (tests run rounds with runOnce). */
  logOnSend: LogOnSendWorker;
  /** Tracked conversations' worker (tests run rounds with runOnce). */
  tracking: TrackingWorker;
  /** Loaner overdue reminders' job (tests run rounds with runOnce). */
  loanerReminders: LoanerRemindersWorker;
  /** Graceful: stop accepting, finish what was accepted, stop the sync (handing back its leases), close the database. */
  stop(): Promise<void>;
}

/**
 * Fills the database before the service serves (the demo seed, injected by `npm start` and
 * `npm run service` with SEED=demo): the service itself knows no demo data.
 */
/** Log on send in tests: another Sent Items gateway, a clock, and rounds run by hand (autoStart false). */
export interface LogOnSendOverrides {
  sentItems?: SentItemsGateway;
  now?: () => Date;
  autoStart?: boolean;
}

/** Tracked conversations in tests: another mail delta gateway, a clock, and rounds run by hand. */
export interface TrackingOverrides {
  mail?: MailDeltaGateway;
  now?: () => Date;
  autoStart?: boolean;
}

/** Loaner overdue reminders in tests: a clock, and rounds run by hand (autoStart false). */
export interface LoanerReminderOverrides {
  now?: () => Date;
  autoStart?: boolean;
}

export type Seed = (prisma: PrismaClient, outbox: ActivityOutbox) => Promise<unknown>;

// The readiness probe's budget for one query.
const HEALTH_TIMEOUT_MS = 2_000;

const isLoopback = (host: string) => host === "localhost" || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host);

/** Where this process can reach itself: the interface it listens on, or loopback when that is every interface. */
function reachableHost(host: string | undefined): string {
  if (!host || host === "0.0.0.0" || host === "::") return "127.0.0.1";
  return host.includes(":") ? `[${host}]` : host;
}

/**
 * Opens the database (the embedded one locked to this process), listens at once (alive, not ready),
 * waits for the database with backoff, applies migrations, seeds when asked, and then serves the API.
 * Used by main and tests; resolves when the service is ready.
 */
export async function startService(
  config: Config,
  options: {
    inMemory?: boolean;
    db?: Database;
    calendarSync?: CalendarSyncOverrides;
    logOnSend?: LogOnSendOverrides;
    tracking?: TrackingOverrides;
    loanerReminders?: LoanerReminderOverrides;
    logger?: Logger;
    seed?: Seed;
  } = {},
): Promise<RunningService> {
  const logger = options.logger ?? defaultLogger();
  const embedded = !options.db && !config.databaseUrl && !options.inMemory;
  // The development issuer's key lives in DATA_DIR too (the embedded database prepares it itself).
  if (!embedded && config.auth.mode === "development") ensureDataDir(config.dataDir);
  const db =
    options.db ??
    (await openDatabase(
      config.databaseUrl
        ? { databaseUrl: config.databaseUrl, namedStatements: config.preparedStatements }
        : { dataDir: options.inMemory ? null : config.dataDir },
      logger,
    ));
  let waitingFor = "the database is being prepared";
  const http = createHttpServer(startingHandler(() => waitingFor));
  try {
    const port = await listen(http.server, config.port, config.host);
    if (config.auth.mode === "development" && config.host && !isLoopback(config.host))
      logger.warn(
        `HOST=${config.host}: the service listens beyond this machine with the development issuer, whose tokens ` +
          "anyone holding DATA_DIR's key can mint. POST /api/dev/token still answers only callers on this machine. " +
          "Set AUTH_TENANT_ID and AUTH_AUDIENCE for anything but local development.",
      );
    await untilDatabaseAnswers(
      () => migrate(db),
      (reason) => (waitingFor = reason),
      logger,
    );
    const calendarSync = createCalendarSync(config.calendarSync, db.prisma, { logger, ...options.calendarSync });
    // Seeded plans go through the same outbox as any other, so the demo calendar shows them too.
    if (options.seed) await options.seed(db.prisma, calendarSync.outbox);
    let wasReady = true;
    const readiness = async (): Promise<Readiness> => {
      if (http.draining) return { ready: false, reason: "the service is shutting down" };
      const health = await checkDatabase(db, HEALTH_TIMEOUT_MS);
      // Logged when readiness changes, not on every probe.
      if (health.ok !== wasReady)
        logger.warn(
          health.ok ? "ready again" : `not ready: ${health.reason}${health.detail ? ` (${health.detail})` : ""}`,
        );
      wasReady = health.ok;
      return health.ok
        ? { ready: true, database: db.kind, migrations: health.migrations }
        : { ready: false, reason: health.reason };
    };
    const htmlCleaner = createHtmlCleaner(config.htmlCleaning);
    let logOnSend: LogOnSendWorker | undefined;
    let tracking: TrackingWorker | undefined;
    let loanerReminders: LoanerRemindersWorker | undefined;
    const app = createApp(config, db, await createTokenVerifier(config), {
      calendarSync,
      readiness,
      htmlCleaner,
      logger,
      logOnSend: { ...options.logOnSend, onWorker: (worker) => (logOnSend = worker) },
      tracking: { ...options.tracking, onWorker: (worker) => (tracking = worker) },
      loanerReminders: { ...options.loanerReminders, onWorker: (worker) => (loanerReminders = worker) },
    });
    http.setApp(app);
    calendarSync.start();
    if (options.logOnSend?.autoStart !== false) logOnSend!.start();
    if (options.tracking?.autoStart !== false) tracking!.start();
    if (options.loanerReminders?.autoStart !== false) loanerReminders!.start();
    let stopping: Promise<void> | undefined;
    return {
      url: `http://${reachableHost(config.host)}:${port}`,
      port,
      db,
      server: http.server,
      app,
      calendarSync,
      logOnSend: logOnSend!,
      tracking: tracking!,
      loanerReminders: loanerReminders!,
      stop() {
        stopping ??= (async () => {
          const started = Date.now();
          const { cutOff } = await http.drain(config.shutdownTimeoutMs);
          if (cutOff > 0)
            logger.warn(`shutdown: ${cutOff} requests still running after ${config.shutdownTimeoutMs} ms were cut off`);
          // Only now: a request in flight may be a "sync now" that needs the sync running.
          const left = Math.max(1_000, config.shutdownTimeoutMs - (Date.now() - started));
          if (!(await finishesWithin(calendarSync.stop(), left)))
            logger.warn(`shutdown: the calendar sync did not stop within ${left} ms; its leases run out on their own`);
          await logOnSend!.stop();
          await tracking!.stop();
          await loanerReminders!.stop();
          await htmlCleaner.close();
          if (!options.db) await db.close();
        })();
        return stopping;
      },
    };
  } catch (error) {
    await http.drain(0);
    if (!options.db) await db.close().catch(() => undefined);
    throw error;
  }
}

/**
 * Runs task until the database answers: a PostgreSQL server that is down or restarting is waited
 * for with exponential backoff (0.5 s doubling to 30 s, with jitter), each attempt logged; any other
 * error (wrong password, missing database, a failing migration) ends the start at once.
 */
async function untilDatabaseAnswers<T>(
  task: () => Promise<T>,
  onWait: (reason: string) => void,
  logger: Logger,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await task();
    } catch (error) {
      if (!isDatabaseUnreachable(error)) throw error;
      const delay = Math.round(Math.min(30_000, 500 * 2 ** (attempt - 1)) * (0.5 + Math.random() / 2));
      const cause = (error as Error).message || (error as { code?: string }).code;
      // Anyone may ask the starting service why it waits: the driver's words (host, port) go to the log only.
      onWait(`waiting for the database, attempt ${attempt}`);
      logger.warn(
        `waiting for the database: ${cause}; attempt ${attempt} failed, retrying in ${(delay / 1000).toFixed(1)} s`,
      );
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

async function finishesWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const done = await Promise.race([
    work.then(
      () => true,
      () => true,
    ),
    new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms))),
  ]);
  clearTimeout(timer);
  return done;
}

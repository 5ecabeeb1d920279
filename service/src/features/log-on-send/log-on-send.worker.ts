import { createPollLoop } from "../../shared/poll-loop";
import { loggedFields } from "../../calendar-sync/graph/graph-mail";
import { GraphCallError, type GraphFailure } from "../../calendar-sync/graph/graph-errors";
import { AppError } from "../../shared/app-error";
import type { Logger } from "../../shared/logger";
import type { EmailLogWriter } from "../../shared/ports/email-log-writer.port";
import type { ClaimedIntent, LogIntentsRepository } from "./log-intents.repository";
import type { LogOnSendConfig } from "./log-on-send.config";
import type { SentItemsGateway } from "./sent-items.gateway";

export interface LogOnSendReport {
  logged: number;
  waiting: number;
  expired: number;
  rejected: number;
}

export interface LogOnSendWorker {
  /** One round: every due intent looked for in its user's Sent Items, logged once when found. */
  runOnce(): Promise<LogOnSendReport>;
  /** Rounds every pollMs until stop(). */
  start(): void;
  /** No new rounds; waits for the one in progress (a few seconds at most). */
  stop(): Promise<void>;
}

const BATCH = 20;
/** What the e-mail log shows for an entry this worker made. */
export const LOGGED_BECAUSE = "Logged when sent (Log when sent was on in Outlook)";

/** Why an intent waits on Graph, in the words the pane shows. */
function waitReason(failure: GraphFailure): string {
  if (failure.kind === "auth")
    return "Outlook sign-in needed: open the CRM pane in Outlook once so the service may read your Sent Items";
  if (failure.status === 0) return `Outlook could not be reached; trying again (${failure.message})`;
  if (failure.status === 429) return "Outlook asked us to slow down; trying again";
  return `Outlook answered ${failure.status}; trying again (${failure.message})`;
}

export function createLogOnSendWorker(deps: {
  intents: LogIntentsRepository;
  sentItems: SentItemsGateway | null;
  emailLog: EmailLogWriter;
  config: LogOnSendConfig;
  logger: Logger;
  now?: () => Date;
  random?: () => number;
}): LogOnSendWorker {
  const { intents, sentItems, emailLog, config, logger } = deps;
  const now = deps.now ?? (() => new Date());
  const random = deps.random ?? Math.random;

  const backoffMs = (attempts: number, retryAfterMs?: number) => {
    const ceiling = Math.min(config.retryCapMs, config.retryBaseMs * 2 ** Math.min(attempts, 30));
    const wait = ceiling / 2 + random() * (ceiling / 2);
    return Math.max(wait, retryAfterMs ?? 0);
  };

  async function retryLater(intent: ClaimedIntent, reason: string, retryAfterMs?: number) {
    const attempts = intent.attempts + 1;
    await intents.reschedule(
      intent.id,
      attempts,
      new Date(now().getTime() + backoffMs(intent.attempts, retryAfterMs)),
      reason,
    );
  }

  async function handle(intent: ClaimedIntent, report: LogOnSendReport) {
    const mailbox = { userId: intent.user.id, email: intent.user.email };
    let message;
    try {
      message = await sentItems!.findByMarker(mailbox, intent.marker);
    } catch (error) {
      if (!(error instanceof GraphCallError)) throw error;
      const failure = error.failure;
      // Graph unreachable, throttled, failing or waiting for a sign-in: never given up, and an outage
      // does not count towards expiry (the message may well be in Sent Items, we just cannot see it).
      if (failure.kind === "retry" || failure.kind === "auth") {
        await retryLater(intent, waitReason(failure), failure.retryAfterMs);
        report.waiting++;
        return;
      }
      // Any other answer is Graph refusing this request for good: say what it said.
      await intents.finish(
        intent.id,
        "REJECTED",
        `Outlook refused the search (${failure.status} ${failure.code}: ${failure.message})`,
        now(),
      );
      report.rejected++;
      return;
    }
    if (!message) {
      if (now().getTime() >= new Date(intent.expiresAt).getTime()) {
        await intents.finish(
          intent.id,
          "EXPIRED",
          `Not found in Sent Items by ${intent.expiresAt}: the message was not sent, was sent from another mailbox, or was deleted from Sent Items`,
          now(),
        );
        report.expired++;
        return;
      }
      await retryLater(intent, "Waiting for the message to appear in Sent Items");
      report.waiting++;
      return;
    }
    try {
      const logged = await emailLog.log(
        {
          ...loggedFields(message),
          conversationId: intent.conversationId ?? message.conversationId,
          receivedAt: null,
          customerId: intent.customerId,
          contactId: intent.contactId,
          // Found in the caller's own Sent Items: where Outlook keeps a sent message, shared mailbox or not.
          mailbox: mailbox.email,
        },
        intent.user,
        LOGGED_BECAUSE,
      );
      await intents.markLogged(intent.id, message.internetMessageId, logged.id, now());
      report.logged++;
    } catch (error) {
      // The customer or contact went away meanwhile, or the body is one the log refuses: no retry helps.
      if (error instanceof AppError && error.code !== "unavailable") {
        await intents.finish(intent.id, "REJECTED", `The e-mail log refused it: ${error.message}`, now());
        report.rejected++;
        return;
      }
      throw error;
    }
  }

  async function runOnce(): Promise<LogOnSendReport> {
    const report: LogOnSendReport = { logged: 0, waiting: 0, expired: 0, rejected: 0 };
    if (!sentItems) return report;
    for (;;) {
      const due = await intents.claimDue(now(), config.leaseMs, BATCH);
      for (const intent of due) {
        await handle(intent, report).catch(async (error: unknown) => {
          // The database or something unexpected: the intent keeps waiting, nothing is lost.
          logger.warn({ err: error, intentId: intent.id }, "log on send: intent kept for a later round");
          await retryLater(intent, "Waiting: the service could not finish logging it; trying again").catch(
            () => undefined,
          );
          report.waiting++;
        });
      }
      if (due.length < BATCH || loop.stopped()) return report;
    }
  }

  const loop = createPollLoop(
    () =>
      runOnce()
        .then((report) => {
          if (report.logged + report.expired + report.rejected > 0) logger.info({ ...report }, "log on send round");
        })
        .catch((error: unknown) => logger.error({ err: error }, "log on send round failed")),
    { everyMs: config.pollMs },
  );

  return {
    runOnce,
    start() {
      if (sentItems) loop.start();
    },
    stop: () => loop.stop(),
  };
}

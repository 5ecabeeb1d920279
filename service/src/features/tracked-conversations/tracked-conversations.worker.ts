import { GraphCallError, type GraphFailure } from "../../calendar-sync/graph/graph-errors";
import { AppError } from "../../shared/app-error";
import type { Logger } from "../../shared/logger";
import type { EmailLogWriter } from "../../shared/ports/email-log-writer.port";
import { type DeltaMessage, type MailDeltaGateway, TRACKED_FOLDERS, type TrackedFolder } from "./mail-delta.gateway";
import { firstMatchingRule } from "./never-log";
import type { TrackedConversationsRepository, TrackingUser } from "./tracked-conversations.repository";

export interface TrackingReport {
  logged: number;
  /** Seen again (a page read twice, a resync): in the log already, not logged twice. */
  already: number;
  /** Kept out by a never-log rule. */
  neverLog: number;
  /** Kept out because a participant withdrew e-mail consent. */
  consent: number;
  /** Folders whose delta Graph had forgotten (410): read again from the start. */
  resynced: number;
  /** Folders left for the next round: Graph unreachable, throttled, failing or waiting for a sign-in. */
  waiting: number;
}

export interface TrackingWorker {
  /** One round: every tracking user's Inbox and Sent Items delta, each new message of a tracked conversation logged. */
  runOnce(): Promise<TrackingReport>;
  start(): void;
  stop(): Promise<void>;
}

/** Pages one folder may take in a round; the rest waits for the next (the position is kept after each page). */
const MAX_PAGES_PER_ROUND = 100;
const STOP_GRACE_MS = 5_000;

const describe = (failure: GraphFailure) =>
  failure.kind === "auth"
    ? "Outlook sign-in needed: open the CRM pane in Outlook once"
    : failure.status === 429
      ? "Outlook asked us to slow down; trying again"
      : `Outlook answered ${failure.status || "nothing"}; trying again (${failure.message})`;

/** What an automatically logged entry says about why it is there. */
export const trackedBecause = (subject: string, folder: TrackedFolder) =>
  `Tracked conversation "${subject || "(no subject)"}": logged from ${folder === "inbox" ? "the Inbox" : "Sent Items"}`;

export function createTrackingWorker(deps: {
  repository: TrackedConversationsRepository;
  mail: MailDeltaGateway | null;
  emailLog: EmailLogWriter;
  pollMs: number;
  logger: Logger;
  now?: () => Date;
}): TrackingWorker {
  const { repository, mail, emailLog, logger } = deps;
  const now = deps.now ?? (() => new Date());

  async function consider(
    user: TrackingUser,
    folder: TrackedFolder,
    message: DeltaMessage,
    rules: string[],
    report: TrackingReport,
  ) {
    const tracked = user.conversations.find((each) => each.conversationId === message.conversationId);
    if (!tracked) return;
    // Delta's first round lists the whole folder: only what came or went since the user asked.
    const at = Date.parse(folder === "inbox" ? (message.receivedAt ?? message.sentAt) : message.sentAt);
    if (!(at >= tracked.trackedSinceDate.getTime())) return;
    const me = user.email.toLowerCase();
    const others = [
      ...new Set([message.from, ...message.to, ...message.cc].map((each) => each.email.toLowerCase())),
    ].filter((email) => email && email !== me);
    if (firstMatchingRule(others, rules)) {
      report.neverLog++;
      return;
    }
    if ((await repository.withdrawnEmailConsent(others)).length > 0) {
      report.consent++;
      return;
    }
    try {
      const result = await emailLog.log(
        {
          internetMessageId: message.internetMessageId,
          conversationId: message.conversationId,
          subject: message.subject,
          from: message.from,
          to: message.to,
          cc: message.cc,
          sentAt: message.sentAt,
          receivedAt: message.receivedAt,
          bodyHtml: message.bodyHtml,
          customerId: tracked.customerId,
          contactId: tracked.contactId,
          // Read through Graph mail delta in the user's own Inbox and Sent Items.
          mailbox: user.email,
        },
        user,
        trackedBecause(tracked.subject || message.subject, folder),
      );
      if (result.created) report.logged++;
      else report.already++;
    } catch (error) {
      // The log refuses this one for good (the customer is gone, a body it cannot keep): skip it.
      if (error instanceof AppError && error.code !== "unavailable") {
        logger.warn({ err: error, userId: user.id }, "tracked conversation: a message the e-mail log refused");
        return;
      }
      throw error;
    }
  }

  async function readFolder(user: TrackingUser, folder: TrackedFolder, rules: string[], report: TrackingReport) {
    const mailbox = { userId: user.id, email: user.email };
    let link = await repository.deltaLink(user.id, folder);
    let restarted = false;
    for (let pages = 0; pages < MAX_PAGES_PER_ROUND; pages++) {
      let page;
      try {
        page = await mail!.page(mailbox, folder, link);
      } catch (error) {
        if (!(error instanceof GraphCallError)) throw error;
        // Graph forgot where we were: read the folder again; what was logged is not logged twice.
        if (error.failure.status === 410 && !restarted) {
          restarted = true;
          link = null;
          report.resynced++;
          continue;
        }
        await repository.noteDeltaError(user.id, folder, describe(error.failure), now());
        report.waiting++;
        return;
      }
      for (const message of page.messages) await consider(user, folder, message, rules, report);
      // Kept after every page: a large first sync goes on where it stopped, a crash repeats one page at most.
      link = page.nextLink ?? page.deltaLink;
      await repository.saveDelta(user.id, folder, link, null, now());
      if (!page.nextLink) return;
    }
  }

  async function runOnce(): Promise<TrackingReport> {
    const report: TrackingReport = { logged: 0, already: 0, neverLog: 0, consent: 0, resynced: 0, waiting: 0 };
    if (!mail) return report;
    for (const user of await repository.trackingUsers()) {
      const rules = (await repository.rulesFor(user.id)).map((rule) => rule.value);
      for (const folder of TRACKED_FOLDERS)
        await readFolder(user, folder, rules, report).catch(async (error: unknown) => {
          // The database or something unexpected: this folder waits for the next round, the others go on.
          logger.warn({ err: error, userId: user.id, folder }, "tracked conversations: folder left for the next round");
          await repository
            .noteDeltaError(user.id, folder, "The service could not finish reading; trying again", now())
            .catch(() => undefined);
          report.waiting++;
        });
    }
    return report;
  }

  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  return {
    runOnce,
    start() {
      if (!mail || timer || stopped) return;
      const tick = () => {
        running = runOnce()
          .then((report) => {
            if (report.logged > 0) logger.info({ ...report }, "tracked conversations round");
          })
          .catch((error: unknown) => logger.error({ err: error }, "tracked conversations round failed"))
          .finally(() => {
            if (!stopped) timer = setTimeout(tick, deps.pollMs);
          });
      };
      timer = setTimeout(tick, Math.min(deps.pollMs, 1_000));
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      const grace = new Promise((resolve) => setTimeout(resolve, STOP_GRACE_MS).unref());
      await Promise.race([running, grace]);
    },
  };
}

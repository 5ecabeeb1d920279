import { createPollLoop } from "../../shared/poll-loop";
import { loggedFields } from "../../calendar-sync/graph/graph-mail";
import { randomUUID } from "node:crypto";
import { GraphCallError, type GraphFailure } from "../../calendar-sync/graph/graph-errors";
import { AppError } from "../../shared/app-error";
import type { Logger } from "../../shared/logger";
import type { EmailLogWriter } from "../../shared/ports/email-log-writer.port";
import type { DeltaMessage, MailDeltaGateway, TrackedFolder } from "./mail-delta.gateway";
import { firstMatchingRule } from "./never-log";
import type {
  FolderKey,
  FolderLease,
  TrackedConversationsRepository,
  TrackingUser,
} from "./tracked-conversations.repository";

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
/** Folders one claim leases; a round claims again until none is due. */
const CLAIM_BATCH = 10;

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
  /** How long a claimed folder is this worker's without a word from it (renewed after every page). */
  leaseMs: number;
  logger: Logger;
  now?: () => Date;
  /** This replica's name on its leases. */
  workerId?: string;
}): TrackingWorker {
  const { repository, mail, emailLog, logger } = deps;
  const now = deps.now ?? (() => new Date());
  const workerId = deps.workerId ?? `tracking-${randomUUID()}`;
  const lease = (): FolderLease => ({ workerId, until: new Date(now().getTime() + deps.leaseMs) });

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
          ...loggedFields(message),
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

  /** Reads one leased folder; stops as soon as the lease is found to be another replica's. */
  async function readFolder(user: TrackingUser, folder: TrackedFolder, rules: string[], report: TrackingReport) {
    const mailbox = { userId: user.id, email: user.email };
    const key: FolderKey = { userId: user.id, folder };
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
        await repository.noteDeltaError(key, describe(error.failure), now(), lease());
        report.waiting++;
        return;
      }
      for (const message of page.messages) await consider(user, folder, message, rules, report);
      // Kept after every page, renewing the lease: a large first sync goes on where it stopped, a
      // crash repeats one page at most (logged once all the same: the e-mail log keeps a message once).
      link = page.nextLink ?? page.deltaLink;
      if (!(await repository.saveDelta(key, link, null, now(), lease()))) {
        logger.warn({ userId: user.id, folder }, "tracked conversations: another replica took this folder over");
        return;
      }
      if (!page.nextLink) return;
    }
  }

  async function runOnce(): Promise<TrackingReport> {
    const report: TrackingReport = { logged: 0, already: 0, neverLog: 0, consent: 0, resynced: 0, waiting: 0 };
    if (!mail) return report;
    // Each replica runs rounds; a folder is read by whichever leases it first, at most about once a
    // poll interval (one read less than half an interval ago is left alone), and never by two at once.
    const seen = new Set<string>();
    for (;;) {
      if (loop.stopped()) return report;
      const at = now();
      const claimed = await repository.claimFolders(lease(), at, new Date(at.getTime() - deps.pollMs / 2), CLAIM_BATCH);
      const fresh = claimed.filter((key) => !seen.has(`${key.userId}/${key.folder}`));
      if (fresh.length === 0) {
        await Promise.all(claimed.map((key) => repository.release(workerId, key)));
        return report;
      }
      const users = new Map(
        (await repository.trackingUsers([...new Set(fresh.map((key) => key.userId))])).map((user) => [user.id, user]),
      );
      const rules = new Map<string, string[]>();
      for (const key of claimed) {
        seen.add(`${key.userId}/${key.folder}`);
        const user = users.get(key.userId);
        try {
          if (!user) continue;
          if (!rules.has(user.id))
            rules.set(
              user.id,
              (await repository.rulesFor(user.id)).map((rule) => rule.value),
            );
          await readFolder(user, key.folder, rules.get(user.id)!, report);
        } catch (error) {
          // The database or something unexpected: this folder waits for the next round, the others go on.
          logger.warn(
            { err: error, userId: key.userId, folder: key.folder },
            "tracked conversations: folder left for the next round",
          );
          await repository
            .noteDeltaError(key, "The service could not finish reading; trying again", now(), lease())
            .catch(() => undefined);
          report.waiting++;
        } finally {
          await repository.release(workerId, key).catch(() => undefined);
        }
      }
    }
  }

  const loop = createPollLoop(
    () =>
      runOnce()
        .then((report) => {
          if (report.logged > 0) logger.info({ ...report }, "tracked conversations round");
        })
        .catch((error: unknown) => logger.error({ err: error }, "tracked conversations round failed")),
    { everyMs: deps.pollMs },
  );
  return {
    runOnce,
    start() {
      if (mail) loop.start();
    },
    async stop() {
      await loop.stop();
      // What this replica still holds goes to the others at once, not after the lease.
      await repository
        .release(workerId)
        .catch((error: unknown) => logger.warn({ err: error }, "tracked conversations: leases not handed back"));
    },
  };
}

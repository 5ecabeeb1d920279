import type { GraphTokenProvider } from "../../calendar-sync/graph/calendar-gateway";
import type { GraphClientOptions } from "../../calendar-sync/graph/graph-client";
import type { Database } from "../../db/database";
import type { Logger } from "../../shared/logger";
import type { EmailLogWriter } from "../../shared/ports/email-log-writer.port";
import type { Ports } from "../../shared/ports/ports";
import { type MailDeltaGateway, createMailDeltaGateway } from "./mail-delta.gateway";
import { createTrackedConversationsRepository } from "./tracked-conversations.repository";
import { trackedConversationsRoutes } from "./tracked-conversations.routes";
import { createTrackedConversationsService } from "./tracked-conversations.service";
import { createTrackingWorker } from "./tracked-conversations.worker";

/**
 * Tracked conversations: what a user tracks and never-log rules over HTTP, and the worker that reads
 * Inbox and Sent Items delta through Graph (the calendar sync's tokens, as log on send) and logs each
 * later message of a tracked conversation through the e-mail log's writer.
 */
export function trackedConversationsModule(
  db: Database,
  ports: Pick<Ports, "customers" | "contacts">,
  deps: {
    emailLog: EmailLogWriter;
    tokens: GraphTokenProvider | undefined;
    graph: GraphClientOptions;
    pollMs: number;
    leaseMs: number;
    logger: Logger;
    mail?: MailDeltaGateway;
    now?: () => Date;
  },
) {
  const repository = createTrackedConversationsRepository(db);
  const mail = deps.mail ?? (deps.tokens ? createMailDeltaGateway(deps.tokens, deps.graph) : null);
  return {
    routes: trackedConversationsRoutes(createTrackedConversationsService({ repository, ...ports, now: deps.now })),
    worker: createTrackingWorker({
      repository,
      mail,
      emailLog: deps.emailLog,
      pollMs: deps.pollMs,
      leaseMs: deps.leaseMs,
      logger: deps.logger,
      now: deps.now,
    }),
  };
}

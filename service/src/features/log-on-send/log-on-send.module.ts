import type { GraphTokenProvider } from "../../calendar-sync/graph/calendar-gateway";
import type { GraphClientOptions } from "../../calendar-sync/graph/graph-client";
import type { Database } from "../../db/database";
import type { Logger } from "../../shared/logger";
import type { EmailLogWriter } from "../../shared/ports/email-log-writer.port";
import type { Ports } from "../../shared/ports/ports";
import { createLogIntentsRepository } from "./log-intents.repository";
import { logIntentsRoutes } from "./log-intents.routes";
import { createLogIntentsService } from "./log-intents.service";
import type { LogOnSendConfig } from "./log-on-send.config";
import { createLogOnSendWorker } from "./log-on-send.worker";
import { type SentItemsGateway, createSentItemsGateway } from "./sent-items.gateway";

/**
 * Log on send: intents posted by Outlook's OnMessageSend handler, and the worker that finds each sent
 * message in Sent Items and logs it through the e-mail log's writer. Graph tokens are the calendar
 * sync's (on-behalf-of, or a fake's static token): one token store per user, not two.
 */
export function logOnSendModule(
  db: Database,
  ports: Pick<Ports, "customers" | "contacts">,
  deps: {
    emailLog: EmailLogWriter;
    /** Absent when the service has no Graph access: intents are kept and wait, saying so. */
    tokens: GraphTokenProvider | undefined;
    graph: GraphClientOptions;
    config: LogOnSendConfig;
    logger: Logger;
    sentItems?: SentItemsGateway;
    now?: () => Date;
  },
) {
  const intents = createLogIntentsRepository(db);
  const sentItems = deps.sentItems ?? (deps.tokens ? createSentItemsGateway(deps.tokens, deps.graph) : null);
  const service = createLogIntentsService({
    intents,
    ...ports,
    expireAfterMs: deps.config.expireAfterMs,
    graphConfigured: sentItems !== null,
    now: deps.now,
  });
  return {
    routes: logIntentsRoutes(service),
    worker: createLogOnSendWorker({
      intents,
      sentItems,
      emailLog: deps.emailLog,
      config: deps.config,
      logger: deps.logger,
      now: deps.now,
    }),
  };
}

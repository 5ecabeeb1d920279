import type { GraphTokenProvider } from "../../calendar-sync/graph/calendar-gateway";
import type { GraphClientOptions } from "../../calendar-sync/graph/graph-client";
import type { Logger } from "../../shared/logger";
import type { EmailLogWriter } from "../../shared/ports/email-log-writer.port";
import { bulkLogRoutes } from "./bulk-log.routes";
import { type ParticipantLookup, createBulkLogService } from "./bulk-log.service";
import { type MailboxMessagesGateway, createMailboxMessagesGateway } from "./mailbox-messages.gateway";

/**
 * Several emails at once (Outlook's multi-select): the pane sends the selected messages' REST ids, the
 * service reads each from the caller's mailbox through Graph (the calendar sync's tokens, as log on
 * send) and logs it through the e-mail log's writer, to the customer the lookup finds for it.
 */
export function bulkLogModule(deps: {
  emailLog: EmailLogWriter;
  lookup: ParticipantLookup;
  tokens: GraphTokenProvider | undefined;
  graph: GraphClientOptions;
  logger: Logger;
  messages?: MailboxMessagesGateway;
}) {
  const messages = deps.messages ?? (deps.tokens ? createMailboxMessagesGateway(deps.tokens, deps.graph) : null);
  return {
    routes: bulkLogRoutes(
      createBulkLogService({ messages, lookup: deps.lookup, emailLog: deps.emailLog, logger: deps.logger }),
    ),
  };
}

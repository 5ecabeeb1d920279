import { loggedFields } from "../../calendar-sync/graph/graph-mail";
import {
  type EmailLogBulkCreate,
  type EmailLogBulkLogged,
  type EmailLogBulkResult,
  type LookupResult,
  lookupCandidates,
} from "contract";
import type { CurrentUser } from "../../auth/current-user";
import { GraphCallError, type GraphFailure } from "../../calendar-sync/graph/graph-errors";
import { AppError } from "../../shared/app-error";
import type { Logger } from "../../shared/logger";
import type { EmailLogWriter } from "../../shared/ports/email-log-writer.port";
import type { MailboxMessagesGateway } from "./mailbox-messages.gateway";

/** Who is behind these addresses for this caller: the lookup the pane opens a record by (app.ts wires it). */
export interface ParticipantLookup {
  lookup(emails: string[], caller: CurrentUser): Promise<LookupResult>;
}

export interface BulkLogService {
  /**
   * Each selected message read from the caller's own mailbox through Graph, its customer found by
   * its sender and recipients as the pane finds it, and logged once: one message failing costs the
   * others nothing, and the answer says what became of each.
   */
  logSelected(input: EmailLogBulkCreate, user: CurrentUser): Promise<EmailLogBulkLogged>;
}

/** What an entry logged from a selection says about why it is there (the customer was matched, not picked). */
export const BULK_LOGGED_BECAUSE =
  "Logged from a selection of emails in Outlook (customer matched by sender and recipients)";

/**
 * Messages read at once: Outlook allows an app 4 concurrent requests per mailbox
 * (https://learn.microsoft.com/graph/throttling-limits#outlook-service-limits).
 */
const CONCURRENCY = 4;

const graphReason = (failure: GraphFailure) =>
  failure.kind === "auth"
    ? "Outlook sign-in needed: the service may not read your mailbox yet; sign in again and retry"
    : failure.kind === "retry"
      ? failure.status === 0
        ? "Outlook could not be reached; retry"
        : failure.status === 429
          ? "Outlook asked us to slow down; retry in a moment"
          : `Outlook answered ${failure.status}; retry`
      : `Outlook refused to read it (${failure.status} ${failure.code}: ${failure.message})`;

export function createBulkLogService(deps: {
  /** Null when the service has no Graph access configured: nothing can be read then. */
  messages: MailboxMessagesGateway | null;
  lookup: ParticipantLookup;
  emailLog: EmailLogWriter;
  logger: Logger;
}): BulkLogService {
  const { lookup, emailLog, logger } = deps;

  async function one(restId: string, user: CurrentUser): Promise<EmailLogBulkResult> {
    const result: EmailLogBulkResult = {
      messageId: restId,
      outcome: "failed",
      subject: null,
      customer: null,
      entryId: null,
      reason: null,
    };
    const mailbox = { userId: user.id, email: user.email };
    let message;
    try {
      message = await deps.messages!.message(mailbox, restId);
    } catch (error) {
      if (!(error instanceof GraphCallError)) throw error;
      return { ...result, reason: graphReason(error.failure) };
    }
    // Only the caller's own mailbox is read: another user's message is simply not there.
    if (!message) return { ...result, reason: "Not in your mailbox any more (moved or deleted); select it again" };
    result.subject = message.subject;
    const me = user.email.toLowerCase();
    const others = [
      ...new Set([message.from, ...message.to, ...message.cc].map((each) => each.email.toLowerCase())),
    ].filter((email) => email && email !== me);
    const candidates = lookupCandidates((await lookup.lookup(others, user)).matches);
    if (candidates.length !== 1)
      return {
        ...result,
        outcome: "no-customer",
        reason:
          candidates.length === 0
            ? "No customer matches its sender or recipients"
            : `Several customers match (${candidates.map((each) => each.customer.name).join(", ")}): open it and log it to one`,
      };
    const [{ customer, contact }] = candidates as [(typeof candidates)[number]];
    result.customer = customer;
    try {
      const logged = await emailLog.log(
        {
          ...loggedFields(message),
          customerId: customer.id,
          contactId: contact?.id ?? null,
          // Read from the caller's own mailbox (GET /me/messages): that is where it came from.
          mailbox: user.email,
        },
        user,
        BULK_LOGGED_BECAUSE,
      );
      return { ...result, outcome: logged.created ? "logged" : "already", entryId: logged.id };
    } catch (error) {
      if (error instanceof AppError && error.code !== "unavailable")
        return { ...result, reason: `The e-mail log refused it: ${error.message}` };
      throw error;
    }
  }

  return {
    async logSelected(input, user) {
      if (!deps.messages)
        throw new AppError(
          "unavailable",
          "This service has no access to Outlook mail configured (GRAPH_* settings): open each email and log it",
        );
      // The same message twice in one selection is logged once and answered once.
      const ids = [...new Set(input.messageIds)];
      const results: EmailLogBulkResult[] = new Array(ids.length);
      let next = 0;
      const worker = async () => {
        while (next < ids.length) {
          const index = next++;
          results[index] = await one(ids[index]!, user).catch((error: unknown) => {
            logger.warn({ err: error, userId: user.id }, "bulk log: a message left unlogged");
            return {
              messageId: ids[index]!,
              outcome: "failed" as const,
              subject: null,
              customer: null,
              entryId: null,
              reason: "The service could not log it; retry",
            };
          });
        }
      };
      await Promise.all(Array.from({ length: Math.min(CONCURRENCY, ids.length) }, worker));
      return { results };
    },
  };
}

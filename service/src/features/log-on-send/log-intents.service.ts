import type { LogIntent, LogIntentCreate, LogIntentCreated, LogIntentState } from "contract";
import type { CurrentUser } from "../../auth/current-user";
import { AppError } from "../../shared/app-error";
import type { ContactAccess } from "../../shared/ports/contact-access.port";
import type { CustomerAccess } from "../../shared/ports/customer-access.port";
import type { LogIntentsRepository } from "./log-intents.repository";

export interface LogIntentsService {
  /** Stores what to log when the marked message shows up in Sent Items: once per user and marker. */
  create(input: LogIntentCreate, user: CurrentUser): Promise<LogIntentCreated>;
  /** The caller's own intents, newest first: what waits, what was logged, what ended and why. */
  listMine(user: CurrentUser, query: { state?: LogIntentState; limit: number }): Promise<{ items: LogIntent[] }>;
}

/**
 * Intents one user may have waiting at once: far above a day's sending while Graph is away, and a
 * bound on the Sent Items searches one account can make the worker run.
 */
export const MAX_PENDING_PER_USER = 1_000;

export function createLogIntentsService(deps: {
  intents: LogIntentsRepository;
  customers: CustomerAccess;
  contacts: ContactAccess;
  expireAfterMs: number;
  /** Whether the service can reach Graph at all; without it intents wait and say so. */
  graphConfigured: boolean;
  now?: () => Date;
}): LogIntentsService {
  const now = deps.now ?? (() => new Date());
  return {
    async create(input, user) {
      await deps.customers.require(input.customerId, "body.customerId");
      if ((await deps.intents.pendingCount(user.id)) >= MAX_PENDING_PER_USER)
        throw new AppError(
          "conflict",
          `You have ${MAX_PENDING_PER_USER} sent e-mails waiting to be logged already; they are logged as Outlook shows them in Sent Items`,
          [{ field: "body.marker", message: "too many intents waiting" }],
        );
      if (input.contactId) await deps.contacts.requireFor(input.contactId, input.customerId);
      const reason = deps.graphConfigured
        ? "Waiting for the message to appear in Sent Items"
        : "Waiting: this service has no access to Outlook mail configured (GRAPH_* settings)";
      const { intent, created } = await deps.intents.createOnce(
        user.id,
        input,
        new Date(now().getTime() + deps.expireAfterMs),
        reason,
      );
      // The same marker again is the handler or the pane retrying: fine. For another customer it is
      // a different intent under a reused marker, which would log the message where nobody meant it.
      if (!created && (intent.customerId !== input.customerId || intent.contactId !== (input.contactId ?? null)))
        throw new AppError("conflict", "This message is already marked to be logged for another customer or contact", [
          { field: "body.marker", message: "is already used by another intent" },
        ]);
      return { created, intent };
    },

    async listMine(user, query) {
      return { items: await deps.intents.listForUser(user.id, query.state, query.limit) };
    },
  };
}

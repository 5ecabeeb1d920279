import type { EmailLogCreate, EmailLogCreated, EmailLogEntry } from "contract";
import type { CurrentUser } from "../../auth/current-user";
import { classifyDbError } from "../../db/db-errors";
import { notFound } from "../../shared/app-error";
import type { HtmlCleaner } from "../../shared/html-cleaner";
import { type Page, pageOf } from "../../shared/page";
import type { ContactAccess } from "../../shared/ports/contact-access.port";
import type { CustomerAccess } from "../../shared/ports/customer-access.port";
import type { EmailLogRepository } from "./email-log.repository";

export interface EmailLogService {
  /** Journey 2: stores the message once per customer, however often it comes; `created` says whether now. */
  log(
    input: EmailLogCreate,
    user: Pick<CurrentUser, "id" | "name" | "email">,
    loggedBecause?: string,
  ): Promise<EmailLogCreated>;
  listForCustomer(customerId: string, page: { limit: number; offset: number }): Promise<Page<EmailLogEntry>>;
  /** Where a message is logged already, whoever logged it. */
  status(internetMessageId: string): Promise<{
    internetMessageId: string;
    entries: Pick<EmailLogEntry, "id" | "customerId" | "loggedBy" | "loggedAt">[];
  }>;
}

export function createEmailLogService(deps: {
  emailLog: EmailLogRepository;
  customers: CustomerAccess;
  contacts: ContactAccess;
  htmlCleaner: HtmlCleaner;
}): EmailLogService {
  const { emailLog } = deps;
  return {
    async log(input, user, loggedBecause) {
      if (input.contactId) await deps.contacts.requireFor(input.contactId, input.customerId);
      const bodyText = input.bodyText?.trim();
      // Text is extracted only when the pane sent none.
      const cleaned = await deps.htmlCleaner.clean(input.bodyHtml, "body.bodyHtml", { withText: !bodyText });
      const { entry, created } = await emailLog
        .createOnce(
          {
            internetMessageId: input.internetMessageId,
            conversationId: input.conversationId ?? null,
            subject: input.subject,
            fromEmail: input.from.email.toLowerCase(),
            fromName: input.from.name ?? null,
            to: input.to,
            cc: input.cc,
            sentAt: new Date(input.sentAt),
            receivedAt: input.receivedAt ? new Date(input.receivedAt) : null,
            bodyHtml: cleaned.html,
            bodyText: bodyText || (cleaned.text ?? ""),
            customerId: input.customerId,
            contactId: input.contactId ?? null,
            loggedBecause: loggedBecause ?? null,
            // Not a shared mailbox or delegate's folder: the caller read it in their own.
            mailbox: (input.mailbox ?? user.email).toLowerCase(),
          },
          { id: user.id, name: user.name, email: user.email },
        )
        .catch((error: unknown) => {
          // The foreign key answers "does this customer exist?" without a query of its own.
          if (classifyDbError(error)?.kind === "foreign-key")
            throw notFound("customer", input.customerId, "body.customerId");
          throw error;
        });
      return { id: entry.id, created, entry };
    },

    async listForCustomer(customerId, page) {
      await deps.customers.require(customerId);
      return pageOf(await emailLog.listForCustomer(customerId, page.limit, page.offset), page);
    },

    async status(internetMessageId) {
      const entries = await emailLog.byMessage(internetMessageId);
      return {
        internetMessageId,
        entries: entries.map(({ id, customerId, loggedBy, loggedAt }) => ({ id, customerId, loggedBy, loggedAt })),
      };
    },
  };
}

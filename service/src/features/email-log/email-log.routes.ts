import {
  EmailLogCreate,
  EmailLogCreated,
  EmailLogListQuery,
  EmailLogPage,
  EmailLogStatus,
  EmailLogStatusQuery,
  IdParams,
} from "contract";
import { classifyDbError } from "../../db/db-errors";
import { Reply, defineRoute } from "../../http/route";
import { badRequest, notFound } from "../../shared/app-error";
import type { HtmlCleaner } from "../../shared/html-cleaner";
import type { ContactsRepository } from "../contacts/contacts.repository";
import type { CustomersRepository } from "../customers/customers.repository";
import type { EmailLogRepository } from "./email-log.repository";

export function emailLogRoutes(
  emailLog: EmailLogRepository,
  customers: CustomersRepository,
  contacts: ContactsRepository,
  htmlCleaner: HtmlCleaner,
) {
  return [
    defineRoute({
      method: "post",
      path: "/api/email-log",
      tag: "email-log",
      summary: "Log a message for a customer: 201 the first time, 200 with the same entry whenever it comes again",
      authorization: "email-log:write",
      body: EmailLogCreate,
      response: EmailLogCreated,
      status: 201,
      alsoReplies: [200],
      handler: async ({ body, user }) => {
        if (body.contactId) {
          const contact = await contacts.belongsTo(body.contactId);
          if (!contact) throw notFound("contact", body.contactId, "body.contactId");
          if (contact.customerId && contact.customerId !== body.customerId)
            throw badRequest("body.contactId", "this contact belongs to another customer");
        }
        const bodyText = body.bodyText?.trim();
        // Text is extracted only when the pane sent none.
        const cleaned = await htmlCleaner.clean(body.bodyHtml, "body.bodyHtml", { withText: !bodyText });
        const { entry, created } = await emailLog
          .createOnce(
            {
              internetMessageId: body.internetMessageId,
              conversationId: body.conversationId ?? null,
              subject: body.subject,
              fromEmail: body.from.email.toLowerCase(),
              fromName: body.from.name ?? null,
              to: body.to,
              cc: body.cc,
              sentAt: new Date(body.sentAt),
              receivedAt: body.receivedAt ? new Date(body.receivedAt) : null,
              bodyHtml: cleaned.html,
              bodyText: bodyText || (cleaned.text ?? ""),
              customerId: body.customerId,
              contactId: body.contactId ?? null,
            },
            { id: user.id, name: user.name, email: user.email },
          )
          .catch((error: unknown) => {
            // The foreign key answers "does this customer exist?" without a query of its own.
            if (classifyDbError(error)?.kind === "foreign-key")
              throw notFound("customer", body.customerId, "body.customerId");
            throw error;
          });
        return new Reply(created ? 201 : 200, { id: entry.id, created, entry });
      },
    }),
    defineRoute({
      method: "get",
      path: "/api/customers/:id/email-log",
      tag: "email-log",
      summary: "A customer's e-mail log, newest first, paged",
      params: IdParams,
      query: EmailLogListQuery,
      response: EmailLogPage,
      handler: async ({ params, query }) => {
        if (!(await customers.exists(params.id))) throw notFound("customer", params.id);
        return {
          ...(await emailLog.listForCustomer(params.id, query.limit, query.offset)),
          limit: query.limit,
          offset: query.offset,
        };
      },
    }),
    defineRoute({
      method: "get",
      path: "/api/email-log/status",
      tag: "email-log",
      summary: "Where a message is logged already (by its internetMessageId), whoever logged it",
      query: EmailLogStatusQuery,
      response: EmailLogStatus,
      handler: async ({ query }) => ({
        internetMessageId: query.internetMessageId,
        entries: (await emailLog.byMessage(query.internetMessageId)).map(({ id, customerId, loggedBy, loggedAt }) => ({
          id,
          customerId,
          loggedBy,
          loggedAt,
        })),
      }),
    }),
  ];
}

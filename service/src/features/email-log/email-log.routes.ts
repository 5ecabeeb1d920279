import {
  EmailLogCreate,
  EmailLogCreated,
  EmailLogListQuery,
  EmailLogPage,
  EmailLogStatus,
  EmailLogStatusQuery,
  IdParams,
} from "contract";
import { Reply, defineRoute } from "../../http/route";
import type { EmailLogService } from "./email-log.service";

export function emailLogRoutes(emailLog: EmailLogService) {
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
        const logged = await emailLog.log(body, user);
        return new Reply(logged.created ? 201 : 200, logged);
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
      handler: async ({ params, query }) => emailLog.listForCustomer(params.id, query),
    }),
    defineRoute({
      method: "get",
      path: "/api/email-log/status",
      tag: "email-log",
      summary: "Where a message is logged already (by its internetMessageId), whoever logged it",
      query: EmailLogStatusQuery,
      response: EmailLogStatus,
      handler: async ({ query }) => emailLog.status(query.internetMessageId),
    }),
  ];
}

import { EmailLogBulkCreate, EmailLogBulkLogged } from "contract";
import { defineRoute } from "../../http/route";
import type { BulkLogService } from "./bulk-log.service";

export function bulkLogRoutes(bulk: BulkLogService) {
  return [
    defineRoute({
      method: "post",
      path: "/api/email-log/bulk",
      tag: "email-log",
      summary:
        "Log several selected messages (at most 100, by REST id) from the caller's own mailbox: each read through Graph, matched to its customer by sender and recipients, logged once; says what became of each",
      authorization: "email-log:write",
      body: EmailLogBulkCreate,
      response: EmailLogBulkLogged,
      handler: async ({ body, user }) => bulk.logSelected(body, user),
    }),
  ];
}

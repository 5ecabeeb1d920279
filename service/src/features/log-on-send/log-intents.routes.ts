import { LogIntentCreate, LogIntentCreated, LogIntentList, LogIntentListQuery } from "contract";
import { Reply, defineRoute } from "../../http/route";
import type { LogIntentsService } from "./log-intents.service";

export function logIntentsRoutes(intents: LogIntentsService) {
  return [
    defineRoute({
      method: "post",
      path: "/api/log-intents",
      tag: "email-log",
      summary:
        "Log on send: log the message marked with this x-crm-log header once it is in the caller's Sent Items (201 the first time, 200 with the same intent again)",
      authorization: "email-log:write",
      body: LogIntentCreate,
      response: LogIntentCreated,
      status: 201,
      alsoReplies: [200, 409],
      handler: async ({ body, user }) => {
        const result = await intents.create(body, user);
        return new Reply(result.created ? 201 : 200, result);
      },
    }),
    defineRoute({
      method: "get",
      path: "/api/log-intents",
      tag: "email-log",
      summary:
        "The caller's log-on-send intents, newest first: waiting (and why), logged, expired or rejected (and why)",
      query: LogIntentListQuery,
      response: LogIntentList,
      handler: async ({ query, user }) => intents.listMine(user, query),
    }),
  ];
}

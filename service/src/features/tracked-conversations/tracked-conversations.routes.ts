import { z } from "zod";
import {
  IdParams,
  NeverLogRule,
  NeverLogRuleCreate,
  NeverLogRuleList,
  TrackConversation,
  TrackedConversation,
  TrackedConversationCreated,
  TrackedConversationList,
} from "contract";
import { Reply, defineRoute } from "../../http/route";
import type { TrackedConversationsService } from "./tracked-conversations.service";

export function trackedConversationsRoutes(tracking: TrackedConversationsService) {
  return [
    defineRoute({
      method: "post",
      path: "/api/tracked-conversations",
      tag: "email-log",
      summary:
        "Track a conversation: the service logs every later message of it, incoming and sent, to this customer (201; 200 when the caller tracks it already)",
      authorization: "email-log:write",
      body: TrackConversation,
      response: TrackedConversationCreated,
      status: 201,
      alsoReplies: [200, 409],
      handler: async ({ body, user }) => {
        const result = await tracking.track(body, user);
        return new Reply(result.created ? 201 : 200, result);
      },
    }),
    defineRoute({
      method: "get",
      path: "/api/tracked-conversations",
      tag: "email-log",
      summary: "The conversations the caller tracks, newest first",
      response: TrackedConversationList,
      handler: async ({ user }) => tracking.listMine(user),
    }),
    defineRoute({
      method: "get",
      path: "/api/tracked-conversations/:id",
      tag: "email-log",
      summary: "One tracked conversation",
      params: IdParams,
      response: TrackedConversation,
      handler: async ({ params }) => tracking.get(params.id),
    }),
    defineRoute({
      method: "delete",
      path: "/api/tracked-conversations/:id",
      tag: "email-log",
      summary: "Stop tracking a conversation (what was logged stays logged)",
      authorization: "tracking:stop",
      params: IdParams,
      response: z.undefined(),
      status: 204,
      handler: async ({ params, user }) => {
        await tracking.stop(params.id, user);
        return undefined;
      },
    }),
    defineRoute({
      method: "post",
      path: "/api/never-log-rules",
      tag: "email-log",
      summary:
        "Never log an address or a domain automatically: for the caller (scope USER), or for everyone (scope ORGANIZATION, admins)",
      authorization: ["never-log:own", "never-log:organization"],
      body: NeverLogRuleCreate,
      response: NeverLogRule,
      status: 201,
      handler: async ({ body, user }) => new Reply(201, await tracking.addRule(body, user)),
    }),
    defineRoute({
      method: "get",
      path: "/api/never-log-rules",
      tag: "email-log",
      summary: "The organisation's never-log rules and the caller's own",
      response: NeverLogRuleList,
      handler: async ({ user }) => tracking.rulesFor(user),
    }),
    defineRoute({
      method: "get",
      path: "/api/never-log-rules/:id",
      tag: "email-log",
      summary: "One never-log rule",
      params: IdParams,
      response: NeverLogRule,
      handler: async ({ params }) => tracking.getRule(params.id),
    }),
    defineRoute({
      method: "delete",
      path: "/api/never-log-rules/:id",
      tag: "email-log",
      summary: "Drop a never-log rule (one's own; the organisation's: admins)",
      authorization: ["never-log:drop", "never-log:organization"],
      params: IdParams,
      response: z.undefined(),
      status: 204,
      handler: async ({ params, user }) => {
        await tracking.removeRule(params.id, user);
        return undefined;
      },
    }),
  ];
}

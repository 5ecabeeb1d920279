import {
  CustomerProfiling,
  IdParams,
  ProfilingAnswersUpdate,
  ProfilingHistory,
  ProfilingHistoryQuery,
  ProfilingSet,
  ProfilingSetCreate,
  ProfilingSetList,
  ProfilingSetUpdate,
  ProfilingSetsQuery,
} from "contract";
import { defineRoute } from "../../http/route";
import type { ProfilingService } from "./profiling.service";

export function profilingRoutes(service: ProfilingService) {
  return [
    defineRoute({
      method: "get",
      path: "/api/profiling/sets",
      tag: "profiling",
      summary: "Active question sets with their questions; admins may include inactive sets and archived questions",
      // Reading is open; includeInactive=true is part of managing the sets.
      authorization: "profiling:manage",
      query: ProfilingSetsQuery,
      response: ProfilingSetList,
      handler: async ({ query, user }) => ({ items: await service.listSets(query.includeInactive === "true", user) }),
    }),
    defineRoute({
      method: "post",
      path: "/api/profiling/sets",
      tag: "profiling",
      summary: "Define a question set with its questions (admin)",
      authorization: "profiling:manage",
      body: ProfilingSetCreate,
      response: ProfilingSet,
      status: 201,
      handler: async ({ body, user }) => service.createSet(body, user),
    }),
    defineRoute({
      method: "patch",
      path: "/api/profiling/sets/:id",
      tag: "profiling",
      summary:
        "Change a question set (admin): name, active, and its questions in their new order (add, edit, archive; never remove)",
      authorization: "profiling:manage",
      params: IdParams,
      body: ProfilingSetUpdate,
      response: ProfilingSet,
      alsoReplies: [409],
      handler: async ({ params, body, user }) => service.updateSet(params.id, body, user),
    }),
    defineRoute({
      method: "get",
      path: "/api/customers/:id/profiling",
      tag: "profiling",
      summary: "A customer's profile: the active sets, their questions and the current answers with who and when",
      params: IdParams,
      response: CustomerProfiling,
      handler: async ({ params }) => service.forCustomer(params.id),
    }),
    defineRoute({
      method: "put",
      path: "/api/customers/:id/profiling/answers",
      tag: "profiling",
      summary: "Answer profiling questions (null clears); unchanged answers are not recorded again",
      authorization: "profiling:answer",
      params: IdParams,
      body: ProfilingAnswersUpdate,
      response: CustomerProfiling,
      handler: async ({ params, body, user }) => service.answer(params.id, body, user),
    }),
    defineRoute({
      method: "get",
      path: "/api/customers/:id/profiling/history",
      tag: "profiling",
      summary: "Every answer the customer gave, newest first (optionally for one question, archived ones too)",
      params: IdParams,
      query: ProfilingHistoryQuery,
      response: ProfilingHistory,
      handler: async ({ params, query }) => service.history(params.id, query.questionId),
    }),
  ];
}

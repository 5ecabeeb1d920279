import { IdParams, TimelinePage, TimelineQuery } from "contract";
import { defineRoute } from "../../http/route";
import type { TimelineService } from "./timeline.service";

export function timelineRoutes(timeline: TimelineService) {
  return [
    defineRoute({
      method: "get",
      path: "/api/customers/:id/timeline",
      tag: "timeline",
      summary:
        "One customer's history and future, latest first: activities, logged emails, notes, quotes, orders, " +
        "lifecycle changes; filter by kind and period, paged",
      params: IdParams,
      query: TimelineQuery,
      response: TimelinePage,
      handler: async ({ params, query }) => timeline.page(params.id, query),
    }),
  ];
}

import { IdParams, TimelinePage, TimelineQuery } from "contract";
import { defineRoute } from "../../http/route";
import { notFound } from "../../shared/app-error";
import type { CustomersRepository } from "../customers/customers.repository";
import type { TimelineRepository } from "./timeline.repository";

export function timelineRoutes(timeline: TimelineRepository, customers: CustomersRepository) {
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
      handler: async ({ params, query }) => {
        if (!(await customers.exists(params.id))) throw notFound("customer", params.id);
        return timeline.page(params.id, query);
      },
    }),
  ];
}

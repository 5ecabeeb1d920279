import { ActivitySeries, IdParams, SeriesCreate, SeriesUpdate } from "contract";
import { defineRoute } from "../../http/route";
import type { ActivitySeriesService } from "./activity-series.service";

export function activitySeriesRoutes(service: ActivitySeriesService) {
  return [
    defineRoute({
      method: "post",
      path: "/api/activity-series",
      tag: "activities",
      summary:
        "Plan a recurring activity (Graph's patternedRecurrence): one series, its occurrences as activities for the sync window, one Outlook series",
      authorization: "activities:create",
      body: SeriesCreate,
      response: ActivitySeries,
      status: 201,
      handler: async ({ body, user }) => service.create(body, user),
    }),
    defineRoute({
      method: "get",
      path: "/api/activity-series/:id",
      tag: "activities",
      summary: "A recurring activity with its occurrences (exceptions and cancelled ones included)",
      params: IdParams,
      response: ActivitySeries,
      handler: async ({ params }) => service.get(params.id),
    }),
    defineRoute({
      method: "patch",
      path: "/api/activity-series/:id",
      tag: "activities",
      summary:
        "Change the whole series (owner, manager or admin); occurrences changed on their own keep their change. For one occurrence, PATCH /api/activities/:id",
      authorization: "activities:change",
      params: IdParams,
      body: SeriesUpdate,
      response: ActivitySeries,
      handler: async ({ params, body, user }) => service.update(params.id, body, user),
    }),
  ];
}

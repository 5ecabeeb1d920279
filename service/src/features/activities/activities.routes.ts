import {
  Activity,
  ActivityCreate,
  ActivityListQuery,
  ActivityPage,
  ActivityUpdate,
  IdParams,
  ReminderList,
  ReminderQuery,
  Template,
  TemplateCreate,
  TemplateList,
  TemplateUpdate,
} from "contract";
import { defineRoute } from "../../http/route";
import { notFound } from "../../shared/app-error";
import type { ActivitiesRepository } from "./activities.repository";
import type { ActivitiesService } from "./activities.service";
import type { TemplatesRepository } from "./templates.repository";

export function activitiesRoutes(
  service: ActivitiesService,
  activities: ActivitiesRepository,
  templates: TemplatesRepository,
) {
  return [
    defineRoute({
      method: "post",
      path: "/api/activities",
      tag: "activities",
      summary: "Plan (or record) an activity; a template fills type, subject, duration and reminder",
      authorization: "activities:create",
      body: ActivityCreate,
      response: Activity,
      status: 201,
      handler: async ({ body, user }) => service.create(body, user),
    }),
    defineRoute({
      method: "get",
      path: "/api/activities",
      tag: "activities",
      summary: "Activities of a customer or contact: future (planned), history (finished, cancelled) or all",
      query: ActivityListQuery,
      response: ActivityPage,
      handler: async ({ query }) => ({ ...(await activities.list(query)), limit: query.limit, offset: query.offset }),
    }),
    defineRoute({
      method: "get",
      path: "/api/activities/:id",
      tag: "activities",
      summary: "One activity with its calendar sync state",
      params: IdParams,
      response: Activity,
      handler: async ({ params }) => service.get(params.id),
    }),
    defineRoute({
      method: "patch",
      path: "/api/activities/:id",
      tag: "activities",
      summary: "Move, finish, cancel or edit an activity (owner, manager or admin)",
      authorization: "activities:change",
      params: IdParams,
      body: ActivityUpdate,
      response: Activity,
      handler: async ({ params, body, user }) => service.update(params.id, body, user),
    }),
    defineRoute({
      method: "post",
      path: "/api/activities/:id/resend-to-outlook",
      tag: "activities",
      summary:
        "Send an activity Outlook refused (sync state FAILED) to Outlook again, as it is now (owner, manager or admin); 409 when it is not FAILED",
      authorization: "activities:change",
      params: IdParams,
      response: Activity,
      handler: async ({ params, user }) => service.resendToOutlook(params.id, user),
    }),
    defineRoute({
      method: "get",
      path: "/api/reminders",
      tag: "activities",
      summary: "The caller's planned activities due on or before a day (default today, in the caller's time zone)",
      query: ReminderQuery,
      response: ReminderList,
      handler: async ({ query, user }) => service.reminders(query, user),
    }),
    defineRoute({
      method: "get",
      path: "/api/templates",
      tag: "templates",
      summary: "Activity templates",
      response: TemplateList,
      handler: async () => ({ items: await templates.list() }),
    }),
    defineRoute({
      method: "post",
      path: "/api/templates",
      tag: "templates",
      summary: "Add an activity template",
      authorization: "templates:manage",
      body: TemplateCreate,
      response: Template,
      status: 201,
      handler: async ({ body, user }) => service.createTemplate(body, user),
    }),
    defineRoute({
      method: "get",
      path: "/api/templates/:id",
      tag: "templates",
      summary: "One activity template",
      params: IdParams,
      response: Template,
      handler: async ({ params }) =>
        (await templates.findById(params.id)) ?? Promise.reject(notFound("activity template", params.id)),
    }),
    defineRoute({
      method: "patch",
      path: "/api/templates/:id",
      tag: "templates",
      summary: "Change an activity template",
      authorization: "templates:manage",
      params: IdParams,
      body: TemplateUpdate,
      response: Template,
      handler: async ({ params, body, user }) => service.updateTemplate(params.id, body, user),
    }),
  ];
}

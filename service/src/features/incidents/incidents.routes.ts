import { CustomerItemsQuery, IdParams, Incident, IncidentCreate, IncidentList, IncidentUpdate } from "contract";
import { defineRoute } from "../../http/route";
import type { IncidentsService } from "./incidents.service";

export function incidentsRoutes(service: IncidentsService) {
  return [
    defineRoute({
      method: "post",
      path: "/api/incidents",
      tag: "incidents",
      summary: "A repair or service case (subject, severity, state) on a customer, optionally for one of its contacts",
      authorization: "incidents:create",
      body: IncidentCreate,
      response: Incident,
      status: 201,
      handler: async ({ body, user }) => service.create(body, user),
    }),
    defineRoute({
      method: "get",
      path: "/api/incidents",
      tag: "incidents",
      summary: "A customer's incidents with their actions: unresolved by severity, then resolved and closed",
      query: CustomerItemsQuery,
      response: IncidentList,
      handler: async ({ query }) => ({ items: await service.list(query.customerId) }),
    }),
    defineRoute({
      method: "get",
      path: "/api/incidents/:id",
      tag: "incidents",
      summary: "One incident with its actions",
      params: IdParams,
      response: Incident,
      handler: async ({ params }) => service.get(params.id),
    }),
    defineRoute({
      method: "patch",
      path: "/api/incidents/:id",
      tag: "incidents",
      summary: "Change an incident (state, severity, owner...); send the version you loaded",
      authorization: "incidents:change",
      params: IdParams,
      body: IncidentUpdate,
      response: Incident,
      handler: async ({ params, body, user }) => service.update(params.id, body, user),
    }),
  ];
}

import {
  CustomerItemsQuery,
  IdParams,
  Opportunity,
  OpportunityCreate,
  OpportunityList,
  OpportunityUpdate,
} from "contract";
import { defineRoute } from "../../http/route";
import type { OpportunitiesService } from "./opportunities.service";

export function opportunitiesRoutes(service: OpportunitiesService) {
  return [
    defineRoute({
      method: "post",
      path: "/api/opportunities",
      tag: "opportunities",
      summary: "An opportunity (title, value and currency, stage, expected close, probability defaulting by stage)",
      authorization: "opportunities:create",
      body: OpportunityCreate,
      response: Opportunity,
      status: 201,
      handler: async ({ body, user }) => service.create(body, user),
    }),
    defineRoute({
      method: "get",
      path: "/api/opportunities",
      tag: "opportunities",
      summary: "A customer's opportunities with their actions: open ones by expected close, then won and lost",
      query: CustomerItemsQuery,
      response: OpportunityList,
      handler: async ({ query }) => ({ items: await service.list(query.customerId) }),
    }),
    defineRoute({
      method: "get",
      path: "/api/opportunities/:id",
      tag: "opportunities",
      summary: "One opportunity with its actions",
      params: IdParams,
      response: Opportunity,
      handler: async ({ params }) => service.get(params.id),
    }),
    defineRoute({
      method: "patch",
      path: "/api/opportunities/:id",
      tag: "opportunities",
      summary: "Change an opportunity (WON and LOST set the probability to 100 and 0 unless given); send the version",
      authorization: "opportunities:change",
      params: IdParams,
      body: OpportunityUpdate,
      response: Opportunity,
      handler: async ({ params, body, user }) => service.update(params.id, body, user),
    }),
  ];
}

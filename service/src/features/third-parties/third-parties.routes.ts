import { IdParams, ThirdParty, ThirdPartyCreate, ThirdPartyList, ThirdPartyUpdate } from "contract";
import { defineRoute } from "../../http/route";
import { z } from "zod";
import type { ThirdPartiesService } from "./third-parties.service";

export function thirdPartiesRoutes(service: ThirdPartiesService) {
  return [
    defineRoute({
      method: "get",
      path: "/api/customers/:id/third-parties",
      tag: "third parties",
      summary: "A customer's third parties (by role, then name)",
      params: IdParams,
      response: ThirdPartyList,
      handler: async ({ params }) => ({ items: await service.list(params.id) }),
    }),
    defineRoute({
      method: "post",
      path: "/api/customers/:id/third-parties",
      tag: "third parties",
      summary: "Add a third party (name and role mandatory; contract number and period optional)",
      authorization: "third-parties:write",
      params: IdParams,
      body: ThirdPartyCreate,
      response: ThirdParty,
      status: 201,
      handler: async ({ params, body, user }) => service.create(params.id, body, user.id),
    }),
    defineRoute({
      method: "patch",
      path: "/api/third-parties/:id",
      tag: "third parties",
      summary: "Change a third party; send the version you loaded",
      authorization: "third-parties:write",
      params: IdParams,
      body: ThirdPartyUpdate,
      response: ThirdParty,
      handler: async ({ params, body }) => service.update(params.id, body),
    }),
    defineRoute({
      method: "delete",
      path: "/api/third-parties/:id",
      tag: "third parties",
      summary: "Remove a third party",
      authorization: "third-parties:write",
      params: IdParams,
      response: z.undefined(),
      status: 204,
      handler: async ({ params }) => {
        await service.delete(params.id);
        return undefined;
      },
    }),
  ];
}

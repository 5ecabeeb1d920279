import { CustomerType, CustomerTypeCreate, CustomerTypeList, IdParams } from "contract";
import { defineRoute } from "../../http/route";
import type { TypesService } from "./types.service";

export function typesRoutes(types: TypesService) {
  return [
    defineRoute({
      method: "get",
      path: "/api/types",
      tag: "types",
      summary: "All customer types with how many customers carry each",
      response: CustomerTypeList,
      handler: async () => ({ items: await types.list() }),
    }),
    defineRoute({
      method: "post",
      path: "/api/types",
      tag: "types",
      summary: "Add a customer type",
      authorization: "types:manage",
      body: CustomerTypeCreate,
      response: CustomerType,
      status: 201,
      handler: async ({ body, user }) => types.create(body.name, user),
    }),
    defineRoute({
      method: "patch",
      path: "/api/types/:id",
      tag: "types",
      summary: "Rename a customer type",
      authorization: "types:manage",
      params: IdParams,
      body: CustomerTypeCreate,
      response: CustomerType,
      handler: async ({ params, body, user }) => types.rename(params.id, body.name, user),
    }),
  ];
}

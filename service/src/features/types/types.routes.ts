import { CustomerType, CustomerTypeCreate, CustomerTypeList, IdParams } from "../../../../contract";
import { defineRoute } from "../../http/route";
import { notFound } from "../../shared/app-error";
import type { TypesRepository } from "./types.repository";

/** Customer types are a curated list: everyone reads it, managers and admins maintain it. */
export function typesRoutes(types: TypesRepository) {
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
      permission: "types:manage",
      body: CustomerTypeCreate,
      response: CustomerType,
      status: 201,
      handler: async ({ body }) => types.create(body.name),
    }),
    defineRoute({
      method: "patch",
      path: "/api/types/:id",
      tag: "types",
      summary: "Rename a customer type",
      permission: "types:manage",
      params: IdParams,
      body: CustomerTypeCreate,
      response: CustomerType,
      handler: async ({ params, body }) =>
        (await types.rename(params.id, body.name)) ?? Promise.reject(notFound("customer type", params.id)),
    }),
  ];
}

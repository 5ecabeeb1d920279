import { z } from "zod";
import { IdParams, SpecialPrice, SpecialPriceCreate, SpecialPriceList, SpecialPriceUpdate } from "contract";
import { defineRoute } from "../../http/route";
import type { SpecialPricesService } from "./special-prices.service";

const TAG = "special prices";

export function specialPricesRoutes(service: SpecialPricesService) {
  return [
    defineRoute({
      method: "get",
      path: "/api/customers/:id/special-prices",
      tag: TAG,
      summary: "A customer's special prices (by item, then currency)",
      params: IdParams,
      response: SpecialPriceList,
      handler: async ({ params }) => ({ items: await service.list(params.id) }),
    }),
    defineRoute({
      method: "post",
      path: "/api/customers/:id/special-prices",
      tag: TAG,
      summary: "Agree a price for an item and currency (managers and admins); 409 when one exists already",
      authorization: "prices:manage",
      params: IdParams,
      body: SpecialPriceCreate,
      response: SpecialPrice,
      status: 201,
      handler: async ({ params, body, user }) => service.create(params.id, body, user),
    }),
    defineRoute({
      method: "patch",
      path: "/api/special-prices/:id",
      tag: TAG,
      summary: "Change a special price (managers and admins); send the version you loaded",
      authorization: "prices:manage",
      params: IdParams,
      body: SpecialPriceUpdate,
      response: SpecialPrice,
      handler: async ({ params, body, user }) => service.update(params.id, body, user),
    }),
    defineRoute({
      method: "delete",
      path: "/api/special-prices/:id",
      tag: TAG,
      summary: "Remove a special price (managers and admins)",
      authorization: "prices:manage",
      params: IdParams,
      response: z.undefined(),
      status: 204,
      handler: async ({ params, user }) => {
        await service.delete(params.id, user);
        return undefined;
      },
    }),
  ];
}

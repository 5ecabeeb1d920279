import { IdParams, ShipTo, ShipToCreate, ShipToList, ShipToUpdate } from "contract";
import { defineRoute } from "../../http/route";
import { notFound } from "../../shared/app-error";
import { z } from "zod";
import type { CustomersRepository } from "../customers/customers.repository";
import type { ShipToRepository } from "./ship-to.repository";

// Plain CRUD without rules beyond the contract's mandatory fields: no service layer in between.
export function shipToRoutes(shipTo: ShipToRepository, customers: CustomersRepository) {
  const requireCustomer = async (id: string) => {
    if (!(await customers.exists(id))) throw notFound("customer", id);
  };
  return [
    defineRoute({
      method: "get",
      path: "/api/customers/:id/ship-to",
      tag: "ship-to addresses",
      summary: "A customer's ship-to addresses",
      params: IdParams,
      response: ShipToList,
      handler: async ({ params }) => {
        await requireCustomer(params.id);
        return { items: await shipTo.listForCustomer(params.id) };
      },
    }),
    defineRoute({
      method: "post",
      path: "/api/customers/:id/ship-to",
      tag: "ship-to addresses",
      summary: "Add a ship-to address (street, postal code, city and country mandatory)",
      authorization: "ship-to:write",
      params: IdParams,
      body: ShipToCreate,
      response: ShipTo,
      status: 201,
      handler: async ({ params, body }) => {
        await requireCustomer(params.id);
        return shipTo.create(params.id, body);
      },
    }),
    defineRoute({
      method: "patch",
      path: "/api/ship-to/:id",
      tag: "ship-to addresses",
      summary: "Change a ship-to address (only the fields given)",
      authorization: "ship-to:write",
      params: IdParams,
      body: ShipToUpdate,
      response: ShipTo,
      handler: async ({ params, body }) =>
        (await shipTo.update(params.id, body)) ?? Promise.reject(notFound("ship-to address", params.id)),
    }),
    defineRoute({
      method: "delete",
      path: "/api/ship-to/:id",
      tag: "ship-to addresses",
      summary: "Remove a ship-to address",
      authorization: "ship-to:write",
      params: IdParams,
      response: z.undefined(),
      status: 204,
      handler: async ({ params }) => {
        if (!(await shipTo.delete(params.id))) throw notFound("ship-to address", params.id);
        return undefined;
      },
    }),
  ];
}

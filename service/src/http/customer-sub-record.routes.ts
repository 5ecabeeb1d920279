import { IdParams } from "contract";
import { z } from "zod";
import type { CustomerSubRecordService } from "../shared/customer-sub-record.service";
import { type AnyRoute, defineRoute } from "./route";

/**
 * The four routes of a customer's sub-record (see shared/customer-sub-record.service.ts): list and add
 * under the customer, GET and POST /api/customers/:id/<collection>; change and remove where it lives,
 * PATCH and DELETE /api/<collection>/:id. The permissions they document are the ones the service enforces.
 */
export function customerSubRecordRoutes<Create, Update, Query>(
  service: CustomerSubRecordService<unknown, Create, Update, Query, unknown>,
  spec: {
    /** The path segment, e.g. "special-prices". */
    collection: string;
    tag: string;
    schemas: {
      item: z.ZodType;
      list: z.ZodType;
      create: z.ZodType<Create>;
      update: z.ZodType<Update>;
      /** Paging, where the list is paged. */
      listQuery?: z.ZodType<Query>;
    };
    summaries: { list: string; create: string; update: string; delete: string };
  },
): AnyRoute[] {
  const { collection, tag, schemas, summaries } = spec;
  const { permissions } = service;
  return [
    defineRoute({
      method: "get",
      path: `/api/customers/:id/${collection}`,
      tag,
      summary: summaries.list,
      params: IdParams,
      query: schemas.listQuery,
      response: schemas.list,
      handler: async ({ params, query }) => service.list(params.id, query as Query),
    }),
    defineRoute({
      method: "post",
      path: `/api/customers/:id/${collection}`,
      tag,
      summary: summaries.create,
      authorization: permissions.create,
      params: IdParams,
      body: schemas.create,
      response: schemas.item,
      status: 201,
      handler: async ({ params, body, user }) => service.create(params.id, body, user),
    }),
    defineRoute({
      method: "patch",
      path: `/api/${collection}/:id`,
      tag,
      summary: summaries.update,
      authorization: permissions.change,
      params: IdParams,
      body: schemas.update,
      response: schemas.item,
      handler: async ({ params, body, user }) => service.update(params.id, body, user),
    }),
    defineRoute({
      method: "delete",
      path: `/api/${collection}/:id`,
      tag,
      summary: summaries.delete,
      authorization: permissions.change,
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

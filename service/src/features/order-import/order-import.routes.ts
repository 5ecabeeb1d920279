import { IdParams, OrderImportRequest, OrderImportResult } from "contract";
import { type AnyRoute, Reply, defineRoute } from "../../http/route";
import type { OrderImportService } from "./order-import.service";

export function orderImportRoutes(service: OrderImportService): AnyRoute[] {
  return [
    defineRoute({
      method: "post",
      path: "/api/customers/:id/order-imports",
      tag: "quotes and orders",
      summary:
        "Import a sales order from the customer's CSV or XML file (docs/order-import.md). dryRun (the default) " +
        "answers 200 with every line priced or every line's error and writes nothing; a real run answers 201 " +
        "with the order, or 400 naming each file line's field and writes nothing; a file or customer order " +
        "reference imported before answers 200, status duplicate, with that order. Its salesmen and managers",
      authorization: "orders:import",
      params: IdParams,
      body: OrderImportRequest,
      response: OrderImportResult,
      status: 201,
      handler: async ({ params, body, user }) => {
        const result = await service.run(params.id, body, user);
        return new Reply(result.status === "created" ? 201 : 200, result);
      },
    }),
  ];
}

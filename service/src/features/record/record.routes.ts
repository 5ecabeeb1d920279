import { CustomerRecord, IdParams } from "contract";
import { defineRoute } from "../../http/route";
import type { RecordService } from "./record.service";

export function recordRoutes(records: RecordService) {
  return [
    defineRoute({
      method: "get",
      path: "/api/customers/:id",
      tag: "customers",
      summary:
        "The whole record the task pane shows: customer, contacts, activities, notes, e-mail log count, lifecycle",
      params: IdParams,
      response: CustomerRecord,
      handler: async ({ params, user }) => records.get(params.id, user),
    }),
  ];
}

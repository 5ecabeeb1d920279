import { IdParams, LoanerReturnCreate, LoanerReturned } from "contract";
import { defineRoute } from "../../http/route";
import type { LoanersService } from "./loaners.service";

export function loanersRoutes(service: LoanersService) {
  return [
    defineRoute({
      method: "post",
      path: "/api/orders/:id/return",
      tag: "quotes and orders",
      summary:
        "Take an open loaner back: records the day and remark, closes the order and its overdue reminder task " +
        "(cancelled when back by the due day, finished when late); sent again, it answers the same return. " +
        "409 for a standard or cancelled order",
      authorization: "orders:change",
      params: IdParams,
      body: LoanerReturnCreate,
      response: LoanerReturned,
      handler: async ({ params, body, user }) => service.returnLoaner(params.id, body, user),
    }),
  ];
}

import {
  IdParams,
  PaymentAgreement,
  PaymentAgreementCreate,
  PaymentAgreementDecision,
  PaymentAgreementList,
  PaymentCreate,
} from "contract";
import { defineRoute } from "../../http/route";
import type { PaymentsService } from "./payments.service";

export function paymentsRoutes(service: PaymentsService) {
  return [
    defineRoute({
      method: "get",
      path: "/api/customers/:id/payment-agreements",
      tag: "payments",
      summary: "A customer's payment agreements, newest first, each with its remaining amount and latest payments",
      params: IdParams,
      response: PaymentAgreementList,
      handler: async ({ params }) => service.list(params.id),
    }),
    defineRoute({
      method: "post",
      path: "/api/customers/:id/payment-agreements",
      tag: "payments",
      summary: "Propose an agreement for payments to the customer (a fee, a rebate): amount, currency, period, purpose",
      authorization: "payments:propose",
      params: IdParams,
      body: PaymentAgreementCreate,
      response: PaymentAgreement,
      status: 201,
      handler: async ({ params, body, user }) => service.propose(params.id, body, user),
    }),
    defineRoute({
      method: "post",
      path: "/api/payment-agreements/:id/decision",
      tag: "payments",
      summary: "Approve or reject a proposed payment agreement (managers and admins); 409 once decided",
      authorization: "payments:approve",
      params: IdParams,
      body: PaymentAgreementDecision,
      response: PaymentAgreement,
      handler: async ({ params, body, user }) => service.decide(params.id, body, user),
    }),
    defineRoute({
      method: "post",
      path: "/api/payment-agreements/:id/payments",
      tag: "payments",
      summary:
        "Record a payment against an approved agreement, in its currency; 409 when it is not approved or the amount is more than remains",
      authorization: "payments:record",
      params: IdParams,
      body: PaymentCreate,
      response: PaymentAgreement,
      status: 201,
      handler: async ({ params, body, user }) => service.pay(params.id, body, user),
    }),
  ];
}

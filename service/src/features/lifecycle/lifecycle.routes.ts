import {
  Customer,
  IdParams,
  LifecycleApprove,
  LifecycleDecline,
  LifecycleRelease,
  LifecycleResult,
  LifecycleSection,
  SalesmenUpdate,
} from "contract";
import { defineRoute } from "../../http/route";
import type { CustomersService } from "../customers/customers.service";
import type { LifecycleService } from "./lifecycle.service";

export function lifecycleRoutes(lifecycle: LifecycleService, customers: CustomersService) {
  return [
    defineRoute({
      method: "get",
      path: "/api/customers/:id/lifecycle",
      tag: "lifecycle",
      summary: "Lifecycle state, the transitions the caller may perform now, and every transition so far",
      params: IdParams,
      response: LifecycleSection,
      handler: async ({ params, user }) => lifecycle.section(await customers.get(params.id), user),
    }),
    defineRoute({
      method: "post",
      path: "/api/customers/:id/release",
      tag: "lifecycle",
      summary: "NEW → RELEASED (a salesman linked to the customer, a manager or an admin); 409 from any other state",
      authorization: "customers:release",
      params: IdParams,
      body: LifecycleRelease,
      response: LifecycleResult,
      handler: async ({ params, body, user }) => lifecycle.perform(params.id, "RELEASE", body, user),
    }),
    defineRoute({
      method: "post",
      path: "/api/customers/:id/approve",
      tag: "lifecycle",
      summary: "RELEASED → ACTIVE (manager or admin); 409 from any other state",
      authorization: "customers:approve",
      params: IdParams,
      body: LifecycleApprove,
      response: LifecycleResult,
      handler: async ({ params, body, user }) => lifecycle.perform(params.id, "APPROVE", body, user),
    }),
    defineRoute({
      method: "post",
      path: "/api/customers/:id/decline",
      tag: "lifecycle",
      summary: "RELEASED → back to NEW with a mandatory reason (manager or admin); 409 from any other state",
      authorization: "customers:approve",
      params: IdParams,
      body: LifecycleDecline,
      response: LifecycleResult,
      handler: async ({ params, body, user }) => lifecycle.perform(params.id, "DECLINE", body, user),
    }),
    defineRoute({
      method: "put",
      path: "/api/customers/:id/salesmen",
      tag: "customers",
      summary:
        "Replace the set of salesmen (users) linked to a customer (a linked salesman, a manager or an admin); send the version you loaded",
      authorization: "customers:salesmen",
      params: IdParams,
      body: SalesmenUpdate,
      response: Customer,
      handler: async ({ params, body, user }) =>
        customers.setSalesmen(params.id, { version: body.version, salesmanIds: body.salesmanIds }, user),
    }),
  ];
}

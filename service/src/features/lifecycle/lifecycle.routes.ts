import {
  IdParams,
  LifecycleApprove,
  LifecycleDecline,
  LifecycleRelease,
  LifecycleResult,
  LifecycleSection,
} from "contract";
import { defineRoute } from "../../http/route";
import type { LifecycleService } from "./lifecycle.service";

export function lifecycleRoutes(lifecycle: LifecycleService) {
  return [
    defineRoute({
      method: "get",
      path: "/api/customers/:id/lifecycle",
      tag: "lifecycle",
      summary: "Lifecycle state, the transitions the caller may perform now, and every transition so far",
      params: IdParams,
      response: LifecycleSection,
      handler: async ({ params, user }) => lifecycle.sectionOf(params.id, user),
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
  ];
}

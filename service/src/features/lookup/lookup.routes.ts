import { LookupQuery, LookupResult } from "contract";
import { defineRoute } from "../../http/route";
import type { LookupService } from "./lookup.service";

export function lookupRoutes(lookup: LookupService) {
  return [
    defineRoute({
      method: "get",
      path: "/api/lookup",
      tag: "lookup",
      summary:
        "Contacts and customers behind email addresses (?email=a@x.com&email=b@y.com); with include=record, the one customer's whole record as GET /api/customers/:id gives it",
      query: LookupQuery,
      response: LookupResult,
      handler: async ({ query, user }) => lookup.lookup(query.email, user, query.include),
    }),
  ];
}

import { ConsentRecordCreate, ConsentView, IdParams } from "contract";
import { defineRoute } from "../../http/route";
import type { ConsentService } from "./consent.service";

export function consentRoutes(service: ConsentService) {
  return [
    defineRoute({
      method: "get",
      path: "/api/contacts/:id/consent",
      tag: "consent",
      summary: "Marketing consent per channel (email, phone, post): current state and every entry, newest first",
      params: IdParams,
      response: ConsentView,
      handler: async ({ params }) => service.view(params.id),
    }),
    defineRoute({
      method: "post",
      path: "/api/contacts/:id/consent",
      tag: "consent",
      summary: "Record that a contact gave or withdrew consent on a channel, with source and day (kept for GDPR)",
      authorization: "consent:record",
      params: IdParams,
      body: ConsentRecordCreate,
      response: ConsentView,
      status: 201,
      handler: async ({ params, body, user }) => service.record(params.id, body, user),
    }),
  ];
}

import { ColdCallCreate, ColdCallResult } from "contract";
import { defineRoute } from "../../http/route";
import type { ColdCallsService } from "./cold-calls.service";

export function coldCallsRoutes(service: ColdCallsService) {
  return [
    defineRoute({
      method: "post",
      path: "/api/cold-calls",
      tag: "activities",
      summary: "A cold call in one step: a finished CALL with its outcome, and optionally a planned follow-up",
      authorization: "activities:create",
      body: ColdCallCreate,
      response: ColdCallResult,
      status: 201,
      handler: async ({ body, user }) => service.record(body, user),
    }),
  ];
}

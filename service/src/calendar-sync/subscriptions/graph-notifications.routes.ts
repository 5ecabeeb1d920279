import express, { Router } from "express";
import { z } from "zod";
import type { DescribedOperation } from "../../http/openapi";
import { contentEncodingGuard, requireJsonBody } from "../../http/request-body";
import { validationError } from "../../http/route";
import { AppError } from "../../shared/app-error";
import { GraphNotificationCollection, type GraphNotification } from "./graph-notification.schema";

/** Where Graph sends change and lifecycle notifications (SYNC_NOTIFICATION_URL names it publicly). */
export const NOTIFICATION_PATH = "/api/graph/notifications";

/** Graph's validation tokens are short opaque strings; anything far longer is not from Graph. */
const MAX_VALIDATION_TOKEN = 1_024;
/** A notification collection without resource data is a few hundred bytes per item. */
const MAX_BODY = "256kb";

/**
 * POST /api/graph/notifications, outside the authenticated pipeline on purpose: Microsoft Graph
 * calls it without a bearer token. What authenticates a notification is the clientState secret of
 * the subscription it names (checked in constant time against its stored hash); the per-address rate
 * limit in front of it bounds the rate, and the body is bounded here. It never acts on what the body
 * says changed: an accepted notification only asks for that user's delta pull, folded with others.
 *
 * - `?validationToken=…`: Graph checking the URL while a subscription is created; the token goes
 *   back as text/plain with 200 within 10 seconds
 *   (https://learn.microsoft.com/en-us/graph/change-notifications-delivery-webhooks#notificationurl-validation).
 * - Otherwise a changeNotificationCollection: 202 as soon as it is recorded (Graph wants an answer
 *   within 3 seconds and retries otherwise), whether or not its clientStates matched, so a caller
 *   learns nothing from the answer.
 */
export function graphNotificationRoutes(receive: (items: GraphNotification[]) => Promise<void>): Router {
  const router = Router();
  // Mounted at NOTIFICATION_PATH (createApp): a request elsewhere never enters this router.
  router.post(
    "/",
    (request, response, next) => {
      const token = request.query.validationToken;
      if (token === undefined) return next();
      if (typeof token !== "string" || token.length === 0 || token.length > MAX_VALIDATION_TOKEN)
        throw new AppError("bad_request", "validationToken must be one non-empty string", [
          { field: "query.validationToken", message: `must be one string of 1 to ${MAX_VALIDATION_TOKEN} characters` },
        ]);
      response.status(200).type("text/plain").send(token);
    },
    contentEncodingGuard,
    (request, _response, next) => {
      requireJsonBody(request);
      next();
    },
    express.json({ limit: MAX_BODY }),
    async (request, response) => {
      const parsed = GraphNotificationCollection.safeParse(request.body);
      if (!parsed.success) throw validationError("body", parsed.error);
      await receive(parsed.data.value);
      response.status(202).end();
    },
  );
  return router;
}

/** The endpoint as the OpenAPI document shows it: no bearer token (see graphNotificationRoutes). */
export const graphNotificationOperation: DescribedOperation = {
  method: "post",
  path: NOTIFICATION_PATH,
  tag: "calendar-sync",
  summary: "Microsoft Graph's change and lifecycle notifications (and its validation request) for the calendar sync",
  description:
    "Called by Microsoft Graph, not by clients: no bearer token. With ?validationToken= it answers the token as text/plain (Graph validating the URL); otherwise it takes a changeNotificationCollection, authenticated per item by the subscription's clientState, answers 202 and pulls that user's calendar.",
  query: z.object({ validationToken: z.string().max(MAX_VALIDATION_TOKEN).optional() }),
  body: GraphNotificationCollection,
  response: z.string(),
  status: 202,
  anonymous: true,
};

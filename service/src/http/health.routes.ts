import type { RequestListener, ServerResponse } from "node:http";
import { Router } from "express";
import { z } from "zod";
import type { ErrorBody } from "contract";
import type { DescribedOperation } from "./openapi";

export type Readiness = { ready: true; database: string; migrations: number } | { ready: false; reason: string };

/** Seconds a client (or a load balancer) should wait before asking again. */
export const RETRY_AFTER_SECONDS = 5;

/** Where createApp mounts the health routes: a request elsewhere never enters their router. */
export const HEALTH_PATH = "/api/health";

/**
 * GET /api/health/live: the process answers (restart it if not). GET /api/health/ready and
 * GET /api/health: the database answers in time and has every migration applied (send no traffic
 * if not: 503 with the reason and Retry-After). No authentication, no data.
 */
export function healthRoutes(readiness: () => Promise<Readiness>): Router {
  const router = Router();
  router.get("/live", (_request, response) => {
    response.json({ status: "ok" });
  });
  router.get(["/", "/ready"], async (_request, response) => {
    sendReadiness(response, await readiness());
  });
  return router;
}

const Live = z.object({ status: z.literal("ok") });
const Ready = z.object({ status: z.literal("ok"), database: z.string(), migrations: z.number().int() });
const NotReady = z.object({ status: z.literal("unavailable"), reason: z.string() });
const readinessReplies = {
  503: {
    description: "Not ready (the database does not answer, or the service starts or stops)",
    schema: NotReady,
    retryAfter: true,
  },
};

/** The health routes as the OpenAPI document shows them: no token, before every limit. */
export const healthOperations: DescribedOperation[] = [
  {
    method: "get",
    path: "/api/health/live",
    tag: "health",
    summary: "Liveness: the process answers (restart it if not)",
    response: Live,
    anonymous: true,
    bare: true,
  },
  ...(["/api/health/ready", "/api/health"] as const).map((path): DescribedOperation => ({
    method: "get",
    path,
    tag: "health",
    summary: "Readiness: the database answers in time and has every migration applied (send no traffic if not)",
    response: Ready,
    anonymous: true,
    bare: true,
    replies: readinessReplies,
  })),
];

function sendReadiness(response: ServerResponse, readiness: Readiness): void {
  const body = readiness.ready
    ? { status: "ok", database: readiness.database, migrations: readiness.migrations }
    : { status: "unavailable", reason: readiness.reason };
  if (!readiness.ready) response.setHeader("Retry-After", String(RETRY_AFTER_SECONDS));
  response.statusCode = readiness.ready ? 200 : 503;
  response.setHeader("Content-Type", "application/json; charset=utf-8");
  response.setHeader("Cache-Control", "no-store");
  response.end(JSON.stringify(body));
}

/**
 * Answers while the service starts (the database is not reachable yet, or migrations run): alive,
 * not ready, and every API call a 503 that says so.
 */
export function startingHandler(reason: () => string): RequestListener {
  return (request, response) => {
    const path = (request.url ?? "").split("?")[0];
    if (path === "/api/health/live") {
      response.setHeader("Content-Type", "application/json; charset=utf-8");
      response.end(JSON.stringify({ status: "ok" }));
      return;
    }
    if (path === "/api/health" || path === "/api/health/ready") {
      sendReadiness(response, { ready: false, reason: reason() });
      return;
    }
    const body: ErrorBody = {
      error: {
        code: "unavailable",
        message: `The service is starting (${reason()}); nothing was changed. Try again shortly.`,
      },
    };
    response.statusCode = 503;
    response.setHeader("Retry-After", String(RETRY_AFTER_SECONDS));
    response.setHeader("Content-Type", "application/json; charset=utf-8");
    response.end(JSON.stringify(body));
  };
}

import { type Request, type RequestHandler, Router, json } from "express";
import { z } from "zod";
import { Email, Role } from "contract";
import type { DescribedOperation } from "../http/openapi";
import { AppError } from "../shared/app-error";
import { loadOrCreateDevKeys, signDevToken } from "./dev-issuer";

const DevTokenRequest = z.object({ email: Email, role: Role.default("SALESMAN") });
const DevToken = z.object({ token: z.string(), expiresIn: z.number().int() });

const LOOPBACK = /^(?:127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;
const FORWARDING_HEADERS = ["forwarded", "x-forwarded-for", "x-real-ip"];

/**
 * A caller on this machine: the socket's own peer address, never a header a client can write. A
 * request a proxy forwarded is not local even when the proxy is (its caller may be anyone).
 */
export function isLocalCaller(request: Request): boolean {
  return (
    LOOPBACK.test(request.socket.remoteAddress ?? "") && !FORWARDING_HEADERS.some((name) => name in request.headers)
  );
}

const localCallersOnly: RequestHandler = (request, _response, next) => {
  if (isLocalCaller(request)) return next();
  throw new AppError(
    "forbidden",
    "The development sign-in answers only on the machine the service runs on; sign in with Entra ID " +
      "(AUTH_TENANT_ID, AUTH_AUDIENCE) for anyone else",
  );
};

/** Where createApp mounts the route: a request elsewhere never enters its router. */
export const DEV_TOKEN_PATH = "/api/dev/token";

/** The route as the OpenAPI document shows it (only while the development issuer is on). */
export const devTokenOperation: DescribedOperation = {
  method: "post",
  path: DEV_TOKEN_PATH,
  tag: "development",
  summary: "A development token for a user (development issuer only, callers on this machine only)",
  description:
    "Only while the service runs with the development issuer (no AUTH_TENANT_ID): the demo host and a sideloaded pane sign in with it. Callers on other machines, or through a proxy, get 403; with Entra ID the route does not exist.",
  body: DevTokenRequest,
  response: DevToken,
  anonymous: true,
  alsoReplies: [403],
};

/**
 * POST /api/dev/token {email, role?} → {token}: lets the demo host and a sideloaded pane sign in
 * against a local service. createApp mounts it only with the development issuer, never with Entra ID,
 * and it answers callers on this machine only: anyone else could sign in as anyone, admin included.
 */
export function devTokenRoutes(
  dataDir: string,
  rateLimit: RequestHandler = (_request, _response, next) => next(),
): Router {
  const router = Router();
  router.post("/", localCallersOnly, rateLimit, json(), async (request, response) => {
    const parsed = DevTokenRequest.safeParse(request.body ?? {});
    if (!parsed.success)
      throw new AppError(
        "bad_request",
        "Give the email of the user to sign in as",
        parsed.error.issues.map((issue) => ({ field: `body.${issue.path.join(".")}`, message: issue.message })),
      );
    const keys = await loadOrCreateDevKeys(dataDir);
    const reply: z.input<typeof DevToken> = { token: await signDevToken(keys, parsed.data), expiresIn: 8 * 3600 };
    response.json(reply);
  });
  return router;
}

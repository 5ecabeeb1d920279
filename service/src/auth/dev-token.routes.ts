import { Router, json } from "express";
import { z } from "zod";
import { Email, Role } from "../../../contract";
import { AppError } from "../shared/app-error";
import { loadOrCreateDevKeys, signDevToken } from "./dev-issuer";

const DevTokenRequest = z.object({ email: Email, role: Role.default("SALESMAN") });

/**
 * POST /api/dev/token {email, role?} → {token}: lets the demo host and a sideloaded pane sign in
 * against a local service. createApp mounts it only with the development issuer, never with Entra ID.
 */
export function devTokenRoutes(dataDir: string): Router {
  const router = Router();
  router.post("/api/dev/token", json(), async (request, response) => {
    const parsed = DevTokenRequest.safeParse(request.body ?? {});
    if (!parsed.success)
      throw new AppError(
        "bad_request",
        "Give the email of the user to sign in as",
        parsed.error.issues.map((issue) => ({ field: `body.${issue.path.join(".")}`, message: issue.message })),
      );
    const keys = await loadOrCreateDevKeys(dataDir);
    response.json({ token: await signDevToken(keys, parsed.data), expiresIn: 8 * 3600 });
  });
  return router;
}

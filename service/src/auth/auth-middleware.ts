import type { RequestHandler } from "express";
import { AppError } from "../shared/app-error";
import type { UsersRepository } from "../features/users/users.repository";
import type { CurrentUser } from "./current-user";
import type { TokenVerifier } from "./token-verifier";

// Users are created on first sight and refreshed at most this often, not on every request.
const REFRESH_MS = 5 * 60_000;
const CACHE_LIMIT = 10_000;

/** Requires `Authorization: Bearer <JWT>`, verifies it and puts the caller in response.locals.user. */
export function authMiddleware(verify: TokenVerifier, users: UsersRepository): RequestHandler {
  const seen = new Map<string, { user: CurrentUser; at: number }>();
  return async (request, response, next) => {
    const header = request.headers.authorization ?? "";
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new AppError("unauthenticated", "Sign in: this request needs an Authorization: Bearer token");
    const identity = await verify(match[1]!);
    const cached = seen.get(identity.oid);
    const fresh = cached && Date.now() - cached.at < REFRESH_MS && cached.user.role === identity.role;
    const user = fresh ? cached.user : await users.upsertFromToken(identity);
    if (!fresh) {
      if (seen.size >= CACHE_LIMIT) seen.clear();
      seen.set(identity.oid, { user, at: Date.now() });
    }
    response.locals.user = user;
    next();
  };
}

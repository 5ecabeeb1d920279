import type { RequestHandler } from "express";
import { AppError } from "../shared/app-error";
import type { CurrentUser, TokenIdentity } from "./current-user";
import type { TokenVerifier } from "./token-verifier";

// Users are created on first sight and refreshed at most this often, not on every request.
const REFRESH_MS = 5 * 60_000;
const CACHE_LIMIT = 10_000;

/** What the middleware asks of the users feature: the user behind a verified token, created on first sight. */
export interface TokenUsers {
  upsertFromToken(identity: TokenIdentity): Promise<CurrentUser>;
}

/**
 * Users this replica has seen recently. A change to a user through this replica forgets them at once;
 * other replicas pick it up within REFRESH_MS.
 */
export class SeenUsers {
  private readonly entries = new Map<string, { user: CurrentUser; at: number }>();

  get(oid: string, role: CurrentUser["role"]): CurrentUser | undefined {
    const entry = this.entries.get(oid);
    return entry && Date.now() - entry.at < REFRESH_MS && entry.user.role === role ? entry.user : undefined;
  }

  remember(user: CurrentUser): void {
    if (this.entries.size >= CACHE_LIMIT) this.entries.clear();
    this.entries.set(user.oid, { user, at: Date.now() });
  }

  forget(oid: string): void {
    this.entries.delete(oid);
  }
}

/**
 * Requires `Authorization: Bearer <JWT>`, verifies it and puts the caller in response.locals.user.
 * `onNewToken` hears of each token the first time this replica sees it (not awaited).
 */
export function authMiddleware(
  verify: TokenVerifier,
  users: TokenUsers,
  seen: SeenUsers,
  onNewToken: (user: CurrentUser, token: string) => void = () => undefined,
): RequestHandler {
  const knownTokens = new Set<string>();
  return async (request, response, next) => {
    const header = request.headers.authorization ?? "";
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new AppError("unauthenticated", "Sign in: this request needs an Authorization: Bearer token");
    const token = match[1]!;
    const identity = await verify(token);
    let user = seen.get(identity.oid, identity.role);
    if (!user) {
      user = await users.upsertFromToken(identity);
      seen.remember(user);
    }
    response.locals.user = user;
    if (!knownTokens.has(token)) {
      if (knownTokens.size >= CACHE_LIMIT) knownTokens.clear();
      knownTokens.add(token);
      onNewToken(user, token);
    }
    next();
  };
}

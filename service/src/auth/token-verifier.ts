import { type JWTPayload, type JWTVerifyGetKey, createLocalJWKSet, createRemoteJWKSet, jwtVerify } from "jose";
import type { Role } from "contract";
import type { Config } from "../config";
import { AppError } from "../shared/app-error";
import type { TokenIdentity } from "./current-user";
import { DEV_AUDIENCE, DEV_ISSUER, DEV_SCOPE, DEV_TENANT, loadOrCreateDevKeys } from "./dev-issuer";
import { MAX_TOKEN_LIFETIME_SECONDS, tokenLifetimeSeconds } from "./token-lifetime";

export type TokenVerifier = (token: string) => Promise<TokenIdentity>;

interface Expectations {
  keys: JWTVerifyGetKey;
  issuer: string;
  audience: string;
  scope: string;
  tenantId: string;
}

/** Entra ID in production; the development issuer only when no production auth is configured. */
export async function createTokenVerifier(config: Config): Promise<TokenVerifier> {
  if (config.auth.mode === "entra") {
    const { jwksUri, issuer, audience, scope, tenantId } = config.auth;
    return verifierFor({ keys: createRemoteJWKSet(new URL(jwksUri)), issuer, audience, scope, tenantId });
  }
  // loadConfig already refuses this; a hand-made Config must not slip the development issuer into production.
  if (config.production) throw new Error("The development issuer never runs with NODE_ENV=production");
  const devKeys = await loadOrCreateDevKeys(config.dataDir);
  return verifierFor({
    keys: createLocalJWKSet({ keys: [devKeys.publicJwk] }),
    issuer: DEV_ISSUER,
    audience: DEV_AUDIENCE,
    scope: DEV_SCOPE,
    tenantId: DEV_TENANT,
  });
}

// Verifying a signature costs more than the lookup it guards; a token seen before is answered from
// memory until it expires. Only successes are kept, keyed by the whole token string.
const VERIFIED_LIMIT = 10_000;

function cached(verify: TokenVerifier): TokenVerifier {
  const verified = new Map<string, { identity: TokenIdentity; expiresAt: number }>();
  return async (token) => {
    const hit = verified.get(token);
    if (hit && hit.expiresAt > Date.now()) return hit.identity;
    const identity = await verify(token);
    if (verified.size >= VERIFIED_LIMIT) verified.clear();
    verified.set(token, { identity, expiresAt: expiryOf(token) });
    return identity;
  };
}

function expiryOf(token: string): number {
  const payload = JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString()) as { exp?: number };
  return (payload.exp ?? 0) * 1000;
}

function verifierFor(expected: Expectations): TokenVerifier {
  return cached(async (token) => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, expected.keys, {
        issuer: expected.issuer,
        audience: expected.audience,
        algorithms: ["RS256", "ES256"],
        clockTolerance: 60,
        requiredClaims: ["exp"],
      }));
    } catch (error) {
      throw new AppError("unauthenticated", `The bearer token was rejected: ${(error as Error).message}`);
    }
    const lifetime = tokenLifetimeSeconds(payload);
    if (lifetime === null || lifetime > MAX_TOKEN_LIFETIME_SECONDS)
      throw new AppError(
        "unauthenticated",
        `The bearer token is valid for more than ${MAX_TOKEN_LIFETIME_SECONDS / 3600} hours; sign in again for a shorter-lived one`,
      );
    if (payload.tid !== expected.tenantId) throw new AppError("unauthenticated", "The token is from another tenant");
    const scopes = String(payload.scp ?? "").split(" ");
    if (!scopes.includes(expected.scope))
      throw new AppError("unauthenticated", `The token lacks the ${expected.scope} scope`);
    const oid = typeof payload.oid === "string" ? payload.oid : undefined;
    const email = String(payload.preferred_username ?? payload.upn ?? payload.email ?? "").toLowerCase();
    if (!oid || !email) throw new AppError("unauthenticated", "The token names no user (oid, preferred_username)");
    return {
      oid,
      tenantId: String(payload.tid),
      email,
      name: typeof payload.name === "string" && payload.name ? payload.name : email,
      role: roleFrom(payload.roles),
    };
  });
}

/** Entra app roles CRM.Admin and CRM.Manager; everyone else is a salesman. */
function roleFrom(roles: unknown): Role {
  const list = Array.isArray(roles) ? roles.map(String) : [];
  if (list.includes("CRM.Admin")) return "ADMIN";
  if (list.includes("CRM.Manager")) return "MANAGER";
  return "SALESMAN";
}

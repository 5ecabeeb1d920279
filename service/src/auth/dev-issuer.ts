import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { type JWK, SignJWT, decodeJwt, exportJWK, generateKeyPair, importJWK } from "jose";
import type { Role } from "contract";
import { MAX_TOKEN_LIFETIME_SECONDS, tokenLifetimeSeconds } from "./token-lifetime";

// The development issuer lets the service run without Entra ID: its key pair lives in DATA_DIR,
// `npm run token` signs with it, and the service trusts it only while no production auth is configured.
export const DEV_ISSUER = "urn:outlook-crm:dev-issuer";
export const DEV_AUDIENCE = "api://outlook-crm-dev";
export const DEV_SCOPE = "access_as_user";
export const DEV_TENANT = "dev-tenant";
const ALG = "ES256";

interface DevKeys {
  privateJwk: JWK;
  publicJwk: JWK;
}

function keyFile(dataDir: string) {
  return path.join(dataDir, "dev-issuer", "signing-key.json");
}

export async function loadOrCreateDevKeys(dataDir: string): Promise<DevKeys> {
  const file = keyFile(dataDir);
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, "utf8")) as DevKeys;
  const { privateKey, publicKey } = await generateKeyPair(ALG, { extractable: true });
  const kid = createHash("sha256")
    .update(JSON.stringify(await exportJWK(publicKey)))
    .digest("base64url")
    .slice(0, 16);
  const keys: DevKeys = {
    privateJwk: { ...(await exportJWK(privateKey)), kid, alg: ALG },
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg: ALG, use: "sig" },
  };
  // 0700 like the rest of DATA_DIR (also when `npm run token` is the first to create it).
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  // Written with exclusive create: two processes starting at once keep whichever key landed first.
  try {
    fs.writeFileSync(file, JSON.stringify(keys), { mode: 0o600, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return JSON.parse(fs.readFileSync(file, "utf8")) as DevKeys;
  }
  return keys;
}

export interface DevTokenRequest {
  email: string;
  name?: string;
  role?: Role;
  expiresIn?: string;
}

/** Signs a token shaped like an Entra ID access token for this API. */
export async function signDevToken(keys: DevKeys, request: DevTokenRequest): Promise<string> {
  const email = request.email.toLowerCase();
  const role = request.role ?? "SALESMAN";
  const key = await importJWK(keys.privateJwk, ALG);
  const token = await new SignJWT({
    oid: stableObjectId(email),
    tid: DEV_TENANT,
    preferred_username: email,
    name: request.name ?? nameFromEmail(email),
    scp: DEV_SCOPE,
    roles: role === "SALESMAN" ? [] : [`CRM.${role[0]}${role.slice(1).toLowerCase()}`],
  })
    .setProtectedHeader({ alg: ALG, kid: keys.privateJwk.kid, typ: "JWT" })
    .setIssuer(DEV_ISSUER)
    .setAudience(DEV_AUDIENCE)
    .setSubject(stableObjectId(email))
    .setIssuedAt()
    .setExpirationTime(request.expiresIn ?? "8h")
    .sign(key);
  // The service refuses longer-lived tokens: say so here rather than hand out one it will not take.
  if ((tokenLifetimeSeconds(decodeJwt(token)) ?? Infinity) > MAX_TOKEN_LIFETIME_SECONDS)
    throw new Error(`A token may be valid for ${MAX_TOKEN_LIFETIME_SECONDS / 3600} hours at most`);
  return token;
}

/** Same email, same object id: the user row survives new tokens. */
export function stableObjectId(email: string): string {
  const hex = createHash("sha256").update(`dev:${email}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

function nameFromEmail(email: string): string {
  const local = email.split("@")[0] ?? email;
  return local
    .split(/[._-]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join(" ");
}

import path from "node:path";
import { type CalendarSyncConfig, loadCalendarSyncConfig } from "./calendar-sync/calendar-sync.config";

/** Service configuration, from the environment only. README.md documents every variable. */
export interface Config {
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  seed: "demo" | "none";
  /** The organisation's own email domains: never used to find a customer. */
  orgDomains: string[];
  auth: ProductionAuth | { mode: "development" };
  logRequests: boolean;
  /** The built task pane (dist/addin), served under /addin when set; npm start sets it. */
  addinDir: string | undefined;
  /** Outlook calendar sync through Microsoft Graph (GRAPH_*, SYNC_*). */
  calendarSync: CalendarSyncConfig;
  /** The organisation's own country (OWN_COUNTRY): address labels leave it out; unset, they always print it. */
  ownCountry: string | undefined;
  /** SHUTDOWN_TIMEOUT_MS: how long SIGTERM waits for accepted requests before cutting them off. */
  shutdownTimeoutMs: number;
}

export interface ProductionAuth {
  mode: "entra";
  tenantId: string;
  audience: string;
  scope: string;
  issuer: string;
  jwksUri: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3001);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, got ${env.PORT}`);
  const seed = env.SEED ?? "none";
  if (seed !== "demo" && seed !== "none") throw new Error(`SEED must be "demo" or "none", got ${seed}`);
  return {
    port,
    dataDir: path.resolve(env.DATA_DIR ?? "./data"),
    databaseUrl: env.DATABASE_URL || undefined,
    seed,
    orgDomains: (env.ORG_DOMAINS ?? "contoso.com")
      .split(",")
      .map((domain) => domain.trim().toLowerCase())
      .filter(Boolean),
    auth: loadAuth(env),
    logRequests: env.LOG_REQUESTS === "1",
    addinDir: env.ADDIN_DIR ? path.resolve(env.ADDIN_DIR) : undefined,
    calendarSync: loadCalendarSyncConfig(env),
    ownCountry: env.OWN_COUNTRY?.trim() || undefined,
    shutdownTimeoutMs: loadShutdownTimeout(env.SHUTDOWN_TIMEOUT_MS),
  };
}

function loadShutdownTimeout(value: string | undefined): number {
  const ms = Number(value ?? 10_000);
  if (!Number.isInteger(ms) || ms < 0)
    throw new Error(`SHUTDOWN_TIMEOUT_MS must be a number of milliseconds, got ${value}`);
  return ms;
}

function loadAuth(env: NodeJS.ProcessEnv): Config["auth"] {
  const tenantId = env.AUTH_TENANT_ID;
  if (!tenantId) return { mode: "development" };
  const audience = env.AUTH_AUDIENCE;
  if (!audience) throw new Error("AUTH_AUDIENCE is required when AUTH_TENANT_ID is set");
  return {
    mode: "entra",
    tenantId,
    audience,
    scope: env.AUTH_SCOPE ?? "access_as_user",
    issuer: env.AUTH_ISSUER ?? `https://login.microsoftonline.com/${tenantId}/v2.0`,
    jwksUri: env.AUTH_JWKS_URI ?? `https://login.microsoftonline.com/${tenantId}/discovery/v2.0/keys`,
  };
}

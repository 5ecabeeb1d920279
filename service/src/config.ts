import path from "node:path";
import { type LogOnSendConfig, loadLogOnSendConfig } from "./features/log-on-send/log-on-send.config";
import { type CalendarSyncConfig, loadCalendarSyncConfig } from "./calendar-sync/calendar-sync.config";
import { LOG_LEVELS, type LogLevel } from "./shared/logger";
import { type HtmlCleaningConfig, loadHtmlCleaningConfig } from "./shared/html-cleaner";
import { type RateLimitConfig, loadRateLimitConfig } from "./http/rate-limits";
import { OUTLOOK_FRAME_ANCESTORS } from "./http/security-headers";
import { integerSetting } from "./shared/integer-setting";
import { type AccountNumberFormat, parseAccountNumberFormat } from "./features/customers/account-numbers";

/** Service configuration, from the environment only. README.md documents every variable. */
export interface Config {
  port: number;
  /**
   * Interface to listen on (HOST). Loopback with the development issuer, so a laptop's demo is not
   * on the network; every interface with production auth.
   */
  host: string | undefined;
  /** NODE_ENV=production: production auth is required and the development issuer never runs. */
  production: boolean;
  dataDir: string;
  databaseUrl: string | undefined;
  /** DATABASE_PREPARED_STATEMENTS=off: hot statements go unnamed, for a pooler without prepared statements. */
  preparedStatements: boolean;
  seed: "demo" | "none";
  /** The organisation's own email domains: never used to find a customer. */
  orgDomains: string[];
  auth: ProductionAuth | { mode: "development" };
  logRequests: boolean;
  /** pino level of the JSON log on stdout (LOG_LEVEL). */
  logLevel: LogLevel;
  /** The built task pane (dist/addin), served under /addin when set; npm start sets it. */
  addinDir: string | undefined;
  /** Outlook calendar sync through Microsoft Graph (GRAPH_*, SYNC_*). */
  calendarSync: CalendarSyncConfig;
  logOnSend: LogOnSendConfig;
  trackingPollMs: number;
  trackingLeaseMs: number;
  /** How often the loaner overdue-reminder job runs (LOANER_REMINDER_POLL_MS). */
  loanerReminderPollMs: number;
  /** The organisation's own country (OWN_COUNTRY): address labels leave it out; unset, they always print it. */
  ownCountry: string | undefined;
  /** The letterhead of printed quotes and orders (COMPANY_NAME, COMPANY_ADDRESS: lines separated by ";"). */
  letterhead: { name: string | undefined; addressLines: string[] };
  /** Limits on sanitising e-mail and note HTML (HTML_THREADS, HTML_TIME_BUDGET_MS, HTML_MAX_DEPTH, HTML_QUEUE). */
  htmlCleaning: HtmlCleaningConfig;
  /** Requests per user and per address (RATE_LIMIT_*). */
  rateLimits: RateLimitConfig;
  /**
   * Express's "trust proxy" (TRUST_PROXY): which proxies' X-Forwarded-For names the caller, as a hop
   * count or their addresses. Unset, the socket's peer is the caller, and a header is only a header.
   */
  trustProxy: number | string | false;
  /** Origins that may frame the task pane (PANE_FRAME_ANCESTORS): Outlook on the web's hosts by default. */
  paneFrameAncestors: string[];
  /** SHUTDOWN_TIMEOUT_MS: how long SIGTERM waits for accepted requests before cutting them off. */
  shutdownTimeoutMs: number;
  /** ACCOUNT_NUMBER_FORMAT: how a new customer's number from the sequence is written. */
  accountNumberFormat: AccountNumberFormat;
}

export interface ProductionAuth {
  mode: "entra";
  tenantId: string;
  audience: string;
  scope: string;
  issuer: string;
  jwksUri: string;
}

function loadPreparedStatements(value: string | undefined): boolean {
  if (value === undefined || value === "" || value === "on") return true;
  if (value === "off") return false;
  throw new Error(`DATABASE_PREPARED_STATEMENTS must be "on" or "off", got ${value}`);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3001);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, got ${env.PORT}`);
  const seed = env.SEED ?? "none";
  if (seed !== "demo" && seed !== "none") throw new Error(`SEED must be "demo" or "none", got ${seed}`);
  const production = env.NODE_ENV === "production";
  const auth = loadAuth(env, production);
  return {
    port,
    host: env.HOST || (auth.mode === "development" ? "127.0.0.1" : undefined),
    production,
    dataDir: path.resolve(env.DATA_DIR ?? "./data"),
    databaseUrl: env.DATABASE_URL || undefined,
    preparedStatements: loadPreparedStatements(env.DATABASE_PREPARED_STATEMENTS),
    seed,
    orgDomains: (env.ORG_DOMAINS ?? "contoso.com")
      .split(",")
      .map((domain) => domain.trim().toLowerCase())
      .filter(Boolean),
    auth,
    logRequests: env.LOG_REQUESTS === "1",
    logLevel: loadLogLevel(env.LOG_LEVEL),
    addinDir: env.ADDIN_DIR ? path.resolve(env.ADDIN_DIR) : undefined,
    calendarSync: loadCalendarSyncConfig(env),
    logOnSend: loadLogOnSendConfig(env),
    /** How often tracked conversations read Inbox and Sent Items delta. */
    trackingPollMs: integerSetting(env.TRACKING_POLL_MS, "TRACKING_POLL_MS", 60_000, 1_000),
    /** How long a replica holds a mailbox folder it reads (renewed after every page); a killed one's is taken over after it. */
    trackingLeaseMs: integerSetting(env.TRACKING_LEASE_MS, "TRACKING_LEASE_MS", 60_000, 1_000),
    /** Overdue loaners get their reminder task within this long of their due day passing. */
    loanerReminderPollMs: integerSetting(env.LOANER_REMINDER_POLL_MS, "LOANER_REMINDER_POLL_MS", 900_000, 1_000),
    ownCountry: env.OWN_COUNTRY?.trim() || undefined,
    letterhead: {
      name: env.COMPANY_NAME?.trim() || undefined,
      // At most six lines: a letterhead, not a page.
      addressLines: (env.COMPANY_ADDRESS ?? "")
        .split(";")
        .map((line) => line.trim())
        .filter(Boolean)
        .slice(0, 6),
    },
    htmlCleaning: loadHtmlCleaningConfig(env),
    rateLimits: loadRateLimitConfig(env),
    trustProxy: loadTrustProxy(env.TRUST_PROXY),
    paneFrameAncestors: loadFrameAncestors(env.PANE_FRAME_ANCESTORS),
    shutdownTimeoutMs: integerSetting(env.SHUTDOWN_TIMEOUT_MS, "SHUTDOWN_TIMEOUT_MS", 10_000, 0),
    accountNumberFormat: parseAccountNumberFormat(env.ACCOUNT_NUMBER_FORMAT),
  };
}

function loadLogLevel(value: string | undefined): LogLevel {
  const level = (value ?? "info").trim().toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(level))
    throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}, got ${value}`);
  return level as LogLevel;
}

function loadAuth(env: NodeJS.ProcessEnv, production: boolean): Config["auth"] {
  const tenantId = env.AUTH_TENANT_ID;
  // Like Keycloak's `start` versus `start-dev`: production is asked for, never fallen into by a missing variable.
  if (production && (!tenantId || !env.AUTH_AUDIENCE))
    throw new Error(
      "NODE_ENV=production needs production auth: set AUTH_TENANT_ID (the Entra ID tenant) and AUTH_AUDIENCE " +
        "(the API's application ID URI or client id). The development issuer never runs in production.",
    );
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

function loadTrustProxy(value: string | undefined): Config["trustProxy"] {
  if (!value) return false;
  if (/^\d+$/.test(value)) return Number(value);
  // "true" would believe any client's X-Forwarded-For and let it pick its own rate-limit address.
  if (value === "true") throw new Error("TRUST_PROXY must name the proxies (a hop count or addresses), not true");
  return value;
}

function loadFrameAncestors(value: string | undefined): string[] {
  if (!value?.trim()) return OUTLOOK_FRAME_ANCESTORS;
  const origins = value.split(/[\s,]+/).filter(Boolean);
  // Only https origins (a *. subdomain allowed): a quote or ";" would write another directive into the policy.
  const invalid = origins.find((origin) => !/^https:\/\/(\*\.)?[a-z0-9.-]+(:\d+)?$/i.test(origin));
  if (invalid)
    throw new Error(`PANE_FRAME_ANCESTORS takes https origins such as https://mail.contoso.com, got ${invalid}`);
  return origins;
}

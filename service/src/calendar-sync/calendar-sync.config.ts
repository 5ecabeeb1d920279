import { MAX_EVENT_SUBSCRIPTION_MINUTES } from "./graph/subscription-gateway";

/** Calendar sync settings, from the environment. README.md ("Calendar sync") documents each variable. */
export interface CalendarSyncConfig {
  /** Sync runs when a Graph token can be had: GRAPH_STATIC_TOKEN, or on-behalf-of credentials. */
  enabled: boolean;
  graphBaseUrl: string;
  /** Sent as is (a local fake); "{user}" is replaced by the user's email, giving each user a mailbox. */
  staticToken: string | undefined;
  onBehalfOf: OnBehalfOfConfig | undefined;
  /** How often the background worker pulls every user's calendar; 0 turns the worker off (sync on demand only). */
  intervalMs: number;
  /** How often the background worker looks for outbox entries that are due (a change, a retry, a lease run out). */
  pushPollMs: number;
  /**
   * How long a claimed outbox entry stays this replica's; renewed while the work goes on, handed back
   * on stop. A crashed replica's entries are taken over after at most leaseMs + pushPollMs.
   */
  leaseMs: number;
  /** Backoff of a push that got no answer, a 429 or a 5xx: base·2^attempts with jitter, at most cap. */
  retryBaseMs: number;
  retryCapMs: number;
  windowPastDays: number;
  windowFutureDays: number;
  /** Outlook events with a known contact as attendee become activities. */
  importOutlookEvents: boolean;
  timeoutMs: number;
  /**
   * The public https address of POST /api/graph/notifications (SYNC_NOTIFICATION_URL): with it every
   * syncing user gets a Graph subscription on their events; without it the calendars are polled.
   */
  notificationUrl: string | undefined;
  /** Users with a live subscription are polled only this often, as a fallback (SYNC_FALLBACK_INTERVAL_MS). */
  fallbackIntervalMs: number;
  /** Lifetime asked of Graph for each subscription (renewed when a quarter is left). */
  subscriptionMinutes: number;
}

export interface OnBehalfOfConfig {
  clientId: string;
  clientSecret: string;
  authority: string;
  scopes: string[];
  /** 32 bytes: the key that encrypts cached Graph tokens at rest. */
  cacheKey: Buffer;
}

function number(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = Number(env[name] ?? fallback);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number, got ${env[name]}`);
  return value;
}

export function loadCalendarSyncConfig(env: NodeJS.ProcessEnv = process.env): CalendarSyncConfig {
  const staticToken = env.GRAPH_STATIC_TOKEN || undefined;
  const onBehalfOf = loadOnBehalfOf(env);
  return {
    enabled: Boolean(staticToken || onBehalfOf),
    graphBaseUrl: (env.GRAPH_BASE_URL || "https://graph.microsoft.com/v1.0").replace(/\/+$/, ""),
    staticToken,
    onBehalfOf,
    intervalMs: number(env, "SYNC_INTERVAL_MS", 60_000),
    pushPollMs: Math.max(100, number(env, "SYNC_PUSH_POLL_MS", 5_000)),
    leaseMs: Math.max(1_000, number(env, "SYNC_LEASE_MS", 15_000)),
    retryBaseMs: Math.max(100, number(env, "SYNC_RETRY_BASE_MS", 5_000)),
    retryCapMs: Math.max(1_000, number(env, "SYNC_RETRY_CAP_MS", 300_000)),
    windowPastDays: number(env, "SYNC_WINDOW_PAST_DAYS", 30),
    windowFutureDays: number(env, "SYNC_WINDOW_FUTURE_DAYS", 180),
    importOutlookEvents: env.SYNC_IMPORT_OUTLOOK_EVENTS === "1",
    timeoutMs: number(env, "GRAPH_TIMEOUT_MS", 30_000),
    notificationUrl: notificationUrlOf(env),
    fallbackIntervalMs: number(env, "SYNC_FALLBACK_INTERVAL_MS", 900_000),
    // Graph's maximum for events is 10,080 minutes (MAX_EVENT_SUBSCRIPTION_MINUTES); a few minutes
    // less, so clock skew between us and Graph never makes the request exceed it.
    subscriptionMinutes: Math.min(
      MAX_EVENT_SUBSCRIPTION_MINUTES,
      Math.max(1, number(env, "SYNC_SUBSCRIPTION_MINUTES", MAX_EVENT_SUBSCRIPTION_MINUTES - 10)),
    ),
  };
}

/** Graph delivers only to https (a loopback http address is allowed for a local fake). */
function notificationUrlOf(env: NodeJS.ProcessEnv): string | undefined {
  const value = env.SYNC_NOTIFICATION_URL;
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`SYNC_NOTIFICATION_URL must be an absolute URL, got ${value}`);
  }
  const loopback = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/.test(url.hostname);
  if (url.protocol !== "https:" && !(url.protocol === "http:" && loopback))
    throw new Error("SYNC_NOTIFICATION_URL must be https (Graph delivers only there), or http on loopback for a fake");
  return url.toString();
}

function loadOnBehalfOf(env: NodeJS.ProcessEnv): OnBehalfOfConfig | undefined {
  const clientId = env.GRAPH_CLIENT_ID;
  if (!clientId) return undefined;
  const clientSecret = env.GRAPH_CLIENT_SECRET;
  const tenantId = env.AUTH_TENANT_ID;
  const key = env.GRAPH_TOKEN_CACHE_KEY;
  if (!clientSecret || !tenantId || !key)
    throw new Error("GRAPH_CLIENT_ID needs GRAPH_CLIENT_SECRET, AUTH_TENANT_ID and GRAPH_TOKEN_CACHE_KEY");
  const cacheKey = Buffer.from(key, "base64");
  if (cacheKey.length !== 32) throw new Error("GRAPH_TOKEN_CACHE_KEY must be 32 bytes, base64 encoded");
  return {
    clientId,
    clientSecret,
    authority: `https://login.microsoftonline.com/${tenantId}`,
    // Mail.Read: log on send finds the sent message in Sent Items with the same on-behalf-of tokens.
    scopes: [
      "https://graph.microsoft.com/Calendars.ReadWrite",
      "https://graph.microsoft.com/Mail.Read",
      "offline_access",
    ],
    cacheKey,
  };
}

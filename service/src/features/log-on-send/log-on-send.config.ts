/** Log on send settings, from the environment. README.md ("Log on send") documents each variable. */
export interface LogOnSendConfig {
  /** How often the worker looks for intents that are due. */
  pollMs: number;
  /** An intent whose message Sent Items never shows within this time ends EXPIRED (Graph outages do not count). */
  expireAfterMs: number;
  /** Backoff while the message is not in Sent Items yet, or Graph does not answer: base·2^attempts with jitter, at most cap. */
  retryBaseMs: number;
  retryCapMs: number;
  /** How long a claimed intent stays this replica's. */
  leaseMs: number;
}

function number(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = Number(env[name] ?? fallback);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number, got ${env[name]}`);
  return value;
}

export function loadLogOnSendConfig(env: NodeJS.ProcessEnv = process.env): LogOnSendConfig {
  return {
    pollMs: Math.max(100, number(env, "LOG_ON_SEND_POLL_MS", 5_000)),
    expireAfterMs: Math.max(60_000, number(env, "LOG_ON_SEND_EXPIRE_HOURS", 48) * 3_600_000),
    retryBaseMs: Math.max(100, number(env, "LOG_ON_SEND_RETRY_BASE_MS", 10_000)),
    retryCapMs: Math.max(1_000, number(env, "LOG_ON_SEND_RETRY_CAP_MS", 600_000)),
    leaseMs: Math.max(1_000, number(env, "LOG_ON_SEND_LEASE_MS", 60_000)),
  };
}

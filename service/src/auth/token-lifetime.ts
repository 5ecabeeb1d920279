// Entra ID issues access tokens for 60–90 minutes, and a tenant's token lifetime policy stretches that
// to one day at most (https://learn.microsoft.com/entra/identity-platform/configurable-token-lifetimes;
// the 24–28 hour tokens of continuous access evaluation go only to resources that take part in it,
// which this API does not). A token valid for longer, or forever, is not one to honour: a leaked one
// must stop working.
export const MAX_TOKEN_LIFETIME_SECONDS = 24 * 3600;

/**
 * Seconds a token is valid for: exp - iat, or exp - now when it carries no iat (or an iat in the
 * future, which would otherwise make a token good for months look short-lived); null without exp.
 */
export function tokenLifetimeSeconds(
  claims: { exp?: unknown; iat?: unknown },
  nowSeconds = Math.floor(Date.now() / 1000),
): number | null {
  if (typeof claims.exp !== "number") return null;
  return claims.exp - (typeof claims.iat === "number" ? Math.min(claims.iat, nowSeconds) : nowSeconds);
}

import { ApiError, toApiError } from "../api/api-error";
import type { TokenSource } from "../api/crm-api";

/**
 * Signs in against a local service that runs its development issuer (POST /api/dev/token).
 * The token is kept until shortly before it expires.
 */
export function createDevTokenSource(baseUrl: string, email: () => string): TokenSource {
  let cached: { email: string; token: string; until: number } | null = null;
  // The pane's first calls start together: they share one sign-in instead of asking for a token each.
  let pending: { email: string; token: Promise<string> } | null = null;
  const signIn = async (who: string): Promise<string> => {
    let response: Response;
    try {
      response = await fetch(`${baseUrl}/api/dev/token`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: who, role: roleOf(who) }),
      });
    } catch (error) {
      throw new ApiError(0, "network", (error as Error).message);
    }
    if (!response.ok) throw await toApiError(response);
    const body = (await response.json()) as { token: string; expiresIn: number };
    cached = { email: who, token: body.token, until: Date.now() + (body.expiresIn - 60) * 1000 };
    return body.token;
  };
  return async () => {
    const who = email();
    if (cached && cached.email === who && cached.until > Date.now()) return cached.token;
    if (pending?.email !== who) {
      const attempt = { email: who, token: signIn(who) };
      pending = attempt;
      void attempt.token.then(
        () => (pending === attempt ? (pending = null) : undefined),
        () => (pending === attempt ? (pending = null) : undefined),
      );
    }
    return pending.token;
  };
}

// The demo company's manager and admin keep their roles when they try the pane.
function roleOf(email: string): "SALESMAN" | "MANAGER" | "ADMIN" {
  if (email.startsWith("maria@")) return "MANAGER";
  if (email.startsWith("admin@")) return "ADMIN";
  return "SALESMAN";
}

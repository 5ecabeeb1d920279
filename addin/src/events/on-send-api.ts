import type { LogIntentCreate, LookupResult } from "contract";
import type { TokenSource } from "../api/send-request";
import { HttpStatusError, type OnSendApi } from "./on-message-send";

/**
 * The two calls the OnMessageSend handler makes, with plain fetch: the event runtime is small (on
 * classic Outlook for Windows a JavaScript-only runtime), so it carries none of the pane's client.
 */
export function createOnSendApi(baseUrl: string, token: TokenSource): OnSendApi {
  async function call(path: string, signal: AbortSignal, init: RequestInit = {}): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(`${baseUrl}${path}`, {
        ...init,
        signal,
        headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${await token()}` },
      });
    } catch {
      throw new HttpStatusError(0);
    }
    if (!response.ok) throw new HttpStatusError(response.status);
    return response;
  }
  return {
    async lookup(emails, signal) {
      const query = emails.map((email) => `email=${encodeURIComponent(email)}`).join("&");
      return (await (await call(`/api/lookup?${query}`, signal)).json()) as LookupResult;
    },
    async postLogIntent(intent: LogIntentCreate, signal) {
      await call("/api/log-intents", signal, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(intent),
      });
    },
  };
}

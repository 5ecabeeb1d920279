import type { GraphTokenProvider } from "../graph/calendar-gateway";

/** For a local Graph fake: the configured token as is; "{user}" becomes the user's email (one fake mailbox each). */
export function createStaticTokenProvider(token: string): GraphTokenProvider {
  return { tokenFor: async (mailbox) => token.replaceAll("{user}", mailbox.email) };
}

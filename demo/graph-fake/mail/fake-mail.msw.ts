import { http } from "msw";
import type { GraphMailFake } from "./fake-mail.handler";

/**
 * msw handlers for jest: Graph's mail paths go to the mail fake. Listed before the calendar fake's
 * catch-all, so one base URL serves both as on Graph itself.
 */
export function graphMailFakeHandlers(fake: GraphMailFake, baseUrl: string) {
  const base = baseUrl.replace(/\/+$/, "");
  return [
    http.all(`${base}/me/mailFolders/*`, ({ request }) => fake.handle(request)),
    http.all(`${base}/me/messages`, ({ request }) => fake.handle(request)),
    http.all(`${base}/me/messages/*`, ({ request }) => fake.handle(request)),
  ];
}

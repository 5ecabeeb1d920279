import { http } from "msw";
import type { GraphFake } from "./fake-graph.handler";

/** msw handlers for jest (setupServer): every request under the fake's base URL goes to the fake. */
export function graphFakeHandlers(fake: GraphFake, baseUrl: string) {
  return [http.all(`${baseUrl.replace(/\/+$/, "")}/*`, ({ request }) => fake.handle(request))];
}

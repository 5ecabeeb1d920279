import { randomBytes } from "node:crypto";
import { setupServer } from "msw/node";
import { ApiClient } from "../support/api-client";
import { startEntraIssuer } from "../support/entra-issuer";
import { type TestService, startTestService } from "../support/test-service";
import { createEntraFake } from "./support/entra-fake";

// Production wiring: the pane's Entra token reaches the service, which exchanges it on behalf of
// the user as soon as it first sees it, so background sync can reach the calendar.
describe("on-behalf-of with production auth", () => {
  const tenant = "11111111-2222-3333-4444-555555555555";
  const oid = "0b1c2d3e-0000-4000-8000-00000000a11c";
  let issuer: Awaited<ReturnType<typeof startEntraIssuer>>;
  let service: TestService;
  let addinToken: string;
  const fake = createEntraFake({
    tenant,
    clientId: "crm-service-client",
    clientSecret: "not-a-real-secret",
    userOid: oid,
    acceptsAssertion: (assertion) => assertion === addinToken,
  });
  // Everything but login.microsoftonline.com (the service itself, the JWKS) goes through untouched.
  const entra = setupServer(...fake.handlers);

  beforeAll(async () => {
    entra.listen({ onUnhandledRequest: "bypass" });
    issuer = await startEntraIssuer(tenant, "api://crm.contoso.example/abc");
    service = await startTestService("pglite", {
      ...issuer.env,
      GRAPH_CLIENT_ID: "crm-service-client",
      GRAPH_CLIENT_SECRET: "not-a-real-secret",
      GRAPH_TOKEN_CACHE_KEY: randomBytes(32).toString("base64"),
      SYNC_INTERVAL_MS: "0",
    });
    addinToken = await issuer.sign({ oid });
  });
  afterAll(async () => {
    await service.stop();
    await issuer.close();
    entra.close();
  });

  it("exchanges a new token once and keeps the Graph tokens for the user", async () => {
    const client = new ApiClient(service.url, addinToken);
    const me = await client.get("/api/me");
    expect(me.status).toBe(200);
    await client.get("/api/me");
    const prisma = service.service.db.prisma;
    for (let attempt = 0; attempt < 50 && !(await prisma.graphTokenCache.count()); attempt++)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await prisma.graphTokenCache.count({ where: { userId: me.body.id } })).toBe(1);
    const exchanges = fake.state.grants.filter((grant) => grant.requested_token_use === "on_behalf_of");
    expect(exchanges.map((grant) => grant.assertion)).toEqual([addinToken]);
  });
});

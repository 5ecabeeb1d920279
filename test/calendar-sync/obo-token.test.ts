import { randomBytes } from "node:crypto";
import { setupServer } from "msw/node";
import { createOboTokenProvider } from "../../service/src/calendar-sync/auth/obo-token.provider";
import { GraphCallError } from "../../service/src/calendar-sync/graph/graph-errors";
import { type TestDatabase, createTestDatabase } from "../support/test-database";
import { LOGIN, createEntraFake } from "./support/entra-fake";

const TENANT = "11111111-2222-3333-4444-555555555555";
const CLIENT_ID = "crm-service-client";
const CLIENT_SECRET = "not-a-real-secret";
const ADDIN_TOKEN = "eyJ.addin-token-for-alice.sig";
const USER_OID = "0b1c2d3e-0000-4000-8000-00000000a11c";

describe("Graph tokens on behalf of the user", () => {
  const fake = createEntraFake({
    tenant: TENANT,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    userOid: USER_OID,
    acceptsAssertion: (assertion) => assertion === ADDIN_TOKEN,
  });
  const { state } = fake;
  const grants = state.grants;
  const entra = setupServer(...fake.handlers);

  let database: TestDatabase;
  let userId: string;
  const config = () => ({
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    authority: `${LOGIN}/${TENANT}`,
    scopes: ["https://graph.microsoft.com/Calendars.ReadWrite", "offline_access"],
    cacheKey,
  });
  const cacheKey = randomBytes(32);

  beforeAll(async () => {
    entra.listen({ onUnhandledRequest: "error" });
    database = await createTestDatabase("pglite");
    userId = (
      await database.db.prisma.user.create({ data: { oid: USER_OID, email: "alice@contoso.com", name: "Alice" } })
    ).id;
  });
  afterAll(async () => {
    entra.close();
    await database.drop();
  });

  it("exchanges the add-in's token, keeps the tokens encrypted, and serves them to another replica", async () => {
    await createOboTokenProvider(database.db.prisma, config()).remember(userId, ADDIN_TOKEN);
    const obo = grants.find((grant) => grant.grant_type === "urn:ietf:params:oauth:grant-type:jwt-bearer")!;
    expect(obo).toMatchObject({ requested_token_use: "on_behalf_of", assertion: ADDIN_TOKEN });
    expect(obo.scope).toContain("https://graph.microsoft.com/Calendars.ReadWrite");

    const stored = await database.db.prisma.graphTokenCache.findUniqueOrThrow({ where: { userId } });
    expect(stored.cipher).not.toMatch(/graph-access|graph-refresh|alice@contoso\.com/);

    // Another replica (or a restart): only the database in common.
    const elsewhere = createOboTokenProvider(database.db.prisma, config());
    const requestsBefore = grants.length;
    expect(await elsewhere.tokenFor({ userId, email: "alice@contoso.com" })).toBe("graph-access-1");
    expect(grants).toHaveLength(requestsBefore);
  });

  it("renews an expiring access token silently with the refresh token", async () => {
    state.accessLifetime = 60; // inside msal's five-minute renewal margin
    const provider = createOboTokenProvider(database.db.prisma, config());
    await provider.remember(userId, ADDIN_TOKEN);
    const refreshToken = `graph-refresh-${state.issued}`;
    const token = await provider.tokenFor({ userId, email: "alice@contoso.com" });
    expect(token).toBe(`graph-access-${state.issued}`);
    expect(grants.at(-1)).toMatchObject({ grant_type: "refresh_token", refresh_token: refreshToken });
    state.accessLifetime = 3600;
  });

  it("says sign-in is needed when there is nothing to renew with", async () => {
    state.accessLifetime = 60;
    const provider = createOboTokenProvider(database.db.prisma, config());
    await provider.remember(userId, ADDIN_TOKEN);
    state.revoked.add(`graph-refresh-${state.issued}`);
    const failure = await provider.tokenFor({ userId, email: "alice@contoso.com" }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(GraphCallError);
    expect((failure as GraphCallError).message).toMatch(/sign-in needed/i);

    const stranger = await database.db.prisma.user.create({
      data: { oid: "someone-else", email: "ben@contoso.com", name: "Ben" },
    });
    const none = await provider
      .tokenFor({ userId: stranger.id, email: "ben@contoso.com" })
      .catch((error: unknown) => error);
    expect((none as GraphCallError).message).toMatch(/Open the CRM pane in Outlook once/);
    state.accessLifetime = 3600;
  });
});

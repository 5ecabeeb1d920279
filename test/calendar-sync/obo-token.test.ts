import { randomBytes } from "node:crypto";
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { createOboTokenProvider } from "../../service/src/calendar-sync/auth/obo-token.provider";
import { GraphCallError } from "../../service/src/calendar-sync/graph/graph-errors";
import { type TestDatabase, createTestDatabase } from "../support/test-database";

// Entra ID at the HTTP level, as msal-node talks to it: tenant metadata, instance discovery and the
// token endpoint with the on-behalf-of and refresh-token grants. Responses carry client_info and an
// id_token as Entra's do, which is what lets msal-node keep an account to renew silently.
const TENANT = "11111111-2222-3333-4444-555555555555";
const CLIENT_ID = "crm-service-client";
const CLIENT_SECRET = "not-a-real-secret";
const ADDIN_TOKEN = "eyJ.addin-token-for-alice.sig";
const LOGIN = "https://login.microsoftonline.com";
const USER_OID = "0b1c2d3e-0000-4000-8000-00000000a11c";

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
const idToken = () =>
  `${b64({ alg: "none", typ: "JWT" })}.${b64({
    aud: CLIENT_ID,
    iss: `${LOGIN}/${TENANT}/v2.0`,
    oid: USER_OID,
    sub: "alice-sub",
    tid: TENANT,
    preferred_username: "alice@contoso.com",
    name: "Alice Wagner",
    iat: Math.floor(Date.now() / 1000),
    exp: Math.floor(Date.now() / 1000) + 3600,
  })}.`;

interface Grant {
  grant_type: string;
  [field: string]: string;
}

describe("Graph tokens on behalf of the user", () => {
  const grants: Grant[] = [];
  let issued = 0;
  let accessLifetime = 3600;
  const revoked = new Set<string>();
  const tokens = () => {
    issued += 1;
    return {
      token_type: "Bearer",
      scope: "https://graph.microsoft.com/Calendars.ReadWrite",
      expires_in: accessLifetime,
      ext_expires_in: accessLifetime,
      access_token: `graph-access-${issued}`,
      refresh_token: `graph-refresh-${issued}`,
      id_token: idToken(),
      client_info: b64({ uid: USER_OID, utid: TENANT }),
    };
  };
  const entra = setupServer(
    http.get(`${LOGIN}/${TENANT}/v2.0/.well-known/openid-configuration`, () =>
      HttpResponse.json({
        token_endpoint: `${LOGIN}/${TENANT}/oauth2/v2.0/token`,
        authorization_endpoint: `${LOGIN}/${TENANT}/oauth2/v2.0/authorize`,
        end_session_endpoint: `${LOGIN}/${TENANT}/oauth2/v2.0/logout`,
        issuer: `${LOGIN}/${TENANT}/v2.0`,
        jwks_uri: `${LOGIN}/${TENANT}/discovery/v2.0/keys`,
      }),
    ),
    http.get(`${LOGIN}/common/discovery/instance`, () =>
      HttpResponse.json({
        tenant_discovery_endpoint: `${LOGIN}/${TENANT}/v2.0/.well-known/openid-configuration`,
        "api-version": "1.1",
        metadata: [
          {
            preferred_network: "login.microsoftonline.com",
            preferred_cache: "login.windows.net",
            aliases: ["login.microsoftonline.com", "login.windows.net", "login.microsoft.com", "sts.windows.net"],
          },
        ],
      }),
    ),
    http.post(`${LOGIN}/${TENANT}/oauth2/v2.0/token`, async ({ request }) => {
      const grant = Object.fromEntries(new URLSearchParams(await request.text())) as Grant;
      grants.push(grant);
      const invalid = (description: string) =>
        HttpResponse.json({ error: "invalid_grant", error_description: description }, { status: 400 });
      if (grant.client_id !== CLIENT_ID || grant.client_secret !== CLIENT_SECRET)
        return HttpResponse.json({ error: "invalid_client" }, { status: 401 });
      if (grant.grant_type === "urn:ietf:params:oauth:grant-type:jwt-bearer") {
        if (grant.requested_token_use !== "on_behalf_of" || grant.assertion !== ADDIN_TOKEN)
          return invalid("AADSTS50013: Assertion failed signature validation.");
        return HttpResponse.json(tokens());
      }
      if (grant.grant_type === "refresh_token") {
        if (revoked.has(grant.refresh_token!)) return invalid("AADSTS700082: The refresh token has expired.");
        return HttpResponse.json(tokens());
      }
      return invalid("unsupported grant");
    }),
  );

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
    accessLifetime = 60; // inside msal's five-minute renewal margin
    const provider = createOboTokenProvider(database.db.prisma, config());
    await provider.remember(userId, ADDIN_TOKEN);
    const refreshToken = `graph-refresh-${issued}`;
    const token = await provider.tokenFor({ userId, email: "alice@contoso.com" });
    expect(token).toBe(`graph-access-${issued}`);
    expect(grants.at(-1)).toMatchObject({ grant_type: "refresh_token", refresh_token: refreshToken });
    accessLifetime = 3600;
  });

  it("says sign-in is needed when there is nothing to renew with", async () => {
    accessLifetime = 60;
    const provider = createOboTokenProvider(database.db.prisma, config());
    await provider.remember(userId, ADDIN_TOKEN);
    revoked.add(`graph-refresh-${issued}`);
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
    accessLifetime = 3600;
  });
});

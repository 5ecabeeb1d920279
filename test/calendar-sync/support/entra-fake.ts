import { http, HttpResponse } from "msw";

// Entra ID at the HTTP level, as msal-node talks to it: tenant metadata, instance discovery and the
// token endpoint with the on-behalf-of and refresh-token grants. Responses carry client_info and an
// id_token as Entra's do, which is what lets msal-node keep an account to renew silently.
export const LOGIN = "https://login.microsoftonline.com";

export interface Grant {
  grant_type: string;
  [field: string]: string;
}

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");

export function createEntraFake(options: {
  tenant: string;
  clientId: string;
  clientSecret: string;
  userOid: string;
  acceptsAssertion: (assertion: string) => boolean;
}) {
  const { tenant, clientId } = options;
  const state = { grants: [] as Grant[], issued: 0, accessLifetime: 3600, revoked: new Set<string>() };
  const idToken = () =>
    `${b64({ alg: "none", typ: "JWT" })}.${b64({
      aud: clientId,
      iss: `${LOGIN}/${tenant}/v2.0`,
      oid: options.userOid,
      sub: `${options.userOid}-sub`,
      tid: tenant,
      preferred_username: "alice@contoso.com",
      name: "Alice Wagner",
      iat: Math.floor(Date.now() / 1000),
      exp: Math.floor(Date.now() / 1000) + 3600,
    })}.`;
  const tokens = () => {
    state.issued += 1;
    return {
      token_type: "Bearer",
      scope: "https://graph.microsoft.com/Calendars.ReadWrite",
      expires_in: state.accessLifetime,
      ext_expires_in: state.accessLifetime,
      access_token: `graph-access-${state.issued}`,
      refresh_token: `graph-refresh-${state.issued}`,
      id_token: idToken(),
      client_info: b64({ uid: options.userOid, utid: tenant }),
    };
  };
  const handlers = [
    http.get(`${LOGIN}/${tenant}/v2.0/.well-known/openid-configuration`, () =>
      HttpResponse.json({
        token_endpoint: `${LOGIN}/${tenant}/oauth2/v2.0/token`,
        authorization_endpoint: `${LOGIN}/${tenant}/oauth2/v2.0/authorize`,
        end_session_endpoint: `${LOGIN}/${tenant}/oauth2/v2.0/logout`,
        issuer: `${LOGIN}/${tenant}/v2.0`,
        jwks_uri: `${LOGIN}/${tenant}/discovery/v2.0/keys`,
      }),
    ),
    http.get(`${LOGIN}/common/discovery/instance`, () =>
      HttpResponse.json({
        tenant_discovery_endpoint: `${LOGIN}/${tenant}/v2.0/.well-known/openid-configuration`,
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
    http.post(`${LOGIN}/${tenant}/oauth2/v2.0/token`, async ({ request }) => {
      const grant = Object.fromEntries(new URLSearchParams(await request.text())) as Grant;
      state.grants.push(grant);
      const invalid = (description: string) =>
        HttpResponse.json({ error: "invalid_grant", error_description: description }, { status: 400 });
      if (grant.client_id !== clientId || grant.client_secret !== options.clientSecret)
        return HttpResponse.json({ error: "invalid_client" }, { status: 401 });
      if (grant.grant_type === "urn:ietf:params:oauth:grant-type:jwt-bearer") {
        if (grant.requested_token_use !== "on_behalf_of" || !options.acceptsAssertion(grant.assertion ?? ""))
          return invalid("AADSTS50013: Assertion failed signature validation.");
        return HttpResponse.json(tokens());
      }
      if (grant.grant_type === "refresh_token") {
        if (state.revoked.has(grant.refresh_token!)) return invalid("AADSTS700082: The refresh token has expired.");
        return HttpResponse.json(tokens());
      }
      return invalid("unsupported grant");
    }),
  ];
  return { handlers, state };
}

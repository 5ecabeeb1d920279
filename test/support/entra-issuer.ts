import http from "node:http";
import type { AddressInfo } from "node:net";
import { SignJWT, exportJWK, generateKeyPair } from "jose";

/**
 * A stand-in for Entra ID's signing keys at the HTTP level: a local JWKS endpoint (AUTH_JWKS_URI)
 * and a function that signs access tokens for this API like Entra would.
 */
export async function startEntraIssuer(tenant: string, audience: string) {
  const { privateKey, publicKey } = await generateKeyPair("RS256");
  const publicJwk = { ...(await exportJWK(publicKey)), kid: "entra-key-1", alg: "RS256", use: "sig" };
  const server = http.createServer((_request, response) => {
    response.setHeader("content-type", "application/json");
    response.end(JSON.stringify({ keys: [publicJwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `https://login.microsoftonline.com/${tenant}/v2.0`;
  return {
    env: {
      AUTH_TENANT_ID: tenant,
      AUTH_AUDIENCE: audience,
      AUTH_JWKS_URI: `http://127.0.0.1:${(server.address() as AddressInfo).port}/discovery/v2.0/keys`,
    },
    sign: (claims: Record<string, unknown>, tokenIssuer = issuer) =>
      new SignJWT({
        tid: tenant,
        scp: "access_as_user",
        oid: "0b1c",
        preferred_username: "Alice@Contoso.com",
        name: "Alice Wagner",
        ...claims,
      })
        .setProtectedHeader({ alg: "RS256", kid: "entra-key-1" })
        .setIssuer(tokenIssuer)
        .setAudience(audience)
        .setIssuedAt()
        .setExpirationTime("1h")
        .sign(privateKey),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
